// OpenMP teams of a target region on the host (no offload device: libgomp runs the teams one after the other), which under OpenMP's rules run concurrently: every team writes the same variable (race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

static int last;

int main(void)
{
#pragma omp target teams num_teams(2) map(tofrom: last)
    last = omp_get_team_num() + 1; // RACE
    printf("%d\n", last);
    return 0;
}
