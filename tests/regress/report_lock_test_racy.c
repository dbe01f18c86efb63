// Report anatomy, a test under a lock: a worker updates a counter (a plain store) under one mutex; main later tests it with an atomic load under another mutex (`if (__atomic_load_n(&pending, relaxed) > 0)`: without debug info for it, only the shape of a flag test tells racemap it is atomic). Under a lock, the test reads the lock's data, not a flag: it races with the worker's plain update, and the report names both.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t worker_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t main_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;
static volatile int seen;

__attribute__((noinline)) static void note(void)
{
    seen = 1;
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&worker_lock);
    pending = 3; // RACE
    pthread_mutex_unlock(&worker_lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1); /* lets the worker go first; orders nothing */
    pthread_mutex_lock(&main_lock);
    if (__atomic_load_n(&pending, __ATOMIC_RELAXED) > 0) // RACE
        note();
    pthread_mutex_unlock(&main_lock);
    pthread_join(t, NULL);
    return seen ? 0 : 1;
}
