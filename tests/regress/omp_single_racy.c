// OpenMP: #pragma omp single nowait initialises a shared value; without the barrier the other thread's read races with it.
// CFLAGS: -fopenmp
#include <omp.h>

static int config;
static int seen[2];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp single nowait
        config = 42; // RACE
        seen[omp_get_thread_num()] = config; // RACE
    }
    return seen[0] == -1 || seen[1] == -1;
}
