// include/racemap.h: a hand-made flag handoff annotated with RACEMAP_HAPPENS_BEFORE/AFTER, and an accepted race inside RACEMAP_IGNORE_BEGIN/END (race-free).
#include <pthread.h>
#include <racemap.h>
#include <sched.h>

static int payload;
static volatile int ready;
static int statistics; /* racy on purpose, and accepted */

static void *producer(void *arg)
{
    (void)arg;
    payload = 42;
    RACEMAP_HAPPENS_BEFORE(&ready);
    RACEMAP_IGNORE_BEGIN();
    ready = 1;
    statistics++;
    RACEMAP_IGNORE_END();
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    RACEMAP_IGNORE_BEGIN();
    while (!ready)
        sched_yield();
    statistics++;
    RACEMAP_IGNORE_END();
    RACEMAP_HAPPENS_AFTER(&ready);
    return (void *)(long)payload;
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
