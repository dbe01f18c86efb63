// OpenMP: parallel for ordered, schedule(static,1), but a shared counter is incremented outside the ordered block (race).
// CFLAGS: -fopenmp
#include <omp.h>

#define N 64
static int out[N];
static int done;

int main(void)
{
#pragma omp parallel for ordered schedule(static, 1) num_threads(2)
    for (int i = 0; i < N; i++) {
        int v = i * i;
        done++; // RACE
#pragma omp ordered
        out[i] = v;
    }
    return done == -1 || out[1] == -1;
}
