// POSIX semaphore (sem_timedwait with a far-future deadline): producer writes the last slot AFTER posting for it; consumer reads it (race).
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

#define ITEMS 8
static sem_t full;
static volatile int buf[ITEMS];

static int wait_far(sem_t *s)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 60;
    return sem_timedwait(s, &ts);
}

static void *consumer(void *arg)
{
    (void)arg;
    long sum = 0;
    for (int i = 0; i < ITEMS - 1; i++) {
        if (wait_far(&full) != 0)
            return NULL;
        sum += buf[i];
    }
    if (wait_far(&full) != 0)
        return NULL;
    sum += buf[ITEMS - 1]; // RACE
    return (void *)sum;
}

int main(void)
{
    pthread_t t;
    sem_init(&full, 0, 0);
    pthread_create(&t, NULL, consumer, NULL);
    for (int i = 0; i < ITEMS - 1; i++) {
        buf[i] = i + 1;
        sem_post(&full);
    }
    sem_post(&full);
    buf[ITEMS - 1] = ITEMS; // RACE
    pthread_join(t, NULL);
    sem_destroy(&full);
    return 0;
}
