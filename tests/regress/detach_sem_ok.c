// Detached thread hands data to main through an unnamed semaphore (sem_post -> sem_wait).
#include <pthread.h>
#include <semaphore.h>

static volatile int data;
static sem_t done;

static void *child(void *arg)
{
    (void)arg;
    data = 99;
    sem_post(&done);
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&done, 0, 0);
    pthread_create(&t, NULL, child, NULL);
    pthread_detach(t);
    sem_wait(&done);
    int v = data;
    return v == 99 ? 0 : 1;
}
