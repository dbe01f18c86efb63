// Anonymous mmap: thread A maps, writes and unmaps a region; after join thread B maps again (often same address) and writes.
#include <pthread.h>
#include <sys/mman.h>

#define LEN (64 * 1024)

static void *user(void *arg)
{
    int val = (int)(long)arg;
    volatile int *p = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return (void *)1;
    for (int i = 0; i < LEN / 4; i += 256)
        p[i] = val;
    munmap((void *)p, LEN);
    return NULL;
}

int main(void)
{
    pthread_t t;
    void *r1, *r2;
    pthread_create(&t, NULL, user, (void *)1);
    pthread_join(t, &r1);
    pthread_create(&t, NULL, user, (void *)2);
    pthread_join(t, &r2);
    return (r1 || r2) ? 1 : 0;
}
