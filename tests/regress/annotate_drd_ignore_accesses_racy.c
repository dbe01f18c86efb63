// drd.h: the debug statistic is bumped between ANNOTATE_IGNORE_READS_AND_WRITES_BEGIN/END, but the real total is updated without the lock (race).
#include <pthread.h>
#include <valgrind/drd.h>

static long debug_hits; /* approximate on purpose */
static volatile long total;

static void *worker(void *arg)
{
    for (int i = 0; i < 50; i++) {
        ANNOTATE_IGNORE_READS_AND_WRITES_BEGIN();
        debug_hits++;
        ANNOTATE_IGNORE_READS_AND_WRITES_END();
        total += i; // RACE
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
