// Treiber stack: three producers push nodes with compare_exchange (release) on the head; a consumer takes the whole list with exchange (acquire) and reads the nodes (race-free).
#include <atomic>
#include <thread>
#include <vector>

struct Node {
    int value;
    int owner;
    Node *next;
};

static std::atomic<Node *> top{nullptr};

static void push(Node *n)
{
    n->next = top.load(std::memory_order_relaxed);
    while (!top.compare_exchange_weak(n->next, n, std::memory_order_release, std::memory_order_relaxed)) {
    }
}

static void producer(int id)
{
    for (int i = 1; i <= 500; i++) {
        Node *n = new Node();
        n->value = i;
        n->owner = id;
        push(n);
    }
}

int main()
{
    std::thread a(producer, 0), b(producer, 1), c(producer, 2);
    std::vector<Node *> taken;
    long sum = 0, owners = 0;
    while (taken.size() < 1500) {
        for (Node *n = top.exchange(nullptr, std::memory_order_acquire); n; n = n->next) {
            sum += n->value;
            owners += n->owner;
            taken.push_back(n);
        }
    }
    a.join();
    b.join();
    c.join();
    for (Node *n : taken)
        delete n;
    return sum == 3 * 125250 && owners == 1500 ? 0 : 1;
}
