// Bundled example: two std::threads insert into one global std::unordered_map without a lock (C++ "concurrent map writes").
#include <thread>
#include <unordered_map>

static std::unordered_map<int, int> table;

static void insert_range(int from, int to)
{
    for (int i = from; i < to; i++)
        table[i] = i * 2; // RACE
}

int main()
{
    table.reserve(1 << 14); // no rehash: keeps the native run from crashing
    std::thread a(insert_range, 0, 500);
    std::thread b(insert_range, 500, 1000);
    a.join();
    b.join();
    return 0;
}
