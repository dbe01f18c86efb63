// OpenMP 5.0 teams construct on the host: the teams fill their own parts of an array with distribute, and each writes its own slot of another; the encountering thread reads both afterwards (no race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

#define N 64
static int a[N], per_team[8];

int main(void)
{
#pragma omp teams num_teams(2)
    {
        per_team[omp_get_team_num()] = omp_get_team_num() + 1;
#pragma omp distribute
        for (int i = 0; i < N; i++)
            a[i] = 2 * i;
    }
    long sum = per_team[0] + per_team[1];
    for (int i = 0; i < N; i++)
        sum += a[i];
    printf("%ld\n", sum);
    return sum != N * (N - 1) + 3;
}
