// std::async (launch::async): main writes the table before future::get() while the task fills it (race).
#include <future>

static int table[64];

__attribute__((noinline)) static void put(int i, int v)
{
    ((volatile int *)table)[i] = v; // RACE
}

static int fill(int k)
{
    for (int i = 0; i < 64; i++)
        put(i, i * k);
    return table[63];
}

int main()
{
    auto f = std::async(std::launch::async, fill, 3);
    ((volatile int *)table)[10] = 1; // RACE
    int last = f.get();
    return last == 7;
}
