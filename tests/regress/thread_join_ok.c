// Thread join: child writes data, parent reads it after pthread_join (ordered by join).
#include <pthread.h>

static volatile int data;

static void *child(void *arg)
{
    (void)arg;
    data = 7;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, child, NULL);
    pthread_join(t, NULL);
    int v = data;
    return v == 7 ? 0 : 1;
}
