// OpenMP: the report of a race between two iterations of a static-schedule loop that one thread runs (a team of one keeps the thread numbering deterministic): both iterations are pieces of the loop, each announced with where the loop runs (race).
// CFLAGS: -fopenmp
#include <stdio.h>

#define N 8
static int x[N];

int main(void)
{
#pragma omp parallel for num_threads(1)
    for (int i = 0; i < N; i++) {
        x[i] = i; // RACE
        if (i == 3)
            x[1] = 0; // RACE
    }
    printf("%d\n", x[1]);
    return 0;
}
