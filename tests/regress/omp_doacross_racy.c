// OpenMP 4.5 doacross loop: each iteration waits for iteration i-2 only, yet reads the element iteration i-1 writes (race).
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 48
static int a[N];

int main(void)
{
#pragma omp parallel for ordered(1) schedule(static, 1) num_threads(2)
    for (int i = 2; i < N; i++) {
#pragma omp ordered depend(sink: i - 2)
        a[i] = a[i - 1] + 1; // RACE
#pragma omp ordered depend(source)
    }
    printf("%d\n", a[N - 1]);
    return 0;
}
