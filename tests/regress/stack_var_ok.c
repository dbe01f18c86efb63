// Parent's stack variable passed to a child by pointer: child writes it, parent reads it after join.
#include <pthread.h>

static void *child(void *arg)
{
    volatile int *slot = arg;
    *slot = 123;
    return NULL;
}

int main(void)
{
    volatile int local = 0;
    pthread_t t;
    pthread_create(&t, NULL, child, (void *)&local);
    pthread_join(t, NULL);
    return local == 123 ? 0 : 1;
}
