// main returns while a thread is still running; before that, main's write races with the thread's read.
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static volatile int data;
static sem_t started;

static void *child(void *arg)
{
    (void)arg;
    int v = data; // RACE
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
    pthread_create(&t, NULL, child, NULL);
    data = 5; // RACE
    sem_wait(&started);
    return 0;
}
