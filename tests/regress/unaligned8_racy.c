// Unaligned 8-byte accesses straddling an 8-byte boundary: write of buf[4..11] races with a read of buf[7..14] (race).
#include <pthread.h>
#include <stdint.h>

typedef uint64_t __attribute__((aligned(1))) u64_unaligned;
static unsigned char buf[32] __attribute__((aligned(16)));

static void *writer(void *arg)
{
    (void)arg;
    *(volatile u64_unaligned *)(buf + 4) = 0x1111111111111111ull; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    uint64_t v = *(volatile u64_unaligned *)(buf + 7); // RACE
    pthread_join(t, NULL);
    return v == 1;
}
