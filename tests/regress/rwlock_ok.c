// pthread rwlock (rdlock/wrlock): two readers sum a table under the read lock, a writer updates it under the write lock.
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[16];
static volatile long sums[2];

static void *writer(void *arg)
{
    (void)arg;
    for (int r = 0; r < 50; r++) {
        pthread_rwlock_wrlock(&rw);
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
        pthread_rwlock_rdlock(&rw);
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
