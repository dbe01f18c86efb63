// OpenMP (DataRaceBench DRB201): thread 1's `omp_set_lock; omp_unset_lock;` holds nothing, so it does not order thread 0's locked store before its own; thread 1 is made to take the lock second, the order that hides the race from happens-before alone (race).
// CFLAGS: -fopenmp
#include <omp.h>
#include <unistd.h>

static omp_lock_t lock;
static int x = 1;

int main(void)
{
    omp_init_lock(&lock);
#pragma omp parallel num_threads(2)
    {
        int t = omp_get_thread_num();
#pragma omp barrier
        if (t == 0) {
            omp_set_lock(&lock);
            x = 0; // RACE
            omp_unset_lock(&lock);
        } else {
            usleep(200 * 1000);
            omp_set_lock(&lock);
            omp_unset_lock(&lock);
            x = 1; // RACE
        }
#pragma omp barrier
    }
    omp_destroy_lock(&lock);
    return x == 2;
}
