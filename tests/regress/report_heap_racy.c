// Report anatomy, heap block: a worker writes into a malloc'd block, main writes the same field later (race).
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct record {
    long id;
    int hits;
    char name[20];
};

static void *worker(void *arg)
{
    struct record *r = arg;
    r->hits = 1; // RACE
    return NULL;
}

int main(void)
{
    struct record *r = calloc(4, sizeof *r);
    pthread_t t;
    pthread_create(&t, NULL, worker, &r[2]);
    sleep(1);
    r[2].hits = 2; // RACE
    pthread_join(t, NULL);
    free(r);
    return 0;
}
