// drd.h: DRD_IGNORE_VAR on a progress word that both threads overwrite without a lock; DRD_STOP_IGNORING_VAR after the joins (race-free).
#include <pthread.h>
#include <valgrind/drd.h>

static volatile int progress; /* for a watchdog: racy by design */

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 20; i++)
        progress = id * 100 + i;
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    DRD_IGNORE_VAR(progress);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    DRD_STOP_IGNORING_VAR(progress);
    progress = 0;
    return 0;
}
