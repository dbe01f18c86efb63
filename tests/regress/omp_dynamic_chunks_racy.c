// OpenMP loop with schedule(dynamic): every iteration reads a[64], which the chunk holding iteration 64 writes; chunks are unordered whichever threads take them (race).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>

static double a[2000];

int main(void)
{
    for (int i = 0; i < 2000; i++)
        a[i] = i;
#pragma omp parallel for schedule(dynamic, 64) num_threads(2)
    for (int i = 0; i < 2000; i++)
        a[i] = a[i] + a[64]; // RACE
    printf("%f\n", a[1999]);
    return 0;
}
