// Seqlock over relaxed std::atomic<int> fields is right, but the writer also sets a plain field after making the sequence even, which the reader reads (race).
#include <atomic>
#include <thread>

static std::atomic<unsigned> seq{0};
static std::atomic<int> x{0}, y{0};
static int stamp;

static void writer()
{
    for (int v = 1; v <= 2000; v++) {
        unsigned s = seq.load(std::memory_order_relaxed);
        seq.store(s + 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
        x.store(v, std::memory_order_relaxed);
        y.store(2 * v, std::memory_order_relaxed);
        seq.store(s + 2, std::memory_order_release);
        stamp = v; // RACE
    }
}

static int read_pair(int *a, int *b, int *c)
{
    unsigned s1, s2;
    do {
        s1 = seq.load(std::memory_order_acquire);
        *a = x.load(std::memory_order_relaxed);
        *b = y.load(std::memory_order_relaxed);
        *c = stamp; // RACE
        std::atomic_thread_fence(std::memory_order_acquire);
        s2 = seq.load(std::memory_order_relaxed);
    } while ((s1 & 1) || s1 != s2);
    return *b == 2 * *a;
}

int main()
{
    std::thread w(writer);
    int torn = 0;
    long stamps = 0;
    for (int i = 0; i < 2000; i++) {
        int a, b, c;
        if (!read_pair(&a, &b, &c))
            torn++;
        stamps += c;
    }
    w.join();
    return torn == 0 && stamps >= 0 ? 0 : 1;
}
