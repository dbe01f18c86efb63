// Thread join: child writes data, parent reads it BEFORE pthread_join (race).
#include <pthread.h>

static volatile int data;

static void *child(void *arg)
{
    (void)arg;
    data = 7; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, child, NULL);
    int v = data; // RACE
    pthread_join(t, NULL);
    return v < 0;
}
