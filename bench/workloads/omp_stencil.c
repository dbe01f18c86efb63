// omp_stencil -- a 1-D Jacobi stencil: 200 sweeps of two `omp parallel
// for` loops (default static schedule, 4 threads) over 20000 doubles.
// Every iteration of a static loop is a loop point for racemap
// (rm_omp_static.cpp): this measures what that costs.
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 20000
#define SWEEPS 200

static double a[N], b[N];

int main(void)
{
    for (int i = 0; i < N; i++)
        a[i] = i % 7;
    for (int s = 0; s < SWEEPS; s++) {
#pragma omp parallel for num_threads(4)
        for (int i = 1; i < N - 1; i++)
            b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3;
#pragma omp parallel for num_threads(4)
        for (int i = 1; i < N - 1; i++)
            a[i] = b[i];
    }
    double sum = 0;
    for (int i = 0; i < N; i++)
        sum += a[i];
    printf("%f\n", sum);
    return !(sum > 0);  // the self-check
}
