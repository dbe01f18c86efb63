// pthread_once: the init routine writes config data; 4 threads call pthread_once and then read the data.
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int config[4];

static void init(void)
{
    for (int i = 0; i < 4; i++)
        config[i] = i * 3;
}

static void *user(void *arg)
{
    long id = (long)arg;
    pthread_once(&once, init);
    return (void *)(long)config[id];
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, user, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
