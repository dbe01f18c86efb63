// OpenMP: static-schedule loops whose iterations touch disjoint data: an inner loop adding into a[i], a private temporary, a nowait loop then a barrier, a reduction with lastprivate, an orphaned loop adding into its caller's private variable, a share left empty (race-free).
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 64
static int idx[N];
static double a[N], b[N], c[N];

// An orphaned `omp for`: *s is the calling thread's variable.
static void add_into(double *s)
{
#pragma omp for
    for (int i = 0; i < N; i++)
        *s += c[i];
}

int main(void)
{
    double sum = 0, sum2 = 0;
    int last = -1;
    for (int i = 0; i < N; i++) {
        idx[i] = N - 1 - i;
        b[i] = i;
    }
#pragma omp parallel num_threads(2)
    {
#pragma omp for
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                a[idx[i]] += b[j] * i;
#pragma omp for nowait
        for (int i = 0; i < N; i++) {
            double t = a[i] * 2;
            c[i] = t;
        }
#pragma omp barrier
#pragma omp for reduction(+ : sum) lastprivate(last)
        for (int i = 0; i < N; i++) {
            sum += c[i];
            last = i;
        }
        double mine = 0;
        add_into(&mine);
#pragma omp critical
        sum2 += mine;
#pragma omp for
        for (int i = 0; i < 1; i++)
            a[i] = sum;
    }
    printf("%f %f %d %f\n", sum, sum2, last, a[0]);
    return 0;
}
