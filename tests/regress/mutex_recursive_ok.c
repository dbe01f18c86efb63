// pthread mutex PTHREAD_MUTEX_RECURSIVE: workers lock it recursively (3 levels) around counter updates.
#include <pthread.h>

static pthread_mutex_t m;
static volatile int counter;

__attribute__((noinline)) static void add(int depth)
{
    pthread_mutex_lock(&m);
    counter++;
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
    pthread_t t[2];
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &a);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    pthread_mutex_destroy(&m);
    return counter == 1800 ? 0 : 1;
}
