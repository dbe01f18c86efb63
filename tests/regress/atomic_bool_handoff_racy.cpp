// std::atomic<bool> handoff: the producer writes one field after its release store, so the reader's acquire does not cover it (race).
#include <atomic>
#include <thread>

static int payload[4];
static int trailer;
static std::atomic<bool> ready{false};

static void producer()
{
    for (int i = 0; i < 4; i++)
        payload[i] = i + 1;
    ready.store(true, std::memory_order_release);
    trailer = 42; // RACE
}

int main()
{
    std::thread t(producer);
    while (!ready.load(std::memory_order_acquire)) {
    }
    int sum = payload[0] + payload[1] + payload[2] + payload[3];
    int tail = trailer; // RACE
    t.join();
    return sum == 10 && (tail == 0 || tail == 42) ? 0 : 1;
}
