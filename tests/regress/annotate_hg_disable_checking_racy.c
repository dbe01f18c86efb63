// helgrind.h: checking is disabled on a 4-int buffer, then ENABLE_CHECKING takes back its last int before the threads start: the race there is reported, the others not (race).
// REPORTS: 1
#include <pthread.h>
#include <valgrind/helgrind.h>

static int trace[4];

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 3; i++)
        trace[i] = (int)(id * 100 + i);
    trace[3] = (int)id; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    VALGRIND_HG_DISABLE_CHECKING(trace, sizeof trace);
    VALGRIND_HG_ENABLE_CHECKING(&trace[3], sizeof trace[3]);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
