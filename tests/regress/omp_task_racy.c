// OpenMP: a task writes a result that its creator reads without #pragma omp taskwait (race; the creator spins until the task starts, so another thread runs it).
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
            result = 42; // RACE
        }
        while (!atomic_fetch_add(&started, 0))
            sched_yield();
        seen = result; // RACE
    }
    return seen == -1;
}
