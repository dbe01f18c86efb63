// OpenMP: #pragma omp atomic update and capture on a shared counter by both threads; the total is read after the region.
// CFLAGS: -fopenmp
#include <omp.h>

static long hits, tickets;
static int last[2];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
        for (int i = 0; i < 500; i++) {
#pragma omp atomic
            hits++;
            int mine;
#pragma omp atomic capture
            mine = tickets++;
            last[omp_get_thread_num()] = mine;
        }
    }
    return (hits == 1000 && tickets == 1000) ? 0 : 1;
}
