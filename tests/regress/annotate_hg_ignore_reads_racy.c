// helgrind.h: the monitor's unlocked peeks are inside ANNOTATE_IGNORE_READS_BEGIN/END, but it then resets the counter without the lock (race).
#include <pthread.h>
#include <sched.h>
#include <valgrind/helgrind.h>

static long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    for (int i = 0; i < 50; i++) {
        pthread_mutex_lock(&lock);
        counter++; // RACE
        pthread_mutex_unlock(&lock);
    }
    return arg;
}

static void *monitor(void *arg)
{
    long peak = 0;
    for (int i = 0; i < 50; i++) {
        ANNOTATE_IGNORE_READS_BEGIN();
        long v = *(volatile long *)&counter;
        ANNOTATE_IGNORE_READS_END();
        if (v > peak)
            peak = v;
        sched_yield();
    }
    counter = 0; // RACE
    return (void *)peak;
}

int main(void)
{
    pthread_t w, m;
    pthread_create(&m, NULL, monitor, NULL);
    pthread_create(&w, NULL, worker, NULL);
    pthread_join(w, NULL);
    pthread_join(m, NULL);
    return 0;
}
