// POSIX semaphore (sem_init + sem_post/sem_wait): producer writes the last slot AFTER posting for it; consumer reads it (race).
#include <pthread.h>
#include <semaphore.h>

#define ITEMS 8
static sem_t full;
static volatile int buf[ITEMS];

static void *consumer(void *arg)
{
    (void)arg;
    long sum = 0;
    for (int i = 0; i < ITEMS - 1; i++) {
        sem_wait(&full);
        sum += buf[i];
    }
    sem_wait(&full);
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
