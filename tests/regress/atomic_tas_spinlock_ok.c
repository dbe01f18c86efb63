// Test-and-set spin lock on __atomic_test_and_set(ACQUIRE) / __atomic_clear(RELEASE) around a counter, two threads (race-free).
#include <pthread.h>

static char lock_byte;
static int counter;

static void lock(void)
{
    while (__atomic_test_and_set(&lock_byte, __ATOMIC_ACQUIRE)) {
    }
}

static void unlock(void)
{
    __atomic_clear(&lock_byte, __ATOMIC_RELEASE);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        lock();
        counter++;
        unlock();
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return counter == 2000 ? 0 : 1;
}
