// A thread longjmps out of nested calls, then writes data; main reads it after join.
#include <pthread.h>
#include <setjmp.h>

static volatile int data;
static __thread jmp_buf env;

__attribute__((noinline)) static int dive(int depth)
{
    volatile int pad[32];
    pad[depth] = depth;
    if (depth == 0)
        longjmp(env, 1);
    return dive(depth - 1) + pad[depth];
}

static void *child(void *arg)
{
    (void)arg;
    if (setjmp(env) == 0)
        dive(10);
    data = 4;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, child, NULL);
    pthread_join(t, NULL);
    return data == 4 ? 0 : 1;
}
