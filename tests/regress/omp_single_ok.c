// OpenMP: #pragma omp single initialises a shared value; the single's implicit barrier orders it before every thread's read.
// CFLAGS: -fopenmp
#include <omp.h>

static int config;
static int seen[2];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp single
        config = 42;
        seen[omp_get_thread_num()] = config;
    }
    return (seen[0] == 42 && seen[1] == 42) ? 0 : 1;
}
