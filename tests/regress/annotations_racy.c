// include/racemap.h: the producer writes the payload again after its RACEMAP_HAPPENS_BEFORE (race).
#include <pthread.h>
#include <racemap.h>
#include <sched.h>

static int payload;
static volatile int ready;

static void *producer(void *arg)
{
    (void)arg;
    payload = 42;
    RACEMAP_HAPPENS_BEFORE(&ready);
    RACEMAP_IGNORE_BEGIN();
    ready = 1;
    RACEMAP_IGNORE_END();
    payload = 43; // RACE
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    RACEMAP_IGNORE_BEGIN();
    while (!ready)
        sched_yield();
    RACEMAP_IGNORE_END();
    RACEMAP_HAPPENS_AFTER(&ready);
    return (void *)(long)((volatile int *)&payload)[0]; // RACE
}

int main(void)
{
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
