// OpenMP: an omp_lock_t taken with omp_set_lock by one thread and omp_test_lock by the other guards a shared counter.
// CFLAGS: -fopenmp
#include <omp.h>
#include <sched.h>

static omp_lock_t lock;
static long counter;

int main(void)
{
    omp_init_lock(&lock);
#pragma omp parallel num_threads(2)
    {
        int t = omp_get_thread_num();
        for (int i = 0; i < 200; i++) {
            if (t == 0)
                omp_set_lock(&lock);
            else
                while (!omp_test_lock(&lock))
                    sched_yield();
            counter++;
            omp_unset_lock(&lock);
        }
    }
    omp_destroy_lock(&lock);
    return counter == 400 ? 0 : 1;
}
