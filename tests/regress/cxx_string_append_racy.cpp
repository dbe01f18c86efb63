// Two threads append to one std::string without a lock; the append runs in libstdc++.so (race).
#include <string>
#include <thread>

static std::string journal;

__attribute__((noinline)) static void note(const char *what)
{
    journal += what; // RACE
}

static void work(int id)
{
    for (int i = 0; i < 4; i++)
        note(id ? "b" : "a");
}

int main()
{
    std::thread a(work, 0), b(work, 1);
    a.join();
    b.join();
    return journal.size() == 3;
}
