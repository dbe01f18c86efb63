// OpenMP loop with schedule(dynamic, 1): each iteration asks omp_get_thread_num() but then uses the same scratch row whichever thread runs it; the iterations sleep, so both threads take chunks, and rows written by two threads race (race).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>
#include <unistd.h>

#define N 16
double scratch[8];
static double out[N];

int main(void)
{
#pragma omp parallel for schedule(dynamic, 1) num_threads(2)
    for (int i = 0; i < N; i++) {
        int tid = omp_get_thread_num();
        usleep(2000);
        scratch[0] = i + tid * 0; // RACE
        out[i] = scratch[0];
    }
    printf("%f %f\n", out[N - 1], scratch[0]);
    return 0;
}
