// OpenMP: the default static schedule gives each thread one contiguous share of the iterations; iterations 2 and 5 update the same element (idx[] repeats 2), and both lie in the first thread's share: iterations are unordered all the same (race).
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 64
static int idx[N];
static double x[N];

int main(void)
{
    for (int i = 0; i < N; i++)
        idx[i] = i;
    idx[5] = 2;
#pragma omp parallel for num_threads(2)
    for (int i = 0; i < N; i++)
        x[idx[i]] += 1.0; // RACE
    printf("%f\n", x[2]);
    return 0;
}
