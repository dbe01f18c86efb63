// OpenMP at -O0: tasks run one after another on the same stack bytes, and each also adds into one shared total with no synchronization: the total races, the tasks' own frames do not.
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

static long total;

static long leaf(long x)
{
    long a = x * 3, b = a + 7, c = b ^ x;
    return a + b + c;
}

int main(void)
{
#pragma omp parallel num_threads(2)
#pragma omp single
    for (int i = 0; i < 64; i++) {
#pragma omp task firstprivate(i)
        total += leaf(i); // RACE
    }
    printf("%ld\n", total > 0 ? 1L : 0L);
    return 0;
}
