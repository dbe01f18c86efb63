// C++ std::mutex with std::lock_guard: worker locks, main updates the counter WITHOUT the lock (race).
#include <mutex>
#include <thread>

static std::mutex m;
static volatile int counter;

static void worker()
{
    for (int i = 0; i < 1000; i++) {
        std::lock_guard<std::mutex> g(m);
        counter++; // RACE
    }
}

int main()
{
    std::thread a(worker);
    counter += 1000; // RACE
    a.join();
    return 0;
}
