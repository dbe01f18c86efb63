// OpenMP: parallel for with reduction(+:sum) and reduction(max:top); the results are read after the loop.
// CFLAGS: -fopenmp
#include <omp.h>

#define N 1000
static int a[N];
static long sum;
static int top;

int main(void)
{
    for (int i = 0; i < N; i++)
        a[i] = i % 97;
#pragma omp parallel for reduction(+ : sum) reduction(max : top) num_threads(2)
    for (int i = 0; i < N; i++) {
        sum += a[i];
        if (a[i] > top)
            top = a[i];
    }
    long want = 0;
    for (int i = 0; i < N; i++)
        want += i % 97;
    return (sum == want && top == 96) ? 0 : 1;
}
