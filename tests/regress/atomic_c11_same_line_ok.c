// C11 flag checked once on the line that reads the payload: `if (atomic_load_explicit(&ready, acquire)) got = payload;`; the payload is written before the release store (race-free).
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int ready;
static int payload;
static int got;

static void *producer(void *arg)
{
    (void)arg;
    payload = 42;
    atomic_store_explicit(&ready, 1, memory_order_release);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    usleep(20000);
    if (atomic_load_explicit(&ready, memory_order_acquire)) got = payload;
    pthread_join(t, NULL);
    return got == 42 || got == 0 ? 0 : 1;
}
