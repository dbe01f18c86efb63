// memcpy of a large (256 KiB) buffer in a thread races with a plain 1-byte read of the destination in main (race).
#include <pthread.h>
#include <string.h>

#define LEN (256 * 1024)
static char src[LEN];
static char dst[LEN];

static void *copier(void *arg)
{
    (void)arg;
    memcpy(dst, src, LEN); // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    memset(src, 'x', LEN);
    pthread_create(&t, NULL, copier, NULL);
    char c = ((volatile char *)dst)[LEN / 2 + 3]; // RACE
    pthread_join(t, NULL);
    return c == 1;
}
