// Bundled example: two std::threads insert into one global std::unordered_map under a std::mutex.
#include <mutex>
#include <thread>
#include <unordered_map>

static std::unordered_map<int, int> table;
static std::mutex table_lock;

static void insert_range(int from, int to)
{
    for (int i = from; i < to; i++) {
        std::lock_guard<std::mutex> g(table_lock);
        table[i] = i * 2;
    }
}

int main()
{
    std::thread a(insert_range, 0, 500);
    std::thread b(insert_range, 500, 1000);
    a.join();
    b.join();
    return table.size() == 1000 ? 0 : 1;
}
