// OpenMP (C++): #pragma omp taskwait waits only for the child task, not for the child's own task, whose result the creator then reads (race).
// CFLAGS: -fopenmp
#include <atomic>
#include <omp.h>
#include <sched.h>

struct Job {
    std::atomic<int> started{0};
    int result = 0;
    int seen = 0;

    void run()
    {
#pragma omp task
        {
#pragma omp task
            {
                started.exchange(1);
                result = 42; // RACE
            }
        }
        // Spin in user code until the grandchild starts, so another thread runs both tasks.
        while (!started.fetch_add(0))
            sched_yield();
#pragma omp taskwait
        seen = result; // RACE
    }
};

static Job job;

int main()
{
#pragma omp parallel num_threads(2)
#pragma omp single
    job.run();
    return job.seen == -1;
}
