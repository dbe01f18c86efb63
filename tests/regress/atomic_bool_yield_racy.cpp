// std::atomic<bool> handoff with a yield() wait loop, but the reader reads one field before waiting for the flag (race).
#include <atomic>
#include <thread>

static int payload[4];
static std::atomic<bool> ready{false};

static void producer()
{
    for (int i = 0; i < 4; i++)
        payload[i] = i + 1; // RACE
    ready.store(true, std::memory_order_release);
}

int main()
{
    std::thread t(producer);
    int first = payload[0]; // RACE
    while (!ready.load(std::memory_order_acquire))
        std::this_thread::yield();
    int sum = first + payload[1] + payload[2] + payload[3];
    t.join();
    return sum == 10 || sum == 9 ? 0 : 1;
}
