// Unoptimised (-O0) flag handoff gone wrong: the producer writes the payload again after its release store, while the consumer, past its spin (`for (;;) { if (seen) break; seen = atomic load of ready; }`, the value parked in its frame and tested at the loop's top), reads it.
// CFLAGS: -O0
#include <pthread.h>
#include <stdio.h>

static int payload;
static int ready;

static void* producer(void* arg)
{
    (void)arg;
    payload = 1;
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
    payload = 42; // RACE
    return NULL;
}

static void* consumer(void* arg)
{
    (void)arg;
    int seen = 0;
    for (;;) {
        if (seen != 0)
            break;
        seen = __atomic_load_n(&ready, __ATOMIC_ACQUIRE);
    }
    return (void*)(long)payload; // RACE
}

int main(void)
{
    pthread_t p, c;
    void* r;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, &r);
    printf("%ld\n", (long)r > 0);
    return 0;
}
