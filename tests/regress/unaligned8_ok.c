// Unaligned 8-byte write of buf[4..11] (straddles an 8-byte boundary); main reads buf[12..15] concurrently and buf[4..11] after join.
#include <pthread.h>
#include <stdint.h>

typedef uint64_t __attribute__((aligned(1))) u64_unaligned;
typedef uint32_t __attribute__((aligned(1))) u32_unaligned;
static unsigned char buf[32] __attribute__((aligned(16)));

static void *writer(void *arg)
{
    (void)arg;
    *(volatile u64_unaligned *)(buf + 4) = 0x1111111111111111ull;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    uint32_t next = *(volatile u32_unaligned *)(buf + 12);
    pthread_join(t, NULL);
    uint64_t v = *(volatile u64_unaligned *)(buf + 4);
    return (v == 0x1111111111111111ull && next == 0) ? 0 : 1;
}
