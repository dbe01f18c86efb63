// OpenMP: #pragma omp master initialises a shared value, then an explicit barrier before every thread reads it.
// CFLAGS: -fopenmp
#include <omp.h>

static int config;
static int seen[2];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp master
        config = 42;
#pragma omp barrier
        seen[omp_get_thread_num()] = config;
    }
    return (seen[0] == 42 && seen[1] == 42) ? 0 : 1;
}
