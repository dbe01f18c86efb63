// A taskloop with reduction(+:sum): libgomp registers the reduction, gives each thread its own copy of sum in a block it allocated, and every task that thread runs adds into it (race-free; racemap used to crash here).
// CFLAGS: -fopenmp
#include <stdio.h>

int main(void)
{
    double sum = 0;
    long last = 0;
    #pragma omp parallel num_threads(3)
    #pragma omp single
    {
        #pragma omp taskloop reduction(+:sum) grainsize(4)
        for (int i = 0; i < 64; i++)
            sum += i;
        last = 63;
    }
    printf("%g %ld\n", sum, last);
    return sum == 2016 ? 0 : 1;
}
