// OpenMP: a recursive function with an omp_nest_lock_t updates the total after its own unset: at the outermost level the lock is no longer held (race).
// CFLAGS: -fopenmp
#include <omp.h>

static omp_nest_lock_t lock;
static long total;

static void add(int depth)
{
    omp_set_nest_lock(&lock);
    if (depth > 0)
        add(depth - 1);
    omp_unset_nest_lock(&lock);
    total += depth; // RACE
}

int main(void)
{
    omp_init_nest_lock(&lock);
#pragma omp parallel num_threads(2)
    {
        for (int i = 0; i < 100; i++)
            add(2);
    }
    omp_destroy_nest_lock(&lock);
    return total == -1;
}
