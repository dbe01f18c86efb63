// pthread_once: 3 threads use pthread_once correctly, a 4th reads the config WITHOUT calling pthread_once (race).
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int config;

static void init(void)
{
    config = 42; // RACE
}

static void *user(void *arg)
{
    (void)arg;
    pthread_once(&once, init);
    return (void *)(long)config;
}

static void *peeker(void *arg)
{
    (void)arg;
    return (void *)(long)config; // RACE
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, user, NULL);
    pthread_create(&t[3], NULL, peeker, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
