// C11 <stdatomic.h> handoff: message and length written, atomic_store_explicit(release); the reader's atomic_load_explicit(acquire) loop, then it reads them (race-free).
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
    length = (int)strlen(message);
    atomic_store_explicit(&ready, 1, memory_order_release);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    while (!atomic_load_explicit(&ready, memory_order_acquire)) {
    }
    int n = length;
    int ok = n == 15 && message[0] == 'h' && message[14] == 'r';
    pthread_join(t, NULL);
    return ok ? 0 : 1;
}
