// OpenMP: #pragma omp master initialises a shared value but has no barrier (master has none of its own): the other thread's read races.
// CFLAGS: -fopenmp
#include <omp.h>

static int config;
static int seen[2];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp master
        config = 42; // RACE
        seen[omp_get_thread_num()] = config; // RACE
    }
    return seen[0] == -1 || seen[1] == -1;
}
