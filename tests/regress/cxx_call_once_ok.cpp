// C++ std::call_once: the init function writes config; 4 threads call std::call_once and then read it.
#include <mutex>
#include <thread>

static std::once_flag flag;
static volatile int config[4];

static void init()
{
    for (int i = 0; i < 4; i++)
        config[i] = i + 10;
}

static void user(int id)
{
    std::call_once(flag, init);
    int v = config[id];
    (void)v;
}

int main()
{
    std::thread t[4];
    for (int i = 0; i < 4; i++)
        t[i] = std::thread(user, i);
    for (auto &th : t)
        th.join();
    return 0;
}
