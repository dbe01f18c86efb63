// helgrind.h: a handoff through a System V semaphore described with ANNOTATE_HAPPENS_BEFORE/AFTER, but the producer writes the payload again after its HAPPENS_BEFORE (race).
#include <errno.h>
#include <pthread.h>
#include <sys/sem.h>
#include <valgrind/helgrind.h>

static int sem; /* semop is a system call: the handoff is invisible */
static int handoff;
static int payload[4];

static void sem_add(int delta)
{
    struct sembuf op = {0, (short)delta, 0};
    while (semop(sem, &op, 1) != 0 && errno == EINTR)
        ;
}

static void *producer(void *arg)
{
    for (int i = 0; i < 4; i++)
        payload[i] = 10 * i;
    ANNOTATE_HAPPENS_BEFORE(&handoff);
    sem_add(1);
    payload[3] = 99; // RACE
    return arg;
}

static void *consumer(void *arg)
{
    long sum = 0;
    sem_add(-1);
    ANNOTATE_HAPPENS_AFTER(&handoff);
    sum += payload[0] + payload[1] + payload[2];
    sum += ((volatile int *)payload)[3]; // RACE
    return (void *)sum;
}

int main(void)
{
    pthread_t p, c;
    sem = semget(IPC_PRIVATE, 1, 0600);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    ANNOTATE_HAPPENS_BEFORE_FORGET_ALL(&handoff);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
