// A signal handler running on an alternate stack (sigaltstack) writes a global that main reads unsynchronized (race).
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static int shared;

static void handler(int sig)
{
    (void)sig;
    shared = 2; // RACE
}

__attribute__((noinline)) static void interrupted(void)
{
    raise(SIGUSR1);
}

static void *worker(void *arg)
{
    (void)arg;
    stack_t ss = {.ss_sp = malloc(1 << 16), .ss_size = 1 << 16, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa = {.sa_handler = handler, .sa_flags = SA_ONSTACK};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    interrupted();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1);
    int v = ((volatile int *)&shared)[0]; // RACE
    pthread_join(t, NULL);
    return v == 9;
}
