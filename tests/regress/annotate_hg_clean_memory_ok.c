// helgrind.h: a one-block pool hands its block to another thread through a System V semaphore (which no tool sees); the taker paints it with VALGRIND_HG_CLEAN_MEMORY (race-free).
#include <errno.h>
#include <pthread.h>
#include <sys/sem.h>
#include <valgrind/helgrind.h>

static int sem; /* the pool's free count: semop is invisible to the tools */
static int block[8];

static void sem_add(int delta)
{
    struct sembuf op = {0, (short)delta, 0};
    while (semop(sem, &op, 1) != 0 && errno == EINTR)
        ;
}

static void *first_user(void *arg)
{
    for (int i = 0; i < 8; i++)
        block[i] = i;
    sem_add(1); /* free the block */
    return arg;
}

static void *second_user(void *arg)
{
    long sum = 0;
    sem_add(-1); /* allocate it */
    VALGRIND_HG_CLEAN_MEMORY(block, sizeof block);
    for (int i = 0; i < 8; i++)
        block[i] = 2 * i;
    for (int i = 0; i < 8; i++)
        sum += block[i];
    return (void *)sum;
}

int main(void)
{
    pthread_t a, b;
    sem = semget(IPC_PRIVATE, 1, 0600);
    pthread_create(&b, NULL, second_user, NULL);
    pthread_create(&a, NULL, first_user, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
