// OpenMP: parallel for (static schedule) with a loop-carried dependence a[i+1] = a[i] + 1: the two threads' chunks meet at one element (race).
// CFLAGS: -fopenmp
#include <omp.h>

#define N 100
static int a[N];

int main(void)
{
#pragma omp parallel for schedule(static) num_threads(2)
    for (int i = 0; i < N - 1; i++)
        a[i + 1] = a[i] + 1; // RACE
    return a[N - 1] == -1;
}
