// Stop flag: workers poll a std::atomic<bool> in their loops; main sets it after doing some work and reads their progress after joining (race-free).
#include <atomic>
#include <thread>

static std::atomic<bool> stop{false};
static long progress[2];

static void worker(int id)
{
    long n = 0;
    do {
        progress[id] = ++n;
    } while (!stop.load(std::memory_order_acquire));
}

int main()
{
    std::thread a(worker, 0), b(worker, 1);
    long work = 0;
    for (long i = 0; i < 300000; i++)
        work += i % 7;
    stop.store(true, std::memory_order_release);
    a.join();
    b.join();
    long seen = progress[0] + progress[1];
    return seen >= 2 && work > 0 ? 0 : 1;
}
