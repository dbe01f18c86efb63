// Seqlock: the writer makes the sequence odd, stores relaxed std::atomic<int> fields, makes it even; the reader retries until it saw an even, unchanged sequence (race-free).
#include <atomic>
#include <thread>

static std::atomic<unsigned> seq{0};
static std::atomic<int> x{0}, y{0};

static void writer()
{
    for (int v = 1; v <= 2000; v++) {
        unsigned s = seq.load(std::memory_order_relaxed);
        seq.store(s + 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
        x.store(v, std::memory_order_relaxed);
        y.store(2 * v, std::memory_order_relaxed);
        seq.store(s + 2, std::memory_order_release);
    }
}

static int read_pair(int *a, int *b)
{
    unsigned s1, s2;
    do {
        s1 = seq.load(std::memory_order_acquire);
        *a = x.load(std::memory_order_relaxed);
        *b = y.load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        s2 = seq.load(std::memory_order_relaxed);
    } while ((s1 & 1) || s1 != s2);
    return *b == 2 * *a;
}

int main()
{
    std::thread w(writer);
    int torn = 0;
    for (int i = 0; i < 2000; i++) {
        int a, b;
        if (!read_pair(&a, &b))
            torn++;
    }
    w.join();
    return torn == 0 ? 0 : 1;
}
