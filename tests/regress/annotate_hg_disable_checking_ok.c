// helgrind.h: VALGRIND_HG_DISABLE_CHECKING on a debug trace buffer both threads scribble on; ENABLE_CHECKING after the joins (race-free).
#include <pthread.h>
#include <valgrind/helgrind.h>

static int trace[4]; /* last values seen, for a debugger: racy by design */

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 20; i++)
        trace[i % 4] = (int)(id * 100 + i);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    VALGRIND_HG_DISABLE_CHECKING(trace, sizeof trace);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    VALGRIND_HG_ENABLE_CHECKING(trace, sizeof trace);
    trace[0] = 0;
    return 0;
}
