// Two threads each test and update one counter while holding a mutex, but not the same mutex: the `if (pending > 0)` test inside the lock reads data, it does not wait for a flag, and the counter races. Each test shares its line with its update: if the consumer runs first, it never decrements, and the race is the producer's write against the consumer's test.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t in_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void* producer(void* arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&in_lock);
        if (pending < 8) pending++; // RACE
        pthread_mutex_unlock(&in_lock);
    }
    return NULL;
}

static void* consumer(void* arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&out_lock);
        if (pending > 0) pending--; // RACE
        pthread_mutex_unlock(&out_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("%d\n", pending >= 0);
    return 0;
}
