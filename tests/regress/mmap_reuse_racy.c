// Anonymous mmap: main maps a region, a thread writes it while main reads the same word before join (race).
#include <pthread.h>
#include <sys/mman.h>

#define LEN (64 * 1024)
static volatile int *region;

static void *writer(void *arg)
{
    (void)arg;
    region[4000] = 1; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    region = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED)
        return 1;
    pthread_create(&t, NULL, writer, NULL);
    int v = region[4000]; // RACE
    pthread_join(t, NULL);
    munmap((void *)region, LEN);
    return v < 0;
}
