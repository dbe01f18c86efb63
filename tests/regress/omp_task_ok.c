// OpenMP: a task writes a result that its creator reads after #pragma omp taskwait (the creator spins until the task starts, so another thread runs it).
// CFLAGS: -fopenmp
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int started;
static int result, seen;

int main(void)
{
#pragma omp parallel num_threads(2)
#pragma omp single
    {
#pragma omp task
        {
            atomic_exchange(&started, 1);
            result = 42;
        }
        while (!atomic_fetch_add(&started, 0))
            sched_yield();
#pragma omp taskwait
        seen = result;
    }
    return seen == 42 ? 0 : 1;
}
