// OpenMP: task depend(out: x) then an undeferred task depend(in: x) that reads x; the dependence orders the write before the read (two threads run them).
// CFLAGS: -fopenmp
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int started;
static int x, seen;

int main(void)
{
#pragma omp parallel num_threads(2)
#pragma omp single
    {
#pragma omp task depend(out : x)
        {
            atomic_exchange(&started, 1);
            x = 42;
        }
        /* Spin until the first task starts, so another thread runs it. */
        while (!atomic_fetch_add(&started, 0))
            sched_yield();
#pragma omp task depend(in : x) if (0)
        seen = x;
    }
    return seen == 42 ? 0 : 1;
}
