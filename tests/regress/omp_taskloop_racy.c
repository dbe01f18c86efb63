// OpenMP taskloop: its tasks all add into one shared total without a reduction clause or atomic (race between tasks).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>

static int a[200];
static long total;

int main(void)
{
    omp_set_num_threads(2);
    for (int i = 0; i < 200; i++)
        a[i] = i;
#pragma omp parallel
#pragma omp single
    {
#pragma omp taskloop grainsize(20)
        for (int i = 0; i < 200; i++)
            total += a[i]; // RACE
    }
    printf("%ld\n", total);
    return 0;
}
