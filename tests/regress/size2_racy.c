// Access size 2 bytes: a thread writes a 2-byte variable while main reads it before join (race).
#include <pthread.h>
#include <stdint.h>

static volatile uint16_t var;

static void *writer(void *arg)
{
    (void)arg;
    var = (uint16_t)0x1122334455667788ull; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    uint16_t v = var; // RACE
    pthread_join(t, NULL);
    return v == 1;
}
