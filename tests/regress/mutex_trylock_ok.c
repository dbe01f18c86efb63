// pthread mutex (pthread_mutex_trylock retry loop): two workers increment a shared counter under the lock.
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t m;
static volatile int counter;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        while (pthread_mutex_trylock(&m) != 0)
            sched_yield();
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
