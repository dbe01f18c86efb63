// calloc: two threads fill halves of a zeroed block, but the ranges overlap by one element (race on one line).
#include <pthread.h>
#include <stdlib.h>

#define N 256
static volatile int *arr;

static void *fill(void *arg)
{
    long half = (long)arg;
    for (int i = half * (N / 2); i <= (half + 1) * (N / 2) && i < N; i++)
        arr[i] += i; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    arr = calloc(N, sizeof(int));
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, fill, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    free((void *)arr);
    return 0;
}
