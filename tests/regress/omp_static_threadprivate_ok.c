// OpenMP: every iteration of a static-schedule loop adds into a threadprivate counter, which each thread then adds to the total inside a critical section: the iterations of one thread share its copy in program order (race-free).
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 64
static long count;
#pragma omp threadprivate(count)
static long total;
static int v[N];

int main(void)
{
    for (int i = 0; i < N; i++)
        v[i] = i;
#pragma omp parallel num_threads(2)
    {
        count = 0;
#pragma omp for
        for (int i = 0; i < N; i++)
            count += v[i];
#pragma omp critical
        total += count;
    }
    printf("%ld\n", total);
    return 0;
}
