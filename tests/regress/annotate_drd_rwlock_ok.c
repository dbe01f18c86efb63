// drd.h: a reader-writer lock made of System V semaphores (which no tool sees), described with ANNOTATE_RWLOCK_CREATE, ANNOTATE_READERLOCK/WRITERLOCK_ACQUIRED/RELEASED, ANNOTATE_RWLOCK_DESTROY: one writer, two readers (race-free).
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

static void wrlock(void)
{
    struct sembuf op[3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}; /* nobody; then the writer */
    sem_ops(op, 3);
    ANNOTATE_WRITERLOCK_ACQUIRED(&rwlock);
}

static void wrunlock(void)
{
    struct sembuf op = {0, -1, 0};
    ANNOTATE_WRITERLOCK_RELEASED(&rwlock);
    sem_ops(&op, 1);
}

static void *writer(void *arg)
{
    for (int i = 0; i < 20; i++) {
        wrlock();
        table[i % 4] += i;
        wrunlock();
    }
    return arg;
}

static void *reader(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 20; i++) {
        rdlock();
        sum += table[i % 4];
        rdunlock();
    }
    return (void *)sum;
}

int main(void)
{
    pthread_t w, r[2];
    sem = semget(IPC_PRIVATE, 2, 0600);
    ANNOTATE_RWLOCK_CREATE(&rwlock);
    pthread_create(&r[0], NULL, reader, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&r[1], NULL, reader, NULL);
    pthread_join(w, NULL);
    pthread_join(r[0], NULL);
    pthread_join(r[1], NULL);
    ANNOTATE_RWLOCK_DESTROY(&rwlock);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
