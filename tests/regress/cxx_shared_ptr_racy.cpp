// std::shared_ptr shared by two threads: the reference count is atomic, the pointee is not (race).
#include <memory>
#include <pthread.h>
#include <thread>

struct Node {
    int hits;
};

static pthread_barrier_t both_running;

__attribute__((noinline)) static void touch(std::shared_ptr<Node> node)
{
    // Both threads hold their copy before either touches the node, so no
    // reference-count operation orders the two increments.
    pthread_barrier_wait(&both_running);
    node->hits++; // RACE
}

int main()
{
    pthread_barrier_init(&both_running, nullptr, 2);
    auto node = std::make_shared<Node>();
    std::thread a(touch, node);
    std::thread b(touch, node);
    a.join();
    b.join();
    return node->hits == 7;
}
