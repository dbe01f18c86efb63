// OpenMP: partial sums indexed by the thread number asked before a static loop are the thread's own, but both threads also write `last` in their iterations (race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

#define N 64
static double v[N], partial[8];
static int last;

int main(void)
{
    for (int i = 0; i < N; i++)
        v[i] = i;
#pragma omp parallel num_threads(2)
    {
        int tid = omp_get_thread_num();
#pragma omp for
        for (int i = 0; i < N; i++) {
            partial[tid] += v[i];
            last = i; // RACE
        }
    }
    printf("%f %f %d\n", partial[0], partial[1], last);
    return 0;
}
