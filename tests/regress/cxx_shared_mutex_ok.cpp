// C++ std::shared_mutex: two readers use std::shared_lock, one writer uses std::unique_lock.
#include <mutex>
#include <shared_mutex>
#include <thread>

static std::shared_mutex sm;
static int table[16];
static volatile long sums[2];

static void writer()
{
    for (int r = 0; r < 50; r++) {
        std::unique_lock<std::shared_mutex> lk(sm);
        for (int i = 0; i < 16; i++)
            table[i] += i;
    }
}

static void reader(int id)
{
    for (int r = 0; r < 50; r++) {
        long s = 0;
        {
            std::shared_lock<std::shared_mutex> lk(sm);
            for (int i = 0; i < 16; i++)
                s += table[i];
        }
        sums[id] += s;
    }
}

int main()
{
    std::thread w(writer), r0(reader, 0), r1(reader, 1);
    w.join();
    r0.join();
    r1.join();
    return table[15] == 50 * 15 ? 0 : 1;
}
