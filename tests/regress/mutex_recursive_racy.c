// pthread mutex PTHREAD_MUTEX_RECURSIVE: worker locks recursively, main updates WITHOUT the lock (race).
#include <pthread.h>

static pthread_mutex_t m;
static volatile int counter;

__attribute__((noinline)) static void add(int depth)
{
    pthread_mutex_lock(&m);
    counter++; // RACE
    if (depth > 0)
        add(depth - 1);
    pthread_mutex_unlock(&m);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 300; i++)
        add(2);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &a);
    pthread_create(&t, NULL, worker, NULL);
    counter += 100; // RACE
    pthread_join(t, NULL);
    pthread_mutex_destroy(&m);
    return 0;
}
