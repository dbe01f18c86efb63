// Heap block: two threads write the same malloc'd block without synchronization (race).
#include <pthread.h>
#include <stdlib.h>

static volatile int *p;

static void *writer(void *arg)
{
    (void)arg;
    p[10] = 1; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    p = malloc(64 * sizeof(int));
    pthread_create(&t, NULL, writer, NULL);
    p[10] = 2; // RACE
    pthread_join(t, NULL);
    free((void *)p);
    return 0;
}
