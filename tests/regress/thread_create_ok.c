// Thread creation: parent writes data before pthread_create, child reads it (ordered by create).
#include <pthread.h>

static volatile int data;

static void *child(void *arg)
{
    (void)arg;
    int v = data;
    return (void *)(long)v;
}

int main(void)
{
    pthread_t t;
    data = 42;
    pthread_create(&t, NULL, child, NULL);
    pthread_join(t, NULL);
    return 0;
}
