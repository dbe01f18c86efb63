// OpenMP: two consecutive parallel regions on the reused thread pool; the second one reads the other thread's slot while that thread updates it (race).
// CFLAGS: -fopenmp
#include <omp.h>

static int a[2];

int main(void)
{
    omp_set_num_threads(2);
#pragma omp parallel
    {
        int t = omp_get_thread_num();
        a[t] = t + 1;
    }
#pragma omp parallel
    {
        int t = omp_get_thread_num();
        a[t] += a[1 - t]; // RACE
    }
    return a[0] == -1;
}
