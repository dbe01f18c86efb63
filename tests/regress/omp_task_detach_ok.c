// OpenMP 5.0: a detached task (detach(event)) with depend(out: result) completes only when another task fulfils its event; the depend(in: result) task that reads the result waits for that (no race).  Before the fix, racemap's task wrapper crashed on any detached task.
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
#pragma omp task depend(in: result)
        seen = result;
#pragma omp task firstprivate(done)
        {
            result = 42;
            omp_fulfill_event(done);
        }
#pragma omp taskwait
    }
    printf("seen %d\n", seen);
    return seen != 42;
}
