// C11 <stdatomic.h> handoff with release/acquire, but the producer sets the length after its release store (race).
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

static char message[32];
static int length;
static atomic_int ready;

static void *producer(void *arg)
{
    (void)arg;
    strcpy(message, "hello, consumer");
    atomic_store_explicit(&ready, 1, memory_order_release);
    length = (int)strlen(message); // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    while (!atomic_load_explicit(&ready, memory_order_acquire)) {
    }
    int n = length; // RACE
    int ok = (n == 15 || n == 0) && message[0] == 'h' && message[14] == 'r';
    pthread_join(t, NULL);
    return ok ? 0 : 1;
}
