// drd.h: two words both threads overwrite without a lock are ignored with DRD_IGNORE_VAR, but DRD_STOP_IGNORING_VAR takes one back before the threads start: its race is reported, the other's not (race).
// REPORTS: 1
#include <pthread.h>
#include <valgrind/drd.h>

static volatile int progress; /* for a watchdog: racy by design */
static volatile int phase;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 20; i++)
        progress = id * 100 + i;
    phase = id; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    DRD_IGNORE_VAR(progress);
    DRD_IGNORE_VAR(phase);
    DRD_STOP_IGNORING_VAR(phase);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
