// C11 seqlock: the writer makes the sequence odd, stores the data fields with memory_order_relaxed, makes it even (release); the reader's fields are _Atomic relaxed loads between two acquire loads of the sequence, retried on a change (race-free).
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_uint seq;
static atomic_int x_pos, y_pos;
static int seen;

static void *writer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 2000; i++) {
        unsigned s = atomic_load_explicit(&seq, memory_order_relaxed);
        atomic_store_explicit(&seq, s + 1, memory_order_relaxed);
        atomic_thread_fence(memory_order_release);
        atomic_store_explicit(&x_pos, i, memory_order_relaxed);
        atomic_store_explicit(&y_pos, -i, memory_order_relaxed);
        atomic_store_explicit(&seq, s + 2, memory_order_release);
        if (i == 1000)
            usleep(20000); /* the reader runs now, between two updates */
    }
    return NULL;
}

static void *reader(void *arg)
{
    (void)arg;
    while (atomic_load_explicit(&seq, memory_order_acquire) < 2)
        sched_yield();
    for (int n = 0; n < 2000; n++) {
        unsigned s1, s2;
        int x, y;
        do {
            s1 = atomic_load_explicit(&seq, memory_order_acquire);
            x = atomic_load_explicit(&x_pos, memory_order_relaxed);
            y = atomic_load_explicit(&y_pos, memory_order_relaxed);
            atomic_thread_fence(memory_order_acquire);
            s2 = atomic_load_explicit(&seq, memory_order_relaxed);
        } while ((s1 & 1) || s1 != s2);
        if (x + y != 0)
            seen = 1;
    }
    return NULL;
}

int main(void)
{
    pthread_t w, r;
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(w, NULL);
    pthread_join(r, NULL);
    return seen;
}
