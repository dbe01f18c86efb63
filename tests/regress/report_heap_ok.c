// Report anatomy, heap block: the same writes ordered by a mutex (race-free).
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct record {
    long id;
    int hits;
    char name[20];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    struct record *r = arg;
    pthread_mutex_lock(&lock);
    r->hits = 1;
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    struct record *r = calloc(4, sizeof *r);
    pthread_t t;
    pthread_create(&t, NULL, worker, &r[2]);
    sleep(1);
    pthread_mutex_lock(&lock);
    r[2].hits = 2;
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);
    free(r);
    return 0;
}
