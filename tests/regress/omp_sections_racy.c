// OpenMP: two sections, run by two threads, both add to one shared total (race).
// CFLAGS: -fopenmp
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int arrived[2];
static long total;

/* Each section waits until the other has started, so two threads run them. */
static void meet(int me)
{
    atomic_exchange(&arrived[me], 1);
    while (!atomic_fetch_add(&arrived[1 - me], 0))
        sched_yield();
}

int main(void)
{
#pragma omp parallel sections num_threads(2)
    {
#pragma omp section
        {
            meet(0);
            total += 1; // RACE
        }
#pragma omp section
        {
            meet(1);
            total += 2; // RACE
        }
    }
    return total == -1;
}
