// std::atomic<bool> handoff whose reader calls std::this_thread::yield() while it waits (gcc tests the flag once before the loop) (race-free).
#include <atomic>
#include <thread>

static int payload[4];
static std::atomic<bool> ready{false};

static void producer()
{
    for (int i = 0; i < 4; i++)
        payload[i] = i + 1;
    ready.store(true, std::memory_order_release);
}

int main()
{
    std::thread t(producer);
    while (!ready.load(std::memory_order_acquire))
        std::this_thread::yield();
    int first = payload[0];
    int sum = first + payload[1] + payload[2] + payload[3];
    t.join();
    return sum == 10 ? 0 : 1;
}
