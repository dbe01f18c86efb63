// OpenMP: two sections write separate results; after the sections' implicit barrier each thread reads both.
// CFLAGS: -fopenmp
#include <omp.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int arrived[2];
static long left, right;
static long seen[2];

/* Each section waits until the other has started, so two threads run them. */
static void meet(int me)
{
    atomic_exchange(&arrived[me], 1);
    while (!atomic_fetch_add(&arrived[1 - me], 0))
        sched_yield();
}

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp sections
        {
#pragma omp section
            {
                meet(0);
                left = 1;
            }
#pragma omp section
            {
                meet(1);
                right = 2;
            }
        }
        seen[omp_get_thread_num()] = left + right;
    }
    return (seen[0] == 3 && seen[1] == 3) ? 0 : 1;
}
