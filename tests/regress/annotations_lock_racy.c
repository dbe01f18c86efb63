// racemap.h: a lock made of a System V semaphore, described with RACEMAP_MUTEX_LOCKED/UNLOCKING; a second counter is updated outside it and not declared benign (race).
#include <errno.h>
#include <pthread.h>
#include <sys/sem.h>
#include <racemap.h>
// REPORTS: 1

static int sem; /* 1: free, 0: taken */
static long counter;
static long hits;
static long misses; /* updated without the lock, and not declared benign */

static void sem_add(int delta)
{
    struct sembuf op = {0, (short)delta, 0};
    while (semop(sem, &op, 1) != 0 && errno == EINTR)
        ;
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        sem_add(-1);
        RACEMAP_MUTEX_LOCKED(&sem);
        counter++;
        RACEMAP_MUTEX_UNLOCKING(&sem);
        sem_add(1);
        hits++;
        misses++; // RACE
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    RACEMAP_BENIGN_RACE(&hits, sizeof hits);
    sem = semget(IPC_PRIVATE, 1, 0600);
    sem_add(1);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    semctl(sem, 0, IPC_RMID);
    return counter == 200 ? 0 : 1;
}
