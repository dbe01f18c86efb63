// C++ std::timed_mutex: worker uses try_lock_for, main updates the counter WITHOUT the lock (race).
#include <chrono>
#include <mutex>
#include <thread>

static std::timed_mutex m;
static volatile int counter;

static void worker()
{
    for (int i = 0; i < 1000; i++) {
        while (!m.try_lock_for(std::chrono::seconds(60)))
            ;
        counter++; // RACE
        m.unlock();
    }
}

int main()
{
    std::thread a(worker);
    counter += 1000; // RACE
    a.join();
    return 0;
}
