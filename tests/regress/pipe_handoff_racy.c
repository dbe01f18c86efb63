// The producer keeps writing its buffer after handing it over through a pipe (race).
#include <pthread.h>
#include <unistd.h>

static int channel[2];
static int shared[16];

static void *producer(void *arg)
{
    (void)arg;
    char go = 1;
    write(channel[1], &go, 1);
    shared[3] = 9; // RACE
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    char go;
    read(channel[0], &go, 1);
    sleep(1);
    return (void *)(long)((volatile int *)shared)[3]; // RACE
}

int main(void)
{
    pipe(channel);
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
