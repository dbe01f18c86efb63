// OpenMP: a worksharing loop with nowait and no barrier before a loop that reads elements the other thread writes (race).
// CFLAGS: -fopenmp
#include <omp.h>

#define N 200
static int a[N], c[N];

int main(void)
{
#pragma omp parallel num_threads(2)
    {
#pragma omp for schedule(static) nowait
        for (int i = 0; i < N; i++)
            a[i] = i * 2; // RACE
#pragma omp for schedule(static)
        for (int i = 0; i < N; i++)
            c[i] = a[N - 1 - i]; // RACE
    }
    return c[0] == -1 || c[N - 1] == -1;
}
