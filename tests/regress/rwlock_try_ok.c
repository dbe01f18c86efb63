// pthread rwlock (tryrdlock/trywrlock retry loops): two readers sum a table under the read lock, a writer updates it under the write lock.
#include <pthread.h>
#include <sched.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[16];
static volatile long sums[2];

static void *writer(void *arg)
{
    (void)arg;
    for (int r = 0; r < 50; r++) {
        while (pthread_rwlock_trywrlock(&rw) != 0)
            sched_yield();
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
        while (pthread_rwlock_tryrdlock(&rw) != 0)
            sched_yield();
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
