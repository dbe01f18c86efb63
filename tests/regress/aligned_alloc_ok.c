// aligned_alloc + posix_memalign: two threads each write their own cache lines, main reads after join.
#include <pthread.h>
#include <stdlib.h>

static volatile char *a64;
static volatile char *b128;

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 64; i++) {
        a64[id * 64 + i] = (char)i;
        b128[id * 128 + i] = (char)i;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    void *m;
    a64 = aligned_alloc(64, 128);
    if (posix_memalign(&m, 128, 256) != 0)
        return 1;
    b128 = m;
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    int v = a64[127] + b128[128 + 63];
    free((void *)a64);
    free((void *)b128);
    return v == 126 ? 0 : 1;
}
