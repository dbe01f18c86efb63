// realloc: main grows a block with realloc, then a thread writes the new part while main reads it (race).
#include <pthread.h>
#include <stdlib.h>

static volatile int *p;

static void *writer(void *arg)
{
    (void)arg;
    p[1000] = 5; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    p = malloc(16 * sizeof(int));
    p[0] = 1;
    p = realloc((void *)p, 4096 * sizeof(int));
    pthread_create(&t, NULL, writer, NULL);
    int v = p[1000]; // RACE
    pthread_join(t, NULL);
    free((void *)p);
    return v < -1;
}
