// Publication through std::atomic<Config*>: the producer fills a heap object, stores the pointer with release; the reader loads it with acquire until non-null (race-free).
#include <atomic>
#include <cstring>
#include <thread>

struct Config {
    int width;
    int height;
    char name[16];
};

static std::atomic<Config *> current{nullptr};

static void producer()
{
    Config *c = new Config;
    c->width = 640;
    c->height = 480;
    std::strcpy(c->name, "vga");
    current.store(c, std::memory_order_release);
}

int main()
{
    std::thread t(producer);
    Config *c;
    while ((c = current.load(std::memory_order_acquire)) == nullptr) {
    }
    int area = c->width * c->height;
    int named = c->name[0] == 'v';
    t.join();
    delete c;
    return area == 307200 && named ? 0 : 1;
}
