// OpenMP: explicit barrier, but the second one is missing: the next round's write races with the other thread's read of the slot.
// CFLAGS: -fopenmp
#include <omp.h>

static int slot[2];
static long seen[2];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
        int t = omp_get_thread_num();
        for (int r = 0; r < 3; r++) {
            slot[t] = r * 10 + t; // RACE
#pragma omp barrier
            seen[t] += slot[1 - t]; // RACE
        }
    }
    return seen[0] == -1 || seen[1] == -1;
}
