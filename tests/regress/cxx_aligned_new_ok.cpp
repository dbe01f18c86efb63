// C++17 aligned new: operator new(size, std::align_val_t) and an alignas(64) type; threads write disjoint parts.
#include <new>
#include <thread>

struct alignas(64) Line {
    volatile int v[16];
};

int main()
{
    Line *lines = new Line[2];
    void *raw = ::operator new(256, std::align_val_t(128));
    volatile int *ints = static_cast<int *>(raw);
    std::thread a([&] { lines[0].v[15] = 1; ints[0] = 1; });
    std::thread b([&] { lines[1].v[0] = 2; ints[32] = 2; });
    a.join();
    b.join();
    int ok = lines[0].v[15] + lines[1].v[0] + ints[0] + ints[32] == 6;
    delete[] lines;
    ::operator delete(raw, std::align_val_t(128));
    return ok ? 0 : 1;
}
