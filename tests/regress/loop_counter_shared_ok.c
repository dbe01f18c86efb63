// Two threads run an inner loop whose counter lives in memory, each its own (`for (*j = 0; *j < n; (*j)++)` on a per-thread slot): no race.
#include <pthread.h>
#include <stdio.h>

static int grid[2][64];
static volatile int counters[2][16];

static void* row(void* arg)
{
    int i = (int)(long)arg;
    volatile int* j = &counters[i][0];
    for (int k = 0; k < 20; k++)
        for (*j = 0; *j < 64; (*j)++)
            grid[i][*j & 63] += 1;
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
