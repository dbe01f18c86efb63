// OpenMP: two worksharing loops with nowait, then an explicit barrier before a loop that reads elements the other thread wrote.
// CFLAGS: -fopenmp
#include <omp.h>

#define N 200
static int a[N], b[N], c[N];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp for schedule(static) nowait
        for (int i = 0; i < N; i++)
            a[i] = i * 2;
#pragma omp for schedule(static) nowait
        for (int i = 0; i < N; i++)
            b[i] = i * 3;
#pragma omp barrier
#pragma omp for schedule(static)
        for (int i = 0; i < N; i++)
            c[i] = a[N - 1 - i] + b[N - 1 - i];
    }
    for (int i = 0; i < N; i++)
        if (c[i] != 5 * (N - 1 - i))
            return 1;
    return 0;
}
