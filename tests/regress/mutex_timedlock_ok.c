// pthread mutex (pthread_mutex_timedlock with a far-future deadline): two workers increment a shared counter under the lock.
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m;
static volatile int counter;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 60;
        if (pthread_mutex_timedlock(&m, &ts) != 0)
            return (void *)1;
        counter++;
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t[2];
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_DEFAULT);
    pthread_mutex_init(&m, &a);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    pthread_mutex_destroy(&m);
    return counter == 2000 ? 0 : 1;
}
