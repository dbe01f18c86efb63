// OpenMP: a worksharing loop (its implicit barrier kept), then a single construct that reads elements the loop wrote, and a private variable of the thread that runs it: no race.
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>

#define N 1000
static int a[N];
static int check;

int main(void)
{
    for (int i = 0; i < N; i++)
        a[i] = i;
#pragma omp parallel num_threads(2)
    {
        int mine = omp_get_thread_num() + 1;
#pragma omp for
        for (int i = 0; i < N; i++)
            a[i] = a[i] * 5 + 1;
#pragma omp single
        check = a[9] + a[N - 9] + mine;
    }
    printf("%d\n", check > 0);
    return 0;
}
