// OpenMP teams of target regions on the host (no offload device: libgomp runs the teams one after the other): the teams fill their own parts of arrays with distribute, and the encountering thread sums them afterwards (no race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

#define N 64
static int a[N], b[N];

int main(void)
{
    int team_count = 0;
#pragma omp target teams num_teams(2) map(tofrom: a, team_count)
    {
        if (omp_get_team_num() == 0)
            team_count = omp_get_num_teams();
#pragma omp distribute
        for (int i = 0; i < N; i++)
            a[i] = i;
    }
#pragma omp target teams distribute num_teams(2) map(tofrom: b)
    for (int i = 0; i < N; i++)
        b[i] = 2 * i;
    long sum = 0;
    for (int i = 0; i < N; i++)
        sum += a[i] + b[i];
    printf("%d teams, sum %ld\n", team_count, sum);
    return sum != 3 * N * (N - 1) / 2;
}
