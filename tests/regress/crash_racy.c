// The program crashes (SIGSEGV) after a race: the report is still printed before Valgrind dies with the signal.
// EXIT: 139
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

static int status_word;

static void *worker(void *arg)
{
    (void)arg;
    status_word = 1; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1);
    int seen = ((volatile int *)&status_word)[0]; // RACE
    volatile int *null = NULL;
    *null = seen; /* crash */
    return 0;
}
