// OpenMP: explicit barriers: each round a thread writes its slot, barrier, reads the other thread's slot, barrier.
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
            slot[t] = r * 10 + t;
#pragma omp barrier
            seen[t] += slot[1 - t];
#pragma omp barrier
        }
    }
    return (seen[0] == 33 && seen[1] == 30) ? 0 : 1;
}
