// pthread: the second thread's `pthread_mutex_lock; pthread_mutex_unlock;` holds nothing, so it does not order the first thread's locked store before its own; it is made to take the mutex second, the order that hides the race from happens-before alone (race).
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int data;

static void* first(void* arg)
{
    pthread_mutex_lock(&m);
    data = 1; // RACE
    pthread_mutex_unlock(&m);
    return arg;
}

static void* second(void* arg)
{
    usleep(200 * 1000);
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    data = 2; // RACE
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, 0, first, 0);
    pthread_create(&b, 0, second, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    return data == 3;
}
