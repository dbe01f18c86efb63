// std::atomic_flag spin lock around a counter; main peeks at the counter without the lock while the workers run (race).
#include <atomic>
#include <thread>

static std::atomic_flag busy = ATOMIC_FLAG_INIT;
static long counter;

static void worker()
{
    for (int i = 0; i < 1000; i++) {
        while (busy.test_and_set(std::memory_order_acquire)) {
        }
        counter++; // RACE
        busy.clear(std::memory_order_release);
    }
}

int main()
{
    std::thread a(worker), b(worker);
    long seen = counter; // RACE
    a.join();
    b.join();
    return seen <= 2000 && counter == 2000 ? 0 : 1;
}
