// OpenMP: parallel for ordered, schedule(static,1): the shared output index is used only inside the ordered block.
// CFLAGS: -fopenmp
#include <omp.h>

#define N 64
static int out[N];
static int k;

int main(void)
{
#pragma omp parallel for ordered schedule(static, 1) num_threads(2)
    for (int i = 0; i < N; i++) {
        int v = i * i;
#pragma omp ordered
        {
            out[k] = v;
            k++;
        }
    }
    for (int i = 0; i < N; i++)
        if (out[i] != i * i)
            return 1;
    return 0;
}
