// drd.h: the annotated System V barrier, 3 threads, 2 rounds, but the second barrier of each round is missing: next round's write races with the neighbour's read (race).
#include <errno.h>
#include <pthread.h>
#include <sys/sem.h>
#include <valgrind/drd.h>

#define N 3
#define PHASES 2
static int sem; /* one semaphore per phase, each starts at N */
static int bar; /* the annotations' name for the barrier */
static volatile int slot[N];
static volatile long seen[N];

static void sem_add(int num, int delta)
{
    struct sembuf op = {(unsigned short)num, (short)delta, 0};
    while (semop(sem, &op, 1) != 0 && errno == EINTR)
        ;
}

static void barrier_wait(int phase)
{
    ANNOTATE_BARRIER_WAIT_BEFORE(&bar);
    sem_add(phase, -1); /* arrive */
    sem_add(phase, 0);  /* wait until all have */
    ANNOTATE_BARRIER_WAIT_AFTER(&bar);
}

static void *worker(void *arg)
{
    long id = (long)arg;
    int phase = 0;
    for (int r = 0; r < 2; r++) {
        slot[id] = r * 10 + (int)id; // RACE
        barrier_wait(phase++);
        seen[id] += slot[(id + 1) % N]; // RACE
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    sem = semget(IPC_PRIVATE, PHASES, 0600);
    for (int p = 0; p < PHASES; p++)
        sem_add(p, N);
    ANNOTATE_BARRIER_INIT(&bar, N, 0);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    ANNOTATE_BARRIER_DESTROY(&bar);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
