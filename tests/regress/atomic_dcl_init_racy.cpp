// Double-checked initialisation with std::atomic<Table*> and a std::mutex is right, but every caller bumps a plain counter in the shared table (race).
#include <atomic>
#include <mutex>
#include <thread>

struct Table {
    int squares[64];
    int lookups;
};

static std::atomic<Table *> instance{nullptr};
static std::mutex init_lock;

static Table *get()
{
    Table *t = instance.load(std::memory_order_acquire);
    if (t == nullptr) {
        std::lock_guard<std::mutex> g(init_lock);
        t = instance.load(std::memory_order_relaxed);
        if (t == nullptr) {
            t = new Table();
            for (int i = 0; i < 64; i++)
                t->squares[i] = i * i;
            instance.store(t, std::memory_order_release);
        }
    }
    t->lookups++; // RACE
    return t;
}

static long sums[3];

static void user(int id)
{
    for (int i = 0; i < 100; i++)
        sums[id] += get()->squares[(i + id) % 64];
}

int main()
{
    std::thread a(user, 0), b(user, 1), c(user, 2);
    a.join();
    b.join();
    c.join();
    Table *t = instance.load();
    int ok = t->lookups <= 300 && sums[0] + sums[1] + sums[2] > 0;
    delete t;
    return ok ? 0 : 1;
}
