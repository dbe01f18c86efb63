// OpenMP 5.0 teams construct on the host: libgomp runs the teams one after the other, but under OpenMP's rules they run concurrently: every team writes the same variable (race).
// CFLAGS: -fopenmp -O0
#include <omp.h>
#include <stdio.h>

static int last;

int main(void)
{
#pragma omp teams num_teams(2)
    last = omp_get_team_num() + 1; // RACE
    printf("%d\n", last);
    return 0;
}
