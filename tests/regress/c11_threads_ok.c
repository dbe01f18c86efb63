// C11 <threads.h>: thrd_create/thrd_join, mtx_lock/mtx_unlock, cnd_wait/cnd_signal and call_once (race-free).
#include <threads.h>

static mtx_t lock;
static cnd_t ready_cv;
static once_flag once = ONCE_FLAG_INIT;
static int config;
static int ready;
static long total;

static void init_config(void)
{
    config = 42;
}

static int producer(void *arg)
{
    (void)arg;
    call_once(&once, init_config);
    mtx_lock(&lock);
    total += config;
    ready = 1;
    cnd_signal(&ready_cv);
    mtx_unlock(&lock);
    return 0;
}

static int consumer(void *arg)
{
    (void)arg;
    call_once(&once, init_config);
    mtx_lock(&lock);
    while (!ready)
        cnd_wait(&ready_cv, &lock);
    total += config;
    mtx_unlock(&lock);
    return 0;
}

int main(void)
{
    mtx_init(&lock, mtx_plain);
    cnd_init(&ready_cv);
    thrd_t a, b;
    thrd_create(&a, consumer, NULL);
    thrd_create(&b, producer, NULL);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    long result = total;
    mtx_destroy(&lock);
    cnd_destroy(&ready_cv);
    return result != 84;
}
