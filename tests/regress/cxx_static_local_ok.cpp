// A function-local static (a singleton) first used by several threads at once: its thread-safe initialisation orders the constructor before every use (race-free).
#include <string>
#include <thread>
#include <vector>

struct Registry {
    std::vector<std::string> names;
    Registry()
    {
        names.push_back("alpha");
        names.push_back("beta");
    }
};

static Registry &registry()
{
    static Registry instance;
    return instance;
}

int main()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; i++)
        threads.emplace_back([] {
            size_t n = registry().names.size();
            (void)n;
        });
    for (auto &t : threads)
        t.join();
    return registry().names.size() != 2;
}
