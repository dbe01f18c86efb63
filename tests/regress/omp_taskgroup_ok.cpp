// OpenMP (C++): #pragma omp taskgroup waits for a task's own child task too, so the creator reads the grandchild's result after it safely.
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
#pragma omp taskgroup
        {
#pragma omp task
            {
#pragma omp task
                {
                    started.exchange(1);
                    result = 42;
                }
            }
            // Spin in user code until the grandchild starts, so another thread runs both tasks.
            while (!started.fetch_add(0))
                sched_yield();
        }
        seen = result;
    }
};

static Job job;

int main()
{
#pragma omp parallel num_threads(2)
#pragma omp single
    job.run();
    return job.seen == 42 ? 0 : 1;
}
