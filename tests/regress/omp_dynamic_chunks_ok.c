// OpenMP loop with schedule(dynamic) and guided, with private variables and a reduction that live in memory at -O0: the chunks one thread takes share its private copies in program order (race-free).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

static double a[2000], b[2000];

int main(void)
{
    double sum = 0;
    for (int i = 0; i < 2000; i++)
        a[i] = i;
#pragma omp parallel num_threads(2)
    {
        double local = 0;
        int count = 0;
#pragma omp for schedule(dynamic, 64) reduction(+ : sum)
        for (int i = 0; i < 2000; i++) {
            sum += a[i];
            local += a[i];
            count++;
        }
#pragma omp for schedule(guided)
        for (int i = 0; i < 2000; i++)
            b[i] = a[i] + (count > 0 ? 1 : 0);
        (void)local;
    }
    printf("%f %f\n", sum, b[1999]);
    return sum == 1999000.0 ? 0 : 1;
}
