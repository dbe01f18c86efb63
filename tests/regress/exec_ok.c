// exec: the program re-execs itself (path from /proc/self/exe) with an argument; the new image runs a race-free thread pair.
// VGOPTS: --trace-children=yes
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static volatile int data;

static void *child(void *arg)
{
    (void)arg;
    data = 1;
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        char self[4096];
        ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        if (n <= 0)
            return 1;
        self[n] = 0;
        execl(self, argv[0], "execd", (char *)NULL);
        return 1;
    }
    if (strcmp(argv[1], "execd") != 0)
        return 1;
    pthread_t t;
    pthread_create(&t, NULL, child, NULL);
    pthread_join(t, NULL);
    return data == 1 ? 0 : 1;
}
