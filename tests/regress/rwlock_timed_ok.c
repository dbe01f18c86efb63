// pthread rwlock (timedrdlock/timedwrlock with a far-future deadline): two readers sum a table under the read lock, a writer updates it under the write lock.
#include <pthread.h>
#include <time.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[16];
static volatile long sums[2];

static struct timespec deadline(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 60;
    return ts;
}

static void *writer(void *arg)
{
    (void)arg;
    for (int r = 0; r < 50; r++) {
        struct timespec ts = deadline();
        pthread_rwlock_timedwrlock(&rw, &ts);
        for (int i = 0; i < 16; i++)
            table[i] += i;
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static void *reader(void *arg)
{
    long id = (long)arg;
    for (int r = 0; r < 50; r++) {
        long s = 0;
        struct timespec ts = deadline();
        pthread_rwlock_timedrdlock(&rw, &ts);
        for (int i = 0; i < 16; i++)
            s += table[i];
        pthread_rwlock_unlock(&rw);
        sums[id] += s;
    }
    return NULL;
}

int main(void)
{
    pthread_t w, r[2];
    pthread_create(&w, NULL, writer, NULL);
    for (long i = 0; i < 2; i++)
        pthread_create(&r[i], NULL, reader, (void *)i);
    pthread_join(w, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(r[i], NULL);
    return table[15] == 50 * 15 ? 0 : 1;
}
