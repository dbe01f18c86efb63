// OpenMP at -O0: one thread runs many tasks one after another, each a leaf function keeping its locals below the stack pointer (the red zone). Each task's frame is its own, though they reuse the same stack bytes: no race.
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

static long out[64];

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
        out[i] = leaf(i);
    }
    long sum = 0;
    for (int i = 0; i < 64; i++)
        sum += out[i];
    printf("%ld\n", sum > 0 ? 1L : 0L);
    return 0;
}
