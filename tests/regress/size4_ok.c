// Access size 4 bytes: a thread writes a 4-byte variable, main reads it after join.
#include <pthread.h>
#include <stdint.h>

static volatile uint32_t var;

static void *writer(void *arg)
{
    (void)arg;
    var = (uint32_t)0x1122334455667788ull;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    uint32_t v = var;
    return v == (uint32_t)0x1122334455667788ull ? 0 : 1;
}
