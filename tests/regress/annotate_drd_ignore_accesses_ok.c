// drd.h: both threads bump a debug statistic between ANNOTATE_IGNORE_READS_AND_WRITES_BEGIN/END; the real total is locked (race-free).
#include <pthread.h>
#include <valgrind/drd.h>

static long debug_hits; /* approximate on purpose */
static long total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    for (int i = 0; i < 50; i++) {
        ANNOTATE_IGNORE_READS_AND_WRITES_BEGIN();
        debug_hits++;
        ANNOTATE_IGNORE_READS_AND_WRITES_END();
        pthread_mutex_lock(&lock);
        total += i;
        pthread_mutex_unlock(&lock);
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
    return total == 2 * 1225 ? 0 : 1;
}
