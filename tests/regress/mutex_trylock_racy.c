// pthread mutex (pthread_mutex_trylock retry loop): worker increments under the lock, main increments WITHOUT it (race).
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
        counter++; // RACE
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_DEFAULT);
    pthread_mutex_init(&m, &a);
    pthread_create(&t, NULL, worker, NULL);
    counter += 1000; // RACE
    pthread_join(t, NULL);
    pthread_mutex_destroy(&m);
    return 0;
}
