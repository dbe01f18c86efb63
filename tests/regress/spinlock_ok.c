// pthread spinlock: one worker uses pthread_spin_lock, another a pthread_spin_trylock loop, around a counter.
#include <pthread.h>
#include <sched.h>

static pthread_spinlock_t sl;
static volatile int counter;

static void *locker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_spin_lock(&sl);
        counter++;
        pthread_spin_unlock(&sl);
    }
    return NULL;
}

static void *trylocker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        while (pthread_spin_trylock(&sl) != 0)
            sched_yield();
        counter++;
        pthread_spin_unlock(&sl);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&a, NULL, locker, NULL);
    pthread_create(&b, NULL, trylocker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_spin_destroy(&sl);
    return counter == 2000 ? 0 : 1;
}
