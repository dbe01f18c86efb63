// OpenMP: producers and consumers guard one counter with the same named critical section: every test and update of the counter is ordered by it. No race.
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
#pragma omp critical(queue)
            if (count < cap) {
                count++;
                made++;
            }
        }
#pragma omp section
        for (int i = 0; i < 2000; i++) {
#pragma omp critical(queue)
            if (count > 0) {
                count--;
                used++;
            }
        }
    }
    printf("made %d used %d\n", made > 0, used >= 0);
    return 0;
}
