// memset of a large (256 KiB) buffer in a thread; main reads it after join.
#include <pthread.h>
#include <string.h>

#define LEN (256 * 1024)
static char buf[LEN];

static void *filler(void *arg)
{
    (void)arg;
    memset(buf, 'y', LEN);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, filler, NULL);
    pthread_join(t, NULL);
    char c = ((volatile char *)buf)[LEN - 5];
    return c == 'y' ? 0 : 1;
}
