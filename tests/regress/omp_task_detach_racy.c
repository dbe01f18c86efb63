// OpenMP 5.0: as omp_task_detach_ok, but the reading task does not depend on the detached one: it may read the result while the fulfilling task writes it (race).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>

static int result, seen;

int main(void)
{
#pragma omp parallel num_threads(2)
#pragma omp single
    {
        omp_event_handle_t done;
#pragma omp task detach(done) depend(out: result)
        {
        }
#pragma omp task
        seen = result; // RACE
#pragma omp task firstprivate(done)
        {
            result = 42; // RACE
            omp_fulfill_event(done);
        }
#pragma omp taskwait
    }
    printf("seen %d\n", seen);
    return 0;
}
