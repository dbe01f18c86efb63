// OpenMP: the master thread resets a reduction variable with no barrier
// before the reduction loop, so another thread's `lock add` of its partial
// sum is unordered with the reset (DataRaceBench's DRB140).  The delay
// only fixes the schedule (the reset runs first); it orders nothing.
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
        sum = 0; // RACE
        if (omp_get_thread_num() != 0)
            usleep(100000);
#pragma omp for reduction(+ : sum) // RACE
        for (int i = 0; i < 10; i++)
            sum += i;
    }
    printf("%d\n", sum);
    return 0;
}
