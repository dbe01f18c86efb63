// helgrind.h: ANNOTATE_BENIGN_RACE_SIZED covers only the hint it names; its neighbour in the same 8 bytes is written without the lock (race).
// REPORTS: 1
#include <pthread.h>
#include <valgrind/helgrind.h>

static volatile struct {
    int last_seen; /* a hint: written without the lock on purpose */
    int owner;     /* meant to be under a lock, which is forgotten */
} state;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 50; i++) {
        state.last_seen = id * 100 + i;
        state.owner = id; // RACE
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
