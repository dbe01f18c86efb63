// OpenMP 4.5 doacross loop: ordered(1) with depend(sink: i-1) before reading the previous iteration's element and depend(source) after writing its own; schedule(static,1) puts neighbours on different threads (no race).
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 48
static int a[N];

int main(void)
{
#pragma omp parallel for ordered(1) schedule(static, 1) num_threads(2)
    for (int i = 1; i < N; i++) {
#pragma omp ordered depend(sink: i - 1)
        a[i] = a[i - 1] + 1;
#pragma omp ordered depend(source)
    }
    printf("%d\n", a[N - 1]);
    return a[N - 1] != N - 1;
}
