// pthread: a thread writes into a heap block while main, after a sleep but with no synchronization, frees it: freeing writes the block (--free-is-write), so the write races with the free (race).
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void* fill(void* arg)
{
    int* buf = arg;
    buf[3] = 99; // RACE
    return 0;
}

int main(void)
{
    pthread_t t;
    int* buf = malloc(16 * sizeof(int));
    pthread_create(&t, 0, fill, buf);
    usleep(50 * 1000);
    free(buf); // RACE
    pthread_join(t, 0);
    return 0;
}
