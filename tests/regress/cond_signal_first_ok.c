// Condition variable signalled before anyone waits: the waiter finds the predicate set under the mutex and never waits.
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
    int v = data;
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
    pthread_mutex_lock(&m);
    data = 9; /* later update, still under the mutex */
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
