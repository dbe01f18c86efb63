// Byte precision: thread does an 8-byte write of buf[0..7]; main reads buf[8] concurrently (disjoint) and buf[7] after join.
#include <pthread.h>
#include <stdint.h>

static volatile unsigned char buf[16] __attribute__((aligned(16)));

static void *writer(void *arg)
{
    (void)arg;
    *(volatile uint64_t *)buf = 0x0102030405060708ull;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    unsigned char next = buf[8];
    pthread_join(t, NULL);
    unsigned char last = buf[7];
    return (last == 1 && next == 0) ? 0 : 1;
}
