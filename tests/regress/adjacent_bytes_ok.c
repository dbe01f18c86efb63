// Byte precision: three threads write adjacent but distinct bytes (1, 1 and 2 bytes) of one array without sync (no race).
#include <pthread.h>
#include <stdint.h>

static volatile unsigned char buf[8] __attribute__((aligned(8)));

static void *w0(void *arg) { (void)arg; for (int i = 0; i < 100; i++) buf[0] = (unsigned char)i; return NULL; }
static void *w1(void *arg) { (void)arg; for (int i = 0; i < 100; i++) buf[1] = (unsigned char)i; return NULL; }
static void *w23(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        *(volatile uint16_t *)(buf + 2) = (uint16_t)i;
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    pthread_create(&t[0], NULL, w0, NULL);
    pthread_create(&t[1], NULL, w1, NULL);
    pthread_create(&t[2], NULL, w23, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (buf[0] == 99 && buf[1] == 99 && buf[2] == 99) ? 0 : 1;
}
