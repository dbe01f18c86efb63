// Two threads run an inner loop whose counter is one shared variable in memory (`for (*j = 0; *j < n; (*j)++)`, as an OpenMP taskloop with a shared inner index compiles): the loop's test of the counter is no spin on a flag, and the counter races.
#include <pthread.h>
#include <stdio.h>

static int grid[2][64];
static volatile int shared_j;

static void* row(void* arg)
{
    int i = (int)(long)arg;
    for (int k = 0; k < 20; k++)
        for (shared_j = 0; shared_j < 64; shared_j++) // RACE
            grid[i][shared_j & 63] += 1;
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, row, (void*)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", grid[0][0] >= 0);
    return 0;
}
