// drd.h: the annotated System V reader-writer lock, but a thread that holds it for reading updates the table, which another reader reads (race).
#include <errno.h>
#include <pthread.h>
#include <sys/sem.h>
#include <valgrind/drd.h>

static int sem;    /* semaphore 0: writer holds it (0/1); 1: number of readers */
static int rwlock; /* the annotations' name for the lock */
static int table[4];

static void sem_ops(struct sembuf *ops, int n)
{
    while (semop(sem, ops, n) != 0 && errno == EINTR)
        ;
}

static void rdlock(void)
{
    struct sembuf op[2] = {{0, 0, 0}, {1, 1, 0}}; /* no writer; one more reader */
    sem_ops(op, 2);
    ANNOTATE_READERLOCK_ACQUIRED(&rwlock);
}

static void rdunlock(void)
{
    struct sembuf op = {1, -1, 0};
    ANNOTATE_READERLOCK_RELEASED(&rwlock);
    sem_ops(&op, 1);
}

static void *caching_reader(void *arg)
{
    for (int i = 0; i < 20; i++) {
        rdlock();
        table[0] = i; // RACE
        rdunlock();
    }
    return arg;
}

static void *reader(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 20; i++) {
        rdlock();
        sum += table[0]; // RACE
        rdunlock();
    }
    return (void *)sum;
}

int main(void)
{
    pthread_t a, b;
    sem = semget(IPC_PRIVATE, 2, 0600);
    ANNOTATE_RWLOCK_CREATE(&rwlock);
    pthread_create(&a, NULL, caching_reader, NULL);
    pthread_create(&b, NULL, reader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    ANNOTATE_RWLOCK_DESTROY(&rwlock);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
