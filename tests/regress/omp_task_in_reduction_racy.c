// Tasks with in_reduction(+:total) inside a taskgroup with task_reduction(+:total): libgomp gives each thread its own copy, updated by every task that thread runs (racy: the tasks also count their visits in a shared variable that is no reduction).
// CFLAGS: -fopenmp
#include <stdio.h>

int main(void)
{
    long total = 0;
    long visits = 0;
    #pragma omp parallel num_threads(3)
    #pragma omp single
    {
        #pragma omp taskgroup task_reduction(+:total)
        {
            for (int k = 0; k < 16; k++) {
                #pragma omp task in_reduction(+:total) firstprivate(k)
                {
                    total += k;
                    visits++; // RACE
                }
            }
        }
    }
    printf("%ld %ld\n", total, visits);
    return 0;
}
