// C++ std::shared_mutex: a thread WRITES while holding only a std::shared_lock, concurrently with a reader (race).
#include <pthread.h>
#include <shared_mutex>
#include <thread>

static std::shared_mutex sm;
static pthread_barrier_t both_hold_shared;
static volatile int shared;

static void bad_writer()
{
    std::shared_lock<std::shared_mutex> lk(sm);
    pthread_barrier_wait(&both_hold_shared);
    shared = 1; // RACE
}

static void reader()
{
    std::shared_lock<std::shared_mutex> lk(sm);
    pthread_barrier_wait(&both_hold_shared);
    int v = shared; // RACE
    (void)v;
}

int main()
{
    pthread_barrier_init(&both_hold_shared, nullptr, 2);
    std::thread a(bad_writer), b(reader);
    a.join();
    b.join();
    return 0;
}
