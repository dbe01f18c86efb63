// C11 double-checked initialisation: an _Atomic pointer loaded with memory_order_acquire outside the lock, tested once (no loop), dereferenced; stored with memory_order_release under the lock (racy: the initialising thread changes the level after publishing it, while another thread reads it).
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

struct config {
    int size;
    int level;
};

static struct config *_Atomic instance;
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static int sizes[4];

static struct config *get_config(void)
{
    struct config *p = atomic_load_explicit(&instance, memory_order_acquire);
    if (p == NULL) {
        pthread_mutex_lock(&init_lock);
        p = atomic_load_explicit(&instance, memory_order_relaxed);
        if (p == NULL) {
            p = malloc(sizeof *p);
            p->size = 64;
            p->level = 3;
            atomic_store_explicit(&instance, p, memory_order_release);
            usleep(20000);
            p->level = 4; // RACE
        }
        pthread_mutex_unlock(&init_lock);
    }
    return p;
}

static void *worker(void *arg)
{
    long i = (long)arg;
    usleep(1000 * (int)i);
    struct config *c = get_config();
    sizes[i] = c->size + c->level; // RACE
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    free(atomic_load(&instance));
    return sizes[3] > 0 ? 0 : 1;
}
