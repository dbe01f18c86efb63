// C11 flag checked once on the line that reads the payload: `if (atomic_load_explicit(&ready, acquire)) got = payload;` (racy: the payload is written after the release store, so the reader may read it unordered; the line names only the flag as atomic).
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int ready;
static int payload;
static int got;

static void *producer(void *arg)
{
    (void)arg;
    atomic_store_explicit(&ready, 1, memory_order_release);
    payload = 42; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    usleep(20000);
    if (atomic_load_explicit(&ready, memory_order_acquire)) got = payload; // RACE
    pthread_join(t, NULL);
    return got == 42 || got == 0 ? 0 : 1;
}
