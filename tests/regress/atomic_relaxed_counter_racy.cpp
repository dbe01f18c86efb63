// Relaxed atomic counter bumped by four threads is fine, but each thread also bumps a plain counter next to it (race).
#include <atomic>
#include <thread>

static std::atomic<long> hits{0};
static long work;

static void worker(int id)
{
    (void)id;
    for (int i = 0; i < 10000; i++) {
        hits.fetch_add(1, std::memory_order_relaxed);
        work += i & 1; // RACE
    }
}

int main()
{
    std::thread a(worker, 0), b(worker, 1), c(worker, 2), d(worker, 3);
    a.join();
    b.join();
    c.join();
    d.join();
    long total = hits.load(std::memory_order_relaxed);
    return total == 40000 && work <= 20000 ? 0 : 1;
}
