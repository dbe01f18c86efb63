// C++ exception thrown from nested calls and caught inside a thread; the thread then writes data while main reads it (race).
#include <stdexcept>
#include <thread>

static volatile int data;

__attribute__((noinline)) static int thrower(int depth)
{
    if (depth == 0)
        throw std::runtime_error("deep");
    return thrower(depth - 1) + 1;
}

static void body()
{
    try {
        thrower(8);
    } catch (const std::exception &) {
        data = 6; // RACE
    }
}

int main()
{
    std::thread t(body);
    int v = data; // RACE
    t.join();
    return v < 0;
}
