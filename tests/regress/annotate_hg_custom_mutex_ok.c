// helgrind.h: a mutex made of a System V semaphore (which no tool sees), described with VALGRIND_HG_MUTEX_INIT_POST/LOCK_PRE/LOCK_POST/UNLOCK_PRE/UNLOCK_POST/DESTROY_PRE (race-free).
#include <errno.h>
#include <pthread.h>
#include <sys/sem.h>
#include <valgrind/helgrind.h>

static int sem; /* 1: free, 0: taken; semop is invisible to the tools */
static long counter;

static void sem_add(int delta)
{
    struct sembuf op = {0, (short)delta, 0};
    while (semop(sem, &op, 1) != 0 && errno == EINTR)
        ;
}

static void lock(void)
{
    VALGRIND_HG_MUTEX_LOCK_PRE(&sem, 0);
    sem_add(-1);
    VALGRIND_HG_MUTEX_LOCK_POST(&sem);
}

static void unlock(void)
{
    VALGRIND_HG_MUTEX_UNLOCK_PRE(&sem);
    sem_add(1);
    VALGRIND_HG_MUTEX_UNLOCK_POST(&sem);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        lock();
        counter++;
        unlock();
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    sem = semget(IPC_PRIVATE, 1, 0600);
    sem_add(1);
    VALGRIND_HG_MUTEX_INIT_POST(&sem, 0);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    VALGRIND_HG_MUTEX_DESTROY_PRE(&sem);
    semctl(sem, 0, IPC_RMID);
    return counter == 200 ? 0 : 1;
}
