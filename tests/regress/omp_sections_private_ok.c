// OpenMP sections with private variables and a reduction, built at -O0 so they live in memory: sections one thread runs share its private copies in program order (race-free).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

int main(void)
{
    int sum = 0, x;
    omp_set_num_threads(2);
#pragma omp parallel sections reduction(+ : sum) private(x)
    {
#pragma omp section
        {
            x = 1;
            sum += x;
        }
#pragma omp section
        {
            x = 2;
            sum += x;
        }
#pragma omp section
        {
            x = 3;
            sum += x;
        }
    }
    printf("%d\n", sum);
    return sum == 6 ? 0 : 1;
}
