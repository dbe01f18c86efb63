// fork with threads in the parent: a thread writes data, parent joins, forks; child reads and exits; parent waits and reads.
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int data;

static void *writer(void *arg)
{
    (void)arg;
    data = 10;
    return NULL;
}

int main(void)
{
    pthread_t t;
    int status;
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        data = data + 1; /* child's own copy */
        _exit(data == 11 ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    int v = data;
    return (WIFEXITED(status) && WEXITSTATUS(status) == 0 && v == 10) ? 0 : 1;
}
