// std::atomic_flag spin lock (test_and_set acquire / clear release) around a counter; main reads it after joining (race-free).
#include <atomic>
#include <thread>

static std::atomic_flag busy = ATOMIC_FLAG_INIT;
static long counter;

static void worker()
{
    for (int i = 0; i < 1000; i++) {
        while (busy.test_and_set(std::memory_order_acquire)) {
        }
        counter++;
        busy.clear(std::memory_order_release);
    }
}

int main()
{
    std::thread a(worker), b(worker);
    a.join();
    b.join();
    long seen = counter;
    return seen == 2000 ? 0 : 1;
}
