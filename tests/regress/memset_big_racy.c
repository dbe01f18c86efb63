// memset of a large (256 KiB) buffer in a thread races with a plain 1-byte read in main (race).
#include <pthread.h>
#include <string.h>

#define LEN (256 * 1024)
static char buf[LEN];

static void *filler(void *arg)
{
    (void)arg;
    memset(buf, 'y', LEN); // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, filler, NULL);
    char c = ((volatile char *)buf)[LEN - 5]; // RACE
    pthread_join(t, NULL);
    return c == 1;
}
