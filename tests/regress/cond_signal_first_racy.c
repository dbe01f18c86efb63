// Condition variable signalled before anyone waits; main later updates data WITHOUT the mutex while the waiter reads it (race).
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static volatile int data;

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    while (!ready)
        pthread_cond_wait(&cv, &m);
    int v = data; // RACE
    pthread_mutex_unlock(&m);
    return (void *)(long)v;
}

int main(void)
{
    pthread_t t;
    pthread_mutex_lock(&m);
    data = 8;
    ready = 1;
    pthread_cond_signal(&cv); /* nobody is waiting yet: the signal is lost */
    pthread_mutex_unlock(&m);
    pthread_create(&t, NULL, waiter, NULL);
    data = 9; // RACE
    pthread_join(t, NULL);
    return 0;
}
