// OpenMP: parallel for loops with static and dynamic schedules, each reading elements another thread wrote in the loop before (ordered by the loops' implicit barriers).
// CFLAGS: -fopenmp
#include <omp.h>

#define N 200
static int a[N], b[N], c[N], d[N];

int main(void)
{
#pragma omp parallel for schedule(static) num_threads(2)
    for (int i = 0; i < N; i++)
        a[i] = i;
#pragma omp parallel for schedule(dynamic, 8) num_threads(2)
    for (int i = 0; i < N; i++)
        b[i] = a[N - 1 - i] * 2;
#pragma omp parallel num_threads(2)
    {
#pragma omp for schedule(dynamic, 4)
        for (int i = 0; i < N; i++)
            c[i] = b[N - 1 - i] + 1;
#pragma omp for schedule(static)
        for (int i = 0; i < N; i++)
            d[i] = c[N - 1 - i];
    }
    for (int i = 0; i < N; i++)
        if (d[i] != 2 * (N - 1 - i) + 1)
            return 1;
    return 0;
}
