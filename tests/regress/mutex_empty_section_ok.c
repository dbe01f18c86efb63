// pthread: the second thread learns from an atomic flag that the first holds the mutex; its empty `lock; unlock;` then waits for the first to leave, however often the mutex was taken since (no race).  A section that reads the data, a condition variable's wait, and a mutex taken by a thread created while its creator held it order too.
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static atomic_int inside;
static int data, more, ready, late;

static void* first(void* arg)
{
    pthread_mutex_lock(&m);
    atomic_store(&inside, 1);
    usleep(100 * 1000);
    data = 1;
    pthread_mutex_unlock(&m);
    for (int i = 0; i < 12; i++) { /* takings the second does not know of */
        pthread_mutex_lock(&m);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    more = 1;
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    return arg;
}

static void* second(void* arg)
{
    while (!atomic_load(&inside))
        usleep(1000);
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    data = 2;
    pthread_mutex_lock(&m);
    while (!ready)
        pthread_cond_wait(&cv, &m);
    pthread_mutex_unlock(&m);
    more = 2;
    return arg;
}

static void* third(void* arg)
{
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    late = 2;
    return arg;
}

int main(void)
{
    pthread_t a, b, c;
    pthread_create(&a, 0, first, 0);
    pthread_create(&b, 0, second, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    pthread_mutex_lock(&m);
    pthread_create(&c, 0, third, 0);
    late = 1;
    usleep(100 * 1000);
    pthread_mutex_unlock(&m);
    pthread_join(c, 0);
    return data + more + late == 0;
}
