// OpenMP: thread 1 waits, by an atomic flag, until thread 0 holds the lock; its empty `omp_set_lock; omp_unset_lock;` then waits for thread 0 to leave, and orders thread 0's store before its own (no race).  A critical section that reads the shared data orders as well.
// CFLAGS: -fopenmp
#include <omp.h>
#include <unistd.h>

static omp_lock_t lock;
static int x = 1, y, flag;

int main(void)
{
    omp_init_lock(&lock);
#pragma omp parallel num_threads(2)
    {
        int t = omp_get_thread_num();
#pragma omp barrier
        if (t == 0) {
            omp_set_lock(&lock);
#pragma omp atomic write seq_cst
            flag = 1;
            usleep(100 * 1000);
            x = 0;
            omp_unset_lock(&lock);
            omp_set_lock(&lock);
            y = 1;
            omp_unset_lock(&lock);
        } else {
            int seen = 0;
            while (!seen) {
#pragma omp atomic read seq_cst
                seen = flag;
            }
            omp_set_lock(&lock);
            omp_unset_lock(&lock);
            x = 1;
            usleep(200 * 1000);
            omp_set_lock(&lock);
            seen = y;
            omp_unset_lock(&lock);
            if (seen) y = 2;
        }
#pragma omp barrier
    }
    omp_destroy_lock(&lock);
    return x == 2;
}
