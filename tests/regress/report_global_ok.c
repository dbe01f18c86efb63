// Report anatomy, global variable: the same accesses ordered by pthread_join (race-free).
#include <pthread.h>
#include <unistd.h>

int shared_counter;

__attribute__((noinline)) static void bump(void)
{
    shared_counter += 2;
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
    sleep(1);
    pthread_join(t, NULL);
    int v = ((volatile int *)&shared_counter)[0];
    return v == 7;
}
