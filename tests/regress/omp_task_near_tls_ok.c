// OpenMP: a task updates a local of the function that created it, which reads it after taskwait; the function runs in a static loop's iteration on libgomp's worker thread, whose stack lies right below its TLS: the thread's TLS block is not its stack (race-free).
// CFLAGS: -fopenmp
#include <stdio.h>

static int out[2];

static void work(int i)
{
    volatile char pad[512];
    int x = i;
    pad[0] = 1;
#pragma omp task shared(x)
    x++;
#pragma omp taskwait
    out[i] = x + pad[0];
}

int main(void)
{
#pragma omp parallel for num_threads(2)
    for (int i = 0; i < 2; i++)
        work(i);
    printf("%d %d\n", out[0], out[1]);
    return 0;
}
