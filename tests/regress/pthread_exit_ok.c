// pthread_exit called from a nested function after writing data; parent reads after join.
#include <pthread.h>

static volatile int data;

__attribute__((noinline)) static void finish(int v)
{
    data = v;
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
    pthread_join(t, &ret);
    int v = data;
    return (v == 3 && (long)ret == 3) ? 0 : 1;
}
