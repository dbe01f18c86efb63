// realloc: a thread grows a block with realloc and writes the new part; after join, another thread reads it and shrinks it.
#include <pthread.h>
#include <stdlib.h>

static volatile int *p;

static void *grow(void *arg)
{
    (void)arg;
    p = realloc((void *)p, 4096 * sizeof(int));
    for (int i = 16; i < 4096; i++)
        p[i] = i;
    return NULL;
}

static void *shrink(void *arg)
{
    (void)arg;
    long s = p[0] + p[4095];
    p = realloc((void *)p, 32 * sizeof(int));
    p[31] = (int)s;
    return NULL;
}

int main(void)
{
    pthread_t t;
    p = malloc(16 * sizeof(int));
    p[0] = 1;
    pthread_create(&t, NULL, grow, NULL);
    pthread_join(t, NULL);
    pthread_create(&t, NULL, shrink, NULL);
    pthread_join(t, NULL);
    int v = p[31];
    free((void *)p);
    return v == 4096 ? 0 : 1;
}
