// C++ std::mutex with std::lock_guard: two std::threads increment a counter under the lock.
#include <mutex>
#include <thread>

static std::mutex m;
static volatile int counter;

static void worker()
{
    for (int i = 0; i < 1000; i++) {
        std::lock_guard<std::mutex> g(m);
        counter++;
    }
}

int main()
{
    std::thread a(worker), b(worker);
    a.join();
    b.join();
    return counter == 2000 ? 0 : 1;
}
