// C++ exception thrown from nested calls and caught inside a thread, then the thread writes data; main reads after join.
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
        data = 6;
    }
}

int main()
{
    std::thread t(body);
    t.join();
    return data == 6 ? 0 : 1;
}
