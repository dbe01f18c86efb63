// calloc: two threads fill disjoint halves of a zeroed block, main sums it after join.
#include <pthread.h>
#include <stdlib.h>

#define N 256
static volatile int *arr;

static void *fill(void *arg)
{
    long half = (long)arg;
    for (int i = half * (N / 2); i < (half + 1) * (N / 2); i++)
        arr[i] += i;
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    long sum = 0;
    arr = calloc(N, sizeof(int));
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, fill, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < N; i++)
        sum += arr[i];
    free((void *)arr);
    return sum == (long)N * (N - 1) / 2 ? 0 : 1;
}
