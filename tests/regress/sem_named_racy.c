// Named POSIX semaphore (sem_open/sem_unlink): thread writes data AFTER posting; main waits then reads it (race).
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

static sem_t *sem;
static volatile int data;

static void *child(void *arg)
{
    (void)arg;
    sem_post(sem);
    data = 17; // RACE
    return NULL;
}

int main(void)
{
    char name[64];
    pthread_t t;
    snprintf(name, sizeof name, "/racemap_sem_named_racy_%d", (int)getpid());
    sem = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
    if (sem == SEM_FAILED)
        return 1;
    sem_unlink(name);
    pthread_create(&t, NULL, child, NULL);
    sem_wait(sem);
    int v = data; // RACE
    pthread_join(t, NULL);
    sem_close(sem);
    return v < 0;
}
