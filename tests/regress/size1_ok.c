// Access size 1 bytes: a thread writes a 1-byte variable, main reads it after join.
#include <pthread.h>
#include <stdint.h>

static volatile uint8_t var;

static void *writer(void *arg)
{
    (void)arg;
    var = (uint8_t)0x1122334455667788ull;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    uint8_t v = var;
    return v == (uint8_t)0x1122334455667788ull ? 0 : 1;
}
