// Heap reuse: thread A mallocs, writes, frees a block, then posts a semaphore; thread B then mallocs (same size, likely same address) and writes.
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>

static sem_t freed;

static void *first(void *arg)
{
    (void)arg;
    volatile int *p = malloc(64 * sizeof(int));
    for (int i = 0; i < 64; i++)
        p[i] = i;
    free((void *)p);
    sem_post(&freed);
    return NULL;
}

static void *second(void *arg)
{
    (void)arg;
    sem_wait(&freed);
    volatile int *q = malloc(64 * sizeof(int));
    for (int i = 0; i < 64; i++)
        q[i] = -i;
    free((void *)q);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&freed, 0, 0);
    pthread_create(&b, NULL, second, NULL);
    pthread_create(&a, NULL, first, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
