// C11 <threads.h>: one thread updates the total under mtx_lock, the other without it (race).
#include <threads.h>

static mtx_t lock;
static long total;

static int careful(void *arg)
{
    (void)arg;
    mtx_lock(&lock);
    total += 1; // RACE
    mtx_unlock(&lock);
    return 0;
}

static int careless(void *arg)
{
    (void)arg;
    total += 2; // RACE
    return 0;
}

int main(void)
{
    mtx_init(&lock, mtx_plain);
    thrd_t a, b;
    thrd_create(&a, careful, NULL);
    thrd_create(&b, careless, NULL);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    mtx_destroy(&lock);
    return total == 7;
}
