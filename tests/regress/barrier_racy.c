// pthread barrier: 4 threads, 3 rounds, but the second barrier is missing: next round's write races with the neighbour's read.
#include <pthread.h>

#define N 4
static pthread_barrier_t bar;
static volatile int slot[N];
static volatile long seen[N];

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int r = 0; r < 3; r++) {
        slot[id] = r * 10 + (int)id; // RACE
        pthread_barrier_wait(&bar);
        seen[id] += slot[(id + 1) % N]; // RACE
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&bar, NULL, N);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&bar);
    return 0;
}
