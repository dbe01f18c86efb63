// OpenMP: programs that ask omp_get_thread_num count on which iterations of a static loop each thread runs: partial sums indexed by the thread number asked before the loop, and a variable that only thread 0 writes, in each of its iterations (DataRaceBench DRB171) (race-free). Built at -O0: at -O1 GCC keeps partial[tid] and first in registers.
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

#define N 64
static double v[N], partial[8], first;

int main(void)
{
    for (int i = 0; i < N; i++)
        v[i] = i;
#pragma omp parallel num_threads(2)
    {
        int tid = omp_get_thread_num();
#pragma omp for
        for (int i = 0; i < N; i++)
            partial[tid] += v[i];
    }
#pragma omp parallel for num_threads(2)
    for (int i = 0; i < N; i++)
        if (omp_get_thread_num() == 0)
            first = v[i];
    printf("%f %f %f\n", partial[0], partial[1], first);
    return 0;
}
