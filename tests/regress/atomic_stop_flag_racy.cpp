// Stop flag: workers poll a std::atomic<bool>; main sets it, then reads the workers' progress before joining them (race).
#include <atomic>
#include <thread>

static std::atomic<bool> stop{false};
static long progress[2];

static void worker(int id)
{
    long n = 0;
    do {
        progress[id] = ++n; // RACE
    } while (!stop.load(std::memory_order_acquire));
}

int main()
{
    std::thread a(worker, 0), b(worker, 1);
    long work = 0;
    for (long i = 0; i < 300000; i++)
        work += i % 7;
    stop.store(true, std::memory_order_release);
    long seen = progress[0] + progress[1]; // RACE
    a.join();
    b.join();
    return seen >= 0 && work > 0 ? 0 : 1;
}
