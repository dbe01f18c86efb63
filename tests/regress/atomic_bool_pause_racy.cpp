// Request/reply over two std::atomic<bool> flags waited on with _mm_pause(), but the client fills in the request after raising its flag (race).
#include <atomic>
#include <immintrin.h>
#include <thread>

static int request, reply;
static std::atomic<bool> asked{false}, answered{false};

static void server()
{
    while (!asked.load(std::memory_order_acquire))
        _mm_pause();
    reply = request + 1; // RACE
    answered.store(true, std::memory_order_release);
}

int main()
{
    std::thread t(server);
    asked.store(true, std::memory_order_release);
    request = 41; // RACE
    while (!answered.load(std::memory_order_acquire))
        _mm_pause();
    int r = reply;
    t.join();
    return r == 42 || r == 1 ? 0 : 1;
}
