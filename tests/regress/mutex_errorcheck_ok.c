// pthread mutex (PTHREAD_MUTEX_ERRORCHECK, lock/unlock): two workers increment a shared counter under the lock.
#include <pthread.h>

static pthread_mutex_t m;
static volatile int counter;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        if (pthread_mutex_lock(&m) != 0)
            return (void *)1;
        counter++;
        if (pthread_mutex_unlock(&m) != 0)
            return (void *)1;
    }
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t[2];
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &a);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    pthread_mutex_destroy(&m);
    return counter == 2000 ? 0 : 1;
}
