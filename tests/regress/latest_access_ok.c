// A worker initialises then accumulates a result that main reads after pthread_join (race-free).
#include <pthread.h>
#include <unistd.h>

static long result;

static void *worker(void *arg)
{
    (void)arg;
    result = 0;
    for (long i = 1; i <= 100; i++)
        ((volatile long *)&result)[0] += i;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1);
    pthread_join(t, NULL);
    long seen = result;
    return seen == 7;
}
