// pthread rwlock (timedrdlock/timedwrlock with a far-future deadline): a thread WRITES while holding only a read lock, concurrently with another reader (race).
#include <pthread.h>
#include <time.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t both_hold_read_lock;
static volatile int shared;

static struct timespec deadline(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 60;
    return ts;
}

static void *bad_writer(void *arg)
{
    (void)arg;
    struct timespec ts = deadline();
    pthread_rwlock_timedrdlock(&rw, &ts);
    pthread_barrier_wait(&both_hold_read_lock);
    shared = 1; // RACE
    pthread_rwlock_unlock(&rw);
    return NULL;
}

static void *reader(void *arg)
{
    (void)arg;
    struct timespec ts = deadline();
    pthread_rwlock_timedrdlock(&rw, &ts);
    pthread_barrier_wait(&both_hold_read_lock);
    int v = shared; // RACE
    pthread_rwlock_unlock(&rw);
    return (void *)(long)v;
}

int main(void)
{
    pthread_t a, b;
    pthread_barrier_init(&both_hold_read_lock, NULL, 2);
    pthread_create(&a, NULL, bad_writer, NULL);
    pthread_create(&b, NULL, reader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
