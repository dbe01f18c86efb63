// OpenMP: #pragma omp atomic covers only the statement after it; the byte count updated next to it is a plain shared update (race).
// CFLAGS: -fopenmp
#include <omp.h>

static long hits;
static volatile long bytes;

int main(void)
{
#pragma omp parallel num_threads(2)
    {
        for (int i = 0; i < 500; i++) {
#pragma omp atomic
            hits++;
            bytes += 8; // RACE
        }
    }
    return (hits == 1000 && bytes != -1) ? 0 : 1;
}
