// main returns while a second thread is still running (blocked forever); data published before create.
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static volatile int data;
static sem_t started;

static void *child(void *arg)
{
    (void)arg;
    int v = data;
    (void)v;
    sem_post(&started);
    for (;;)
        pause();
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&started, 0, 0);
    data = 5;
    pthread_create(&t, NULL, child, NULL);
    sem_wait(&started);
    return 0;
}
