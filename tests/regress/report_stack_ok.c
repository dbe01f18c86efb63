// Report anatomy, thread stack: the same variable read only after pthread_join (race-free).
#include <pthread.h>
#include <unistd.h>

static void *worker(void *arg)
{
    *(volatile int *)arg = 5;
    return NULL;
}

__attribute__((noinline)) static int run(void)
{
    volatile int result = 0;
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)&result);
    sleep(1);
    pthread_join(t, NULL);
    return result;
}

int main(void)
{
    return run() == 7;
}
