// C++ std::scoped_lock over two mutexes (taken in opposite orders by two threads) protecting two balances.
#include <mutex>
#include <thread>

static std::mutex ma, mb;
static volatile int a = 1000, b = 1000;

static void a_to_b()
{
    for (int i = 0; i < 500; i++) {
        std::scoped_lock lk(ma, mb);
        a = a - 1;
        b = b + 1;
    }
}

static void b_to_a()
{
    for (int i = 0; i < 500; i++) {
        std::scoped_lock lk(mb, ma);
        b = b - 1;
        a = a + 1;
    }
}

int main()
{
    std::thread t1(a_to_b), t2(b_to_a);
    t1.join();
    t2.join();
    return (a == 1000 && b == 1000) ? 0 : 1;
}
