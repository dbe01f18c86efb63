// pthread_exit called from a nested function after writing data; parent reads BEFORE join (race).
#include <pthread.h>

static volatile int data;

__attribute__((noinline)) static void finish(int v)
{
    data = v; // RACE
    pthread_exit((void *)(long)v);
}

static void *child(void *arg)
{
    (void)arg;
    finish(3);
    return NULL;
}

int main(void)
{
    pthread_t t;
    void *ret;
    pthread_create(&t, NULL, child, NULL);
    int v = data; // RACE
    pthread_join(t, &ret);
    return (v < 0 || (long)ret != 3);
}
