// Two threads test and update one counter, both under the same mutex: no race. Beside it, a C11 atomic stop flag set without the lock and tested inside it (both orders) still synchronizes the result it publishes.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;
static atomic_int stop;
static int result;

static void* producer(void* arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&lock);
        if (pending < 8)
            pending++;
        pthread_mutex_unlock(&lock);
    }
    result = 42;
    atomic_store_explicit(&stop, 1, memory_order_release);
    return NULL;
}

static void* consumer(void* arg)
{
    (void)arg;
    int seen = 0;
    for (;;) {
        pthread_mutex_lock(&lock);
        if (pending > 0)
            pending--;
        if (atomic_load_explicit(&stop, memory_order_acquire))
            seen = 1;
        pthread_mutex_unlock(&lock);
        if (seen)
            break;
    }
    return (void*)(long)result;
}

int main(void)
{
    pthread_t p, c;
    void* r;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, &r);
    printf("%d %ld\n", pending >= 0, (long)r);
    return 0;
}
