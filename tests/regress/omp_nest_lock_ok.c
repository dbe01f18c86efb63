// OpenMP: a recursive function takes an omp_nest_lock_t at every level; the update after an inner unset is still under the outer level's hold.
// CFLAGS: -fopenmp
#include <omp.h>

static omp_nest_lock_t lock;
static long total;

static void add(int depth)
{
    omp_set_nest_lock(&lock);
    if (depth > 0)
        add(depth - 1);
    total += depth;
    omp_unset_nest_lock(&lock);
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
    return total == 600 ? 0 : 1;
}
