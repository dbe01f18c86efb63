// Report anatomy, global variable: a worker writes a global, main reads it later without synchronization (race).
#include <pthread.h>
#include <unistd.h>

int shared_counter;

__attribute__((noinline)) static void bump(void)
{
    shared_counter += 2; // RACE
}

static void *worker(void *arg)
{
    (void)arg;
    bump();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1); /* lets the worker go first; orders nothing */
    int v = ((volatile int *)&shared_counter)[0]; // RACE
    pthread_join(t, NULL);
    return v == 7;
}
