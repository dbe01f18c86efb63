// Relaxed atomic counter: four threads fetch_add(1, relaxed); main reads the total after joining them (race-free).
#include <atomic>
#include <thread>

static std::atomic<long> hits{0};
static long work[4];

static void worker(int id)
{
    for (int i = 0; i < 10000; i++) {
        hits.fetch_add(1, std::memory_order_relaxed);
        work[id] += i & 1;
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
    return total == 40000 && work[0] + work[3] == 10000 ? 0 : 1;
}
