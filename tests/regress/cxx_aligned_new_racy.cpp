// C++17 aligned new: two threads write the same int of a block from operator new(size, std::align_val_t) (race).
#include <new>
#include <thread>

static volatile int *ints;

__attribute__((noinline)) static void writer()
{
    ints[40] = 1; // RACE
}

int main()
{
    void *raw = ::operator new(256, std::align_val_t(128));
    ints = static_cast<int *>(raw);
    std::thread a(writer);
    ints[40] = 2; // RACE
    a.join();
    ::operator delete(raw, std::align_val_t(128));
    return 0;
}
