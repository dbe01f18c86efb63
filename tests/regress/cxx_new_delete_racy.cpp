// C++ new/delete and new[]/delete[]: two threads write the same field of a new'd object without sync (race).
#include <thread>

struct Node {
    volatile long key;
    volatile long val;
};

static Node *node;

__attribute__((noinline)) static void bump()
{
    node->val = 1; // RACE
}

int main()
{
    int *arr = new int[100];
    node = new Node{1, 2};
    std::thread a(bump);
    node->val = 2; // RACE
    a.join();
    delete node;
    delete[] arr;
    return 0;
}
