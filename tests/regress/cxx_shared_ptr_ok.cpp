// std::shared_ptr copied into several threads; the last owner (any thread) runs the destructor (race-free).
#include <memory>
#include <thread>
#include <vector>

struct Node {
    int values[8];
    ~Node() { values[0] = -1; }
};

int main()
{
    std::vector<std::thread> threads;
    {
        auto node = std::make_shared<Node>();
        node->values[1] = 5;
        for (int i = 0; i < 4; i++)
            threads.emplace_back([copy = node]() mutable {
                int seen = copy->values[1];
                copy.reset();
                (void)seen;
            });
    }
    for (auto &t : threads)
        t.join();
    return 0;
}
