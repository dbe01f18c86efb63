// A thread raises SIGUSR1 (handler runs on that thread), then writes data while main reads it before join (race).
#include <pthread.h>
#include <signal.h>

static volatile sig_atomic_t hits;
static volatile int data;

static void handler(int sig)
{
    (void)sig;
    hits++;
}

static void *child(void *arg)
{
    (void)arg;
    raise(SIGUSR1);
    data = hits + 1; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct sigaction sa = {0};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    pthread_create(&t, NULL, child, NULL);
    int v = data; // RACE
    pthread_join(t, NULL);
    return (v < 0 || hits != 1);
}
