// Unoptimised (-O0) flag handoff: the consumer's loop `for (;;) { if (seen) break; seen = atomic load of ready; }` keeps the loaded value in its frame and tests it at the top of the loop, in the next run of the block. The payload written before the release store is read after the spin: no race.
// CFLAGS: -O0
#include <pthread.h>
#include <stdio.h>

static int payload;
static int ready;

static void* producer(void* arg)
{
    (void)arg;
    payload = 42;
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
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
    return (void*)(long)payload;
}

int main(void)
{
    pthread_t p, c;
    void* r;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, &r);
    printf("%ld\n", (long)r);
    return 0;
}
