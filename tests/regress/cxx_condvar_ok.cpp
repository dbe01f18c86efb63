// C++ std::condition_variable with std::unique_lock: producer sets data+flag under the mutex and notifies.
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
    int v = data;
    (void)v;
}

int main()
{
    std::thread t(consumer);
    {
        std::unique_lock<std::mutex> lk(m);
        data = 3;
        ready = true;
    }
    cv.notify_one();
    t.join();
    return 0;
}
