// C11 <stdatomic.h> single-producer single-consumer ring whose try_push and try_pop do not spin (they compare the other side's index with their own and return at once), with the producer's bug: it publishes the slot (release store of wr) before it writes it, so the consumer may read the slot while it is being written.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 64
#define MSGS 20000

struct ring {
    atomic_ulong wr; // next slot to fill, written by the producer
    atomic_ulong rd; // next slot to read, written by the consumer
    int slot[N];
};

static struct ring q;
static long idle_tries;

__attribute__((noinline)) static int try_push(struct ring* r, int v)
{
    unsigned long w = atomic_load_explicit(&r->wr, memory_order_relaxed);
    if (w - atomic_load_explicit(&r->rd, memory_order_acquire) >= N)
        return 0;
    atomic_store_explicit(&r->wr, w + 1, memory_order_release);
    r->slot[w % N] = v; // RACE
    return 1;
}

__attribute__((noinline)) static int try_pop(struct ring* r, int* v)
{
    unsigned long rd = atomic_load_explicit(&r->rd, memory_order_relaxed);
    if (rd == atomic_load_explicit(&r->wr, memory_order_acquire))
        return 0;
    *v = r->slot[rd % N]; // RACE
    atomic_store_explicit(&r->rd, rd + 1, memory_order_release);
    return 1;
}

static void* producer(void* arg)
{
    (void)arg;
    for (int i = 1; i <= MSGS;)
        if (try_push(&q, i))
            i++;
        else
            sched_yield();
    return NULL;
}

int main(void)
{
    pthread_t p;
    pthread_create(&p, NULL, producer, NULL);
    long sum = 0;
    for (int got = 0; got < MSGS;) {
        int v;
        if (try_pop(&q, &v)) {
            sum += v;
            got++;
        } else {
            idle_tries++;
            sched_yield();
        }
    }
    pthread_join(p, NULL);
    printf("%d\n", sum > 0);
    return 0;
}
