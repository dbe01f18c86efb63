// OpenMP: parallel for summing into a shared variable without the reduction clause (race).
// CFLAGS: -fopenmp
#include <omp.h>

#define N 1000
static int a[N];
static long sum;

int main(void)
{
    for (int i = 0; i < N; i++)
        a[i] = i % 97;
#pragma omp parallel for num_threads(2)
    for (int i = 0; i < N; i++)
        sum += a[i]; // RACE
    return sum == -1;
}
