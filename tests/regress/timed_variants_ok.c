// The less common variants: tryjoin/timedjoin/clockjoin, clocklock, clockrdlock/clockwrlock, clockwait, sem_clockwait, C11 timed calls (race-free).
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static sem_t sem;
static mtx_t cm;
static cnd_t ccv;
static int data, flag, cflag;

static struct timespec later(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += 30;
    return ts;
}

static struct timespec later_realtime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 30;
    return ts;
}

static void *worker(void *arg)
{
    (void)arg;
    struct timespec ts = later();
    pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &ts);
    data++;
    flag = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_rwlock_clockwrlock(&rw, CLOCK_MONOTONIC, &ts);
    data++;
    pthread_rwlock_unlock(&rw);
    data += 0;
    sem_post(&sem);
    struct timespec rt = later_realtime();
    mtx_timedlock(&cm, &rt);
    cflag = 1;
    cnd_signal(&ccv);
    mtx_unlock(&cm);
    return NULL;
}

static void *quick(void *arg)
{
    (void)arg;
    return NULL;
}

int main(void)
{
    sem_init(&sem, 0, 0);
    mtx_init(&cm, mtx_timed);
    cnd_init(&ccv);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    struct timespec ts = later();
    pthread_mutex_lock(&m);
    while (!flag)
        pthread_cond_clockwait(&cv, &m, CLOCK_MONOTONIC, &ts);
    pthread_mutex_unlock(&m);
    sem_clockwait(&sem, CLOCK_MONOTONIC, &ts);
    pthread_rwlock_clockrdlock(&rw, CLOCK_MONOTONIC, &ts);
    int seen = data;
    pthread_rwlock_unlock(&rw);
    struct timespec rt = later_realtime();
    mtx_lock(&cm);
    while (!cflag)
        cnd_timedwait(&ccv, &cm, &rt);
    mtx_unlock(&cm);
    pthread_clockjoin_np(t, NULL, CLOCK_MONOTONIC, &ts);
    data++;

    pthread_t u;
    pthread_create(&u, NULL, quick, NULL);
    while (pthread_tryjoin_np(u, NULL) != 0)
        usleep(1000);
    pthread_create(&u, NULL, quick, NULL);
    rt = later_realtime();
    pthread_timedjoin_np(u, NULL, &rt);
    return seen != 2 || data != 3;
}
