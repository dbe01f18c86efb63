// Publication through std::atomic<Config*>, but the producer sets one field after storing the pointer (race).
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
    std::strcpy(c->name, "vga");
    current.store(c, std::memory_order_release);
    c->height = 480; // RACE
}

int main()
{
    std::thread t(producer);
    Config *c;
    while ((c = current.load(std::memory_order_acquire)) == nullptr) {
    }
    int area = c->width * c->height; // RACE
    int named = c->name[0] == 'v';
    t.join();
    delete c;
    return (area == 307200 || named) ? 0 : 1;
}
