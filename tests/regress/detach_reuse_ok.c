// Detached threads that exit, each followed by a new thread (stack/TLS reuse); every thread touches only its own stack/TLS.
#include <pthread.h>
#include <semaphore.h>

static __thread volatile int tls_val;
static sem_t done;

static void *worker(void *arg)
{
    volatile char local[512];
    for (int i = 0; i < 512; i++)
        local[i] = (char)(long)arg;
    tls_val = local[511];
    sem_post(&done);
    return NULL;
}

int main(void)
{
    sem_init(&done, 0, 0);
    for (long i = 0; i < 16; i++) {
        pthread_t t;
        pthread_attr_t a;
        pthread_attr_init(&a);
        pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
        pthread_create(&t, &a, worker, (void *)i);
        pthread_attr_destroy(&a);
        sem_wait(&done);
    }
    return 0;
}
