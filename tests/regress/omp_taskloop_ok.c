// OpenMP taskloop: its tasks fill an array, and the construct's implicit taskgroup orders them before the sum that follows (race-free).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>

static int a[200];

int main(void)
{
    long total = 0;
    omp_set_num_threads(2);
#pragma omp parallel
#pragma omp single
    {
#pragma omp taskloop grainsize(20)
        for (int i = 0; i < 200; i++)
            a[i] = i;
        for (int i = 0; i < 200; i++)
            total += a[i];
    }
    printf("%ld\n", total);
    return total == 19900 ? 0 : 1;
}
