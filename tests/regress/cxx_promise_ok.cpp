// std::promise / std::future: data written before set_value() is read after get() (race-free).
#include <future>
#include <thread>

static long payload[4];

int main()
{
    std::promise<int> ready;
    std::future<int> seen = ready.get_future();
    std::thread producer([&ready] {
        payload[0] = 11;
        payload[3] = 44;
        ready.set_value(1);
    });
    int v = seen.get();
    long sum = payload[0] + payload[3] + v;
    producer.join();
    return sum == 7;
}
