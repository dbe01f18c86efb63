// OpenMP loop with schedule(dynamic): each iteration works in the scratch row of the thread that runs it, found by omp_get_thread_num() (GraphicsMagick's per-thread view buffers); a thread runs its chunks one after the other, so the rows are not shared (no race).
// CFLAGS: -fopenmp
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 400

int main(void)
{
    double* scratch = calloc(8 * omp_get_max_threads(), sizeof(double));
    static double out[N];
#pragma omp parallel for schedule(dynamic, 4) num_threads(2)
    for (int i = 0; i < N; i++) {
        double* row = scratch + 8 * omp_get_thread_num();
        row[0] = i;
        row[1] = row[0] * 2;
        out[i] = row[1];
    }
    printf("%f\n", out[N - 1]);
    free(scratch);
    return out[N - 1] != 2 * (N - 1);
}
