// C++ std::call_once: 3 threads use call_once, a 4th reads the config WITHOUT it (race).
#include <mutex>
#include <thread>

static std::once_flag flag;
static volatile int config;

static void init()
{
    config = 42; // RACE
}

static void user()
{
    std::call_once(flag, init);
    int v = config;
    (void)v;
}

static void peeker()
{
    int v = config; // RACE
    (void)v;
}

int main()
{
    std::thread t0(user), t1(user), t2(user), t3(peeker);
    t0.join();
    t1.join();
    t2.join();
    t3.join();
    return 0;
}
