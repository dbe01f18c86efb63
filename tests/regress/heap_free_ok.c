// pthread: heap blocks used by other threads are freed only after an ordering: a join, a mutex-guarded hand-back, and a reference count whose last decrement frees (no race).
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct shared {
    atomic_int refs;
    int data[8];
};

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int* handed_back;

static void release(struct shared* s)
{
    if (atomic_fetch_sub(&s->refs, 1) == 1)
        free(s);
}

static void* worker(void* arg)
{
    struct shared* s = arg;
    s->data[1] = 1;
    release(s);
    int* own = malloc(4 * sizeof(int));
    own[0] = 7;
    pthread_mutex_lock(&m);
    handed_back = own;
    pthread_mutex_unlock(&m);
    return 0;
}

int main(void)
{
    int* joined = malloc(4 * sizeof(int));
    struct shared* s = malloc(sizeof *s);
    atomic_init(&s->refs, 2);
    pthread_t t;
    pthread_create(&t, 0, worker, s);
    joined[0] = 1;
    s->data[0] = 1;
    release(s);
    pthread_join(t, 0);
    free(joined);
    pthread_mutex_lock(&m);
    int* back = handed_back;
    pthread_mutex_unlock(&m);
    free(back);
    return 0;
}
