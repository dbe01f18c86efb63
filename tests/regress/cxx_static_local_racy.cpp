// A singleton's initialisation is thread-safe, but its counter is then bumped by several threads without a lock (race).
#include <thread>
#include <vector>

struct Registry {
    long lookups = 0;
};

static Registry &registry()
{
    static Registry instance;
    return instance;
}

__attribute__((noinline)) static void look_up()
{
    registry().lookups++; // RACE
}

int main()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; i++)
        threads.emplace_back(look_up);
    for (auto &t : threads)
        t.join();
    return registry().lookups == 7;
}
