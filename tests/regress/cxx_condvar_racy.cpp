// C++ std::condition_variable with std::unique_lock: producer writes data AFTER notifying and unlocking (race).
#include <condition_variable>
#include <mutex>
#include <thread>

static std::mutex m;
static std::condition_variable cv;
static bool ready;
static volatile int data;

static void consumer()
{
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [] { return ready; });
    lk.unlock();
    int v = data; // RACE
    (void)v;
}

int main()
{
    std::thread t(consumer);
    {
        std::unique_lock<std::mutex> lk(m);
        ready = true;
    }
    cv.notify_one();
    data = 3; // RACE
    t.join();
    return 0;
}
