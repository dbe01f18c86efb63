// The program crashes (SIGSEGV) after a properly joined thread: no report, only the crash.
// EXIT: 139
#include <pthread.h>
#include <stddef.h>

static int status_word;

static void *worker(void *arg)
{
    (void)arg;
    status_word = 1;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    int seen = status_word;
    volatile int *null = NULL;
    *null = seen; /* crash */
    return 0;
}
