// pthread spinlock: worker uses spin_lock and spin_trylock, main updates the counter WITHOUT the lock (race).
#include <pthread.h>
#include <sched.h>

static pthread_spinlock_t sl;
static volatile int counter;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        if (i & 1)
            pthread_spin_lock(&sl);
        else
            while (pthread_spin_trylock(&sl) != 0)
                sched_yield();
        counter++; // RACE
        pthread_spin_unlock(&sl);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&t, NULL, worker, NULL);
    counter += 1000; // RACE
    pthread_join(t, NULL);
    pthread_spin_destroy(&sl);
    return 0;
}
