// Byte precision: thread does an 8-byte write of buf[0..7]; main reads only its LAST byte buf[7] before join (race).
#include <pthread.h>
#include <stdint.h>

static volatile unsigned char buf[16] __attribute__((aligned(16)));

static void *writer(void *arg)
{
    (void)arg;
    *(volatile uint64_t *)buf = 0x0102030405060708ull; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    unsigned char last = buf[7]; // RACE
    pthread_join(t, NULL);
    return last == 2;
}
