// pthread mutex (PTHREAD_MUTEX_ERRORCHECK, lock/unlock): worker increments under the lock, main increments WITHOUT it (race).
#include <pthread.h>

static pthread_mutex_t m;
static volatile int counter;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        if (pthread_mutex_lock(&m) != 0)
            return (void *)1;
        counter++; // RACE
        if (pthread_mutex_unlock(&m) != 0)
            return (void *)1;
    }
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &a);
    pthread_create(&t, NULL, worker, NULL);
    counter += 1000; // RACE
    pthread_join(t, NULL);
    pthread_mutex_destroy(&m);
    return 0;
}
