// OpenMP: two consecutive parallel regions reuse libgomp's thread pool; each reads what the other thread wrote in the region before (ordered by the end of that region).
// CFLAGS: -fopenmp
#include <omp.h>

static int a[2], b[2];

int main(void)
{
    omp_set_num_threads(2);
    for (int round = 0; round < 3; round++) {
#pragma omp parallel
        {
            int t = omp_get_thread_num();
            a[t] = t + round;
        }
#pragma omp parallel
        {
            int t = omp_get_thread_num();
            b[t] = a[1 - t] + 1;
        }
    }
    return (b[0] == 4 && b[1] == 3) ? 0 : 1;
}
