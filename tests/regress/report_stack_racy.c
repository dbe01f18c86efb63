// Report anatomy, thread stack: a worker writes a variable on main's stack that main then reads unsynchronized (race).
#include <pthread.h>
#include <unistd.h>

static void *worker(void *arg)
{
    *(volatile int *)arg = 5; // RACE
    return NULL;
}

__attribute__((noinline)) static int run(void)
{
    volatile int result = 0;
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)&result);
    sleep(1);
    int v = result; // RACE
    pthread_join(t, NULL);
    return v;
}

int main(void)
{
    return run() == 7;
}
