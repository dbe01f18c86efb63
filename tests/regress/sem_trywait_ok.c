// POSIX semaphore (sem_trywait retry loop): producer fills a slot then posts; consumer waits then reads the slot.
#include <pthread.h>
#include <semaphore.h>
#include <sched.h>

#define ITEMS 8
static sem_t full;
static volatile int buf[ITEMS];

static void *consumer(void *arg)
{
    (void)arg;
    long sum = 0;
    for (int i = 0; i < ITEMS; i++) {
        while (sem_trywait(&full) != 0)
            sched_yield();
        sum += buf[i];
    }
    return (void *)sum;
}

int main(void)
{
    pthread_t t;
    void *sum;
    sem_init(&full, 0, 0);
    pthread_create(&t, NULL, consumer, NULL);
    for (int i = 0; i < ITEMS; i++) {
        buf[i] = i + 1;
        sem_post(&full);
    }
    pthread_join(t, &sum);
    sem_destroy(&full);
    return (long)sum == 36 ? 0 : 1;
}
