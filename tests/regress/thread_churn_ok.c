// Many short-lived threads in sequence, each writing its own stack and __thread data; glibc reuses stacks/TLS (no race).
#include <pthread.h>

static __thread volatile int tls_counter;
static __thread volatile char tls_buf[256];

static void *worker(void *arg)
{
    volatile int local[64];
    long id = (long)arg;
    for (int i = 0; i < 64; i++)
        local[i] = (int)id + i;
    for (int i = 0; i < 256; i++)
        tls_buf[i] = (char)id;
    tls_counter += local[63];
    return (void *)(long)tls_counter;
}

int main(void)
{
    for (long i = 0; i < 64; i++) {
        pthread_t t;
        void *r;
        pthread_create(&t, NULL, worker, (void *)i);
        pthread_join(t, &r);
        if ((long)r != i + 63)
            return 1;
    }
    return 0;
}
