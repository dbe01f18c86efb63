// OpenMP: a worksharing loop with nowait, then a single construct that reads an element of the first thread's iterations. Another thread may run the single while the element is still being written: a race, reported even when the thread that wrote it happens to run the single itself.
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
#pragma omp for nowait
        for (int i = 0; i < N; i++)
            a[i] = a[i] * 5 + 1; // RACE
#pragma omp single
        check = a[9]; // RACE
    }
    printf("%d\n", check > 0);
    return 0;
}
