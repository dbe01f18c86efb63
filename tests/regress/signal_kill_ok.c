// pthread: a thread sends a signal with pthread_kill while it holds a mutex; the target takes the signal with sigwait, then makes an empty `lock; unlock;` that waits for the sender to leave, and reads what the sender wrote inside (no race: the signal cannot be taken before it was sent).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int data;
static pthread_t waiter;

static void* wait_for_signal(void* arg)
{
    sigset_t set;
    int sig;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigwait(&set, &sig);
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    return (void*)(long)(data + sig);
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, 0);
    pthread_create(&waiter, 0, wait_for_signal, 0);
    pthread_mutex_lock(&m);
    pthread_kill(waiter, SIGUSR1);
    usleep(50 * 1000);
    data = 1;
    pthread_mutex_unlock(&m);
    void* ret;
    pthread_join(waiter, &ret);
    return ret == 0;
}
