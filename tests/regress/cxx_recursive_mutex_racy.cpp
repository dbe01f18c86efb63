// C++ std::recursive_mutex: worker locks recursively, main updates the counter WITHOUT the lock (race).
#include <mutex>
#include <thread>

static std::recursive_mutex m;
static volatile int counter;

__attribute__((noinline)) static void add(int depth)
{
    std::lock_guard<std::recursive_mutex> g(m);
    counter++; // RACE
    if (depth > 0)
        add(depth - 1);
}

static void worker()
{
    for (int i = 0; i < 300; i++)
        add(2);
}

int main()
{
    std::thread a(worker);
    counter += 100; // RACE
    a.join();
    return 0;
}
