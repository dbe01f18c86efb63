// OpenMP teams on the host: libgomp runs the teams one after the other, but under OpenMP's rules they run concurrently; every team of a target region, and of a host teams construct, writes the same variable (race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

static int last_target, last_host;

int main(void)
{
#pragma omp target teams num_teams(2) map(tofrom: last_target)
    last_target = omp_get_team_num() + 1; // RACE
#pragma omp teams num_teams(2)
    last_host = omp_get_team_num() + 1; // RACE
    printf("%d %d\n", last_target, last_host);
    return 0;
}
