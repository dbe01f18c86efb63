// Request/reply over two std::atomic<bool> flags (release stores, acquire loads), each side waiting with _mm_pause() (race-free).
#include <atomic>
#include <immintrin.h>
#include <thread>

static int request, reply;
static std::atomic<bool> asked{false}, answered{false};

static void server()
{
    while (!asked.load(std::memory_order_acquire))
        _mm_pause();
    reply = request + 1;
    answered.store(true, std::memory_order_release);
}

int main()
{
    std::thread t(server);
    request = 41;
    asked.store(true, std::memory_order_release);
    while (!answered.load(std::memory_order_acquire))
        _mm_pause();
    int r = reply;
    t.join();
    return r == 42 ? 0 : 1;
}
