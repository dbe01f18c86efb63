// OpenMP: two tasks write x, but the second names the wrong variable, depend(out: y), so nothing orders it after the first (race; each task waits until the other has started, so two threads run them).
// CFLAGS: -fopenmp
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int arrived[2];
static int x, y;

static void meet(int me)
{
    atomic_exchange(&arrived[me], 1);
    while (!atomic_fetch_add(&arrived[1 - me], 0))
        sched_yield();
}

int main(void)
{
#pragma omp parallel num_threads(2)
#pragma omp single
    {
#pragma omp task depend(out : x)
        {
            meet(0);
            x = 1; // RACE
        }
#pragma omp task depend(out : y)
        {
            meet(1);
            x = 2; // RACE
        }
    }
    return (x == -1 || y == -1);
}
