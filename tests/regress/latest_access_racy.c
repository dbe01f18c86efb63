// The earlier access named in the report is the latest code location that touched the bytes: the loop, not the initialisation (race).
#include <pthread.h>
#include <unistd.h>

static long result;

static void *worker(void *arg)
{
    (void)arg;
    result = 0;
    for (long i = 1; i <= 100; i++)
        ((volatile long *)&result)[0] += i; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1);
    long seen = ((volatile long *)&result)[0]; // RACE
    pthread_join(t, NULL);
    return seen == 7;
}
