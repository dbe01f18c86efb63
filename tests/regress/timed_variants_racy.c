// pthread_tryjoin_np that fails does not order the thread's write before main's read (race).
#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>

static int result;

static void *worker(void *arg)
{
    (void)arg;
    sleep(1);
    result = 5; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    int joined = pthread_tryjoin_np(t, NULL) == 0; /* fails: the worker sleeps */
    sleep(2);
    int seen = ((volatile int *)&result)[0]; // RACE
    if (!joined)
        pthread_join(t, NULL);
    return seen == 7;
}
