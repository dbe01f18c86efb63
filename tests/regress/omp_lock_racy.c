// OpenMP: an omp_lock_t guards a shared counter, but one thread's path increments it without the lock (race).
// CFLAGS: -fopenmp
#include <omp.h>

static omp_lock_t lock;
static long counter;

int main(void)
{
    omp_init_lock(&lock);
#pragma omp parallel num_threads(2)
    {
        int t = omp_get_thread_num();
        for (int i = 0; i < 200; i++) {
            if (t == 0) {
                omp_set_lock(&lock);
                counter++; // RACE
                omp_unset_lock(&lock);
            } else {
                counter++; // RACE
            }
        }
    }
    omp_destroy_lock(&lock);
    return counter == -1;
}
