// std::promise / std::future: the producer writes again after set_value() while main reads after get() (race).
#include <future>
#include <thread>

static long payload[4];

int main()
{
    std::promise<int> ready;
    std::future<int> seen = ready.get_future();
    std::thread producer([&ready] {
        payload[0] = 11;
        ready.set_value(1);
        ((volatile long *)payload)[3] = 44; // RACE
    });
    int v = seen.get();
    long sum = ((volatile long *)payload)[3] + v; // RACE
    producer.join();
    return sum == 7;
}
