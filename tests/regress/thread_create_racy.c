// Thread creation: parent writes data AFTER pthread_create while the child reads it (race).
#include <pthread.h>

static volatile int data;

static void *child(void *arg)
{
    (void)arg;
    int v = data; // RACE
    return (void *)(long)v;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, child, NULL);
    data = 42; // RACE
    pthread_join(t, NULL);
    return 0;
}
