// Threads on stacks carved from the heap (pthread_attr_setstack) update a heap counter, one of them without the mutex (race).
#include <pthread.h>
#include <stdlib.h>

struct shared {
    pthread_mutex_t lock;
    long counter;
};

static void *worker(void *arg)
{
    struct shared *s = arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&s->lock);
        s->counter++; // RACE
        pthread_mutex_unlock(&s->lock);
    }
    return NULL;
}

static void *careless(void *arg)
{
    struct shared *s = arg;
    s->counter++; // RACE
    return NULL;
}

int main(void)
{
    struct shared *s = malloc(sizeof *s);
    pthread_mutex_init(&s->lock, NULL);
    s->counter = 0;
    for (int round = 0; round < 3; round++) {
        pthread_t t[2];
        void *stacks[2];
        for (int i = 0; i < 2; i++) {
            pthread_attr_t attr;
            pthread_attr_init(&attr);
            stacks[i] = malloc(1 << 18);
            pthread_attr_setstack(&attr, stacks[i], 1 << 18);
            pthread_create(&t[i], &attr, round == 2 && i == 1 ? careless : worker, s);
            pthread_attr_destroy(&attr);
        }
        for (int i = 0; i < 2; i++) {
            pthread_join(t[i], NULL);
            free(stacks[i]);
        }
    }
    long total = s->counter;
    pthread_mutex_destroy(&s->lock);
    free(s);
    return total == 7;
}
