// helgrind.h: an unlocked "last seen" hint declared with ANNOTATE_BENIGN_RACE_SIZED; its neighbour in the same 8 bytes is written under a lock (race-free).
#include <pthread.h>
#include <valgrind/helgrind.h>

static volatile struct {
    int last_seen; /* a hint: written without the lock on purpose */
    int owner;     /* under the lock */
} state;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 50; i++) {
        state.last_seen = id * 100 + i;
        pthread_mutex_lock(&lock);
        state.owner = id;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    ANNOTATE_BENIGN_RACE_SIZED(&state.last_seen, sizeof state.last_seen, "a hint");
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
