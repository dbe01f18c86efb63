// C++ std::timed_mutex: two threads acquire it with try_lock_for (long timeout) around counter updates.
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
        counter++;
        m.unlock();
    }
}

int main()
{
    std::thread a(worker), b(worker);
    a.join();
    b.join();
    return counter == 2000 ? 0 : 1;
}
