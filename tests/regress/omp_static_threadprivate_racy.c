// OpenMP: every iteration of a static-schedule loop adds into a threadprivate counter, but the threads then add their counters to the total without a critical section (race).
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
        total += count; // RACE
    }
    printf("%ld\n", total);
    return 0;
}
