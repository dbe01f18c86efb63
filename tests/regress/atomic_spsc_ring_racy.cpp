// Single-producer single-consumer ring buffer with atomic head/tail, but the producer fills in a field after publishing the slot (race); the spins yield, so Valgrind's one-thread-at-a-time scheduler hands over at once.
#include <atomic>
#include <thread>

struct Msg {
    int seq;
    int payload;
};

constexpr unsigned N = 1024;
static Msg ring[N];
static std::atomic<unsigned> head{0}; // next slot to read, written by the consumer
static std::atomic<unsigned> tail{0}; // next slot to fill, written by the producer

static void producer()
{
    for (int i = 0; i < 10000; i++) {
        unsigned t = tail.load(std::memory_order_relaxed);
        while (t - head.load(std::memory_order_acquire) == N)
            std::this_thread::yield();
        ring[t % N].seq = i;
        tail.store(t + 1, std::memory_order_release);
        ring[t % N].payload = 3 * i; // RACE
    }
}

int main()
{
    std::thread p(producer);
    long sum = 0, bad = 0;
    for (int i = 0; i < 10000; i++) {
        unsigned h = head.load(std::memory_order_relaxed);
        while (tail.load(std::memory_order_acquire) == h)
            std::this_thread::yield();
        Msg m = ring[h % N]; // RACE
        head.store(h + 1, std::memory_order_release);
        sum += m.seq;
        bad += m.payload != 3 * m.seq;
    }
    p.join();
    return sum == 49995000L && bad >= 0 ? 0 : 1;
}
