// std::atomic<bool> handoff: payload written, then a release store; the reader spins (empty loop) on an acquire load, then reads it (race-free).
#include <atomic>
#include <thread>

static int payload[4];
static int trailer;
static std::atomic<bool> ready{false};

static void producer()
{
    for (int i = 0; i < 4; i++)
        payload[i] = i + 1;
    trailer = 42;
    ready.store(true, std::memory_order_release);
}

int main()
{
    std::thread t(producer);
    while (!ready.load(std::memory_order_acquire)) {
    }
    int sum = payload[0] + payload[1] + payload[2] + payload[3];
    int tail = trailer;
    t.join();
    return sum == 10 && tail == 42 ? 0 : 1;
}
