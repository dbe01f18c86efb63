// C++ new/delete and new[]/delete[]: objects allocated in one thread, used and deleted in another after join.
#include <thread>

struct Node {
    volatile long key;
    volatile long val;
};

static Node *node;
static volatile int *arr;

int main()
{
    std::thread a([] {
        node = new Node{1, 2};
        arr = new int[100];
        for (int i = 0; i < 100; i++)
            arr[i] = i;
    });
    a.join();
    std::thread b([] {
        node->val = node->key + arr[99];
        delete[] arr;
        arr = new int[100]; // likely reuses the freed block
        arr[0] = 7;
    });
    b.join();
    int ok = node->val == 100 && arr[0] == 7;
    delete node;
    delete[] arr;
    return ok ? 0 : 1;
}
