// aligned_alloc + posix_memalign: a thread writes a byte of the aligned_alloc block that main also writes (race).
#include <pthread.h>
#include <stdlib.h>

static volatile char *a64;
static volatile char *b128;

static void *worker(void *arg)
{
    (void)arg;
    b128[1] = 1;
    a64[63] = 1; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    void *m;
    a64 = aligned_alloc(64, 128);
    if (posix_memalign(&m, 128, 256) != 0)
        return 1;
    b128 = m;
    pthread_create(&t, NULL, worker, NULL);
    b128[0] = 2;
    a64[63] = 2; // RACE
    pthread_join(t, NULL);
    free((void *)a64);
    free((void *)b128);
    return 0;
}
