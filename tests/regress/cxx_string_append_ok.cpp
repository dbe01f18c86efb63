// Two threads append to one std::string under a std::mutex; main prints it with std::cout after join (race-free).
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

static std::string journal;
static std::mutex journal_lock;

static void note(const char *what)
{
    std::lock_guard<std::mutex> hold(journal_lock);
    journal += what;
}

static void work(int id)
{
    for (int i = 0; i < 4; i++)
        note(id ? "b" : "a");
    std::cout << "worker " << id << " done\n";
}

int main()
{
    std::thread a(work, 0), b(work, 1);
    a.join();
    b.join();
    std::cout << journal.size() << '\n';
    return journal.size() != 8;
}
