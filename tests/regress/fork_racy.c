// fork with a thread running in the parent: the child exits, then the parent reads data the thread writes, without join (race).
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int data;

static void *writer(void *arg)
{
    (void)arg;
    data = 10; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    int status;
    pthread_create(&t, NULL, writer, NULL);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, &status, 0);
    int v = data; // RACE
    pthread_join(t, NULL);
    return v < 0;
}
