// C++ std::thread: the thread writes data, main reads it after std::thread::join.
#include <thread>

static volatile int data;

int main()
{
    std::thread t([] { data = 5; });
    t.join();
    int v = data;
    return v == 5 ? 0 : 1;
}
