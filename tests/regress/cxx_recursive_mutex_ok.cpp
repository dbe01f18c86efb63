// C++ std::recursive_mutex: two threads lock it recursively (3 levels) around counter updates.
#include <mutex>
#include <thread>

static std::recursive_mutex m;
static volatile int counter;

__attribute__((noinline)) static void add(int depth)
{
    std::lock_guard<std::recursive_mutex> g(m);
    counter++;
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
    std::thread a(worker), b(worker);
    a.join();
    b.join();
    return counter == 1800 ? 0 : 1;
}
