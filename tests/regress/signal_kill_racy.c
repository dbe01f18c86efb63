// pthread: a thread sends a signal with pthread_kill, then writes data the target reads once it took the signal with sigwait: the write comes after the send, so nothing orders it (race).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static int data;
static pthread_t waiter;

static void* wait_for_signal(void* arg)
{
    sigset_t set;
    int sig;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigwait(&set, &sig);
    usleep(50 * 1000);
    return (void*)(long)(data + sig); // RACE
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, 0);
    pthread_create(&waiter, 0, wait_for_signal, 0);
    pthread_kill(waiter, SIGUSR1);
    data = 1; // RACE
    void* ret;
    pthread_join(waiter, &ret);
    return ret == 0;
}
