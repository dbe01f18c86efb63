// Parent's stack variable passed to a child by pointer: child writes it while the parent reads it before join (race).
#include <pthread.h>

static void *child(void *arg)
{
    volatile int *slot = arg;
    *slot = 123; // RACE
    return NULL;
}

int main(void)
{
    volatile int local = 0;
    pthread_t t;
    pthread_create(&t, NULL, child, (void *)&local);
    int v = local; // RACE
    pthread_join(t, NULL);
    return v < 0;
}
