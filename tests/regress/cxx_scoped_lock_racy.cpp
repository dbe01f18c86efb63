// C++ std::scoped_lock: one thread locks (ma, mb) to update a; main updates a holding only an unrelated mutex (race).
#include <mutex>
#include <thread>

static std::mutex ma, mb, other;
static volatile int a = 1000, b = 1000;

static void a_to_b()
{
    for (int i = 0; i < 500; i++) {
        std::scoped_lock lk(ma, mb);
        a = a - 1; // RACE
        b = b + 1;
    }
}

int main()
{
    std::thread t1(a_to_b);
    {
        std::scoped_lock lk(other);
        a = a + 500; // RACE
    }
    t1.join();
    return 0;
}
