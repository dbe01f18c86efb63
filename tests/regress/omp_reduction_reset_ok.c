// OpenMP: the master thread resets a reduction variable, and a barrier
// orders the reset before the reduction loop: race-free (see
// omp_reduction_reset_racy).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int sum = 5;
#pragma omp parallel num_threads(2) shared(sum)
    {
#pragma omp master
        sum = 0;
#pragma omp barrier
        if (omp_get_thread_num() != 0)
            usleep(100000);
#pragma omp for reduction(+ : sum)
        for (int i = 0; i < 10; i++)
            sum += i;
    }
    printf("%d\n", sum);
    return 0;
}
