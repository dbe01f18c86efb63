// memcpy of a large (256 KiB) buffer in a thread; main reads the destination after join.
#include <pthread.h>
#include <string.h>

#define LEN (256 * 1024)
static char src[LEN];
static char dst[LEN];

static void *copier(void *arg)
{
    (void)arg;
    memcpy(dst, src, LEN);
    return NULL;
}

int main(void)
{
    pthread_t t;
    memset(src, 'x', LEN);
    pthread_create(&t, NULL, copier, NULL);
    pthread_join(t, NULL);
    char c = ((volatile char *)dst)[LEN / 2 + 3];
    return c == 'x' ? 0 : 1;
}
