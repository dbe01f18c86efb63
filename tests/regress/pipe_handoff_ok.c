// A producer fills a buffer and hands it over by writing its pointer into a pipe; the consumer reads the pointer, then the buffer (race-free).
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static int channel[2];

static void *producer(void *arg)
{
    (void)arg;
    int *buf = malloc(16 * sizeof *buf);
    for (int i = 0; i < 16; i++)
        buf[i] = i * i;
    write(channel[1], &buf, sizeof buf);
    return NULL;
}

static void *consumer(void *arg)
{
    int *sum = arg;
    int *buf;
    read(channel[0], &buf, sizeof buf);
    for (int i = 0; i < 16; i++)
        *sum += buf[i];
    free(buf);
    return NULL;
}

int main(void)
{
    int sum = 0;
    pipe(channel);
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, &sum);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return sum != 1240;
}
