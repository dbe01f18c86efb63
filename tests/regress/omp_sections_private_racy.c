// OpenMP sections with private variables and a reduction, built at -O0; two sections also write one shared variable, unordered whichever threads run them (race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

int main(void)
{
    int sum = 0, x, last = 0;
    omp_set_num_threads(2);
#pragma omp parallel sections reduction(+ : sum) private(x) shared(last)
    {
#pragma omp section
        {
            x = 1;
            sum += x;
            last = 1; // RACE
        }
#pragma omp section
        {
            x = 2;
            sum += x;
            last = 2; // RACE
        }
    }
    printf("%d %d\n", sum, last);
    return sum == 3 ? 0 : 1;
}
