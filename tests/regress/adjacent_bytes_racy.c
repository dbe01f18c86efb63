// Byte precision: one thread writes byte buf[1], another writes the 2 bytes buf[0..1] without sync (race on buf[1]).
#include <pthread.h>
#include <stdint.h>

static volatile unsigned char buf[8] __attribute__((aligned(8)));

static void *w1(void *arg) { (void)arg; for (int i = 0; i < 100; i++) buf[1] = (unsigned char)i; return NULL; } // RACE
static void *w01(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        *(volatile uint16_t *)buf = (uint16_t)i; // RACE
    return NULL;
}
static void *w2(void *arg) { (void)arg; for (int i = 0; i < 100; i++) buf[2] = (unsigned char)i; return NULL; }

int main(void)
{
    pthread_t t[3];
    pthread_create(&t[0], NULL, w1, NULL);
    pthread_create(&t[1], NULL, w01, NULL);
    pthread_create(&t[2], NULL, w2, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
