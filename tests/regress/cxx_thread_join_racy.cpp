// C++ std::thread: the thread writes data, main reads it BEFORE std::thread::join (race).
#include <thread>

static volatile int data;

__attribute__((noinline)) static void body()
{
    data = 5; // RACE
}

int main()
{
    std::thread t(body);
    int v = data; // RACE
    t.join();
    return v < 0;
}
