// Detached thread writes data; main reads it BEFORE waiting on the handoff semaphore (race).
#include <pthread.h>
#include <semaphore.h>

static volatile int data;
static sem_t done;

static void *child(void *arg)
{
    (void)arg;
    data = 99; // RACE
    sem_post(&done);
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&done, 0, 0);
    pthread_create(&t, NULL, child, NULL);
    pthread_detach(t);
    int v = data; // RACE
    sem_wait(&done);
    return v < 0;
}
