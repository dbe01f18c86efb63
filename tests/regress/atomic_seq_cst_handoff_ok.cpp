// Handoff through std::atomic<int> with the default seq_cst store (gcc 12 emits XCHG) and load (race-free).
#include <atomic>
#include <thread>

static long data[8];
static long checksum;
static std::atomic<int> ready{0};

static void producer()
{
    for (int i = 0; i < 8; i++)
        data[i] = 10 * i;
    checksum = 280;
    ready.store(1);
}

int main()
{
    std::thread t(producer);
    while (ready.load() == 0) {
    }
    long sum = 0;
    for (int i = 0; i < 8; i++)
        sum += data[i];
    long expected = checksum;
    t.join();
    return sum == expected ? 0 : 1;
}
