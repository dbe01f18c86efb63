// OpenMP: producers and consumers guard one counter with two differently named critical sections (critical(put), critical(take)): the names are two locks, so the counter races. Its test `if (count < cap)` inside the section is the section's data, not a flag another thread waits on. Each test shares its line with its update: if the take section runs first, it never decrements, and the race is the put's write against the take's test.
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>

static int count;
static int cap = 4;

int main(void)
{
    int made = 0, used = 0;
#pragma omp parallel sections num_threads(2) reduction(+ : made, used)
    {
#pragma omp section
        for (int i = 0; i < 2000; i++) {
#pragma omp critical(put)
            if (count < cap) { count++; made++; } // RACE
        }
#pragma omp section
        for (int i = 0; i < 2000; i++) {
#pragma omp critical(take)
            if (count > 0) { count--; used++; } // RACE
        }
    }
    printf("made %d used %d\n", made > 0, used >= 0);
    return 0;
}
