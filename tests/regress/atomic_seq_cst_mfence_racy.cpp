// seq_cst handoff built with -mtune=intel (the store is MOV + MFENCE), but the producer writes the checksum after its store (race).
// CFLAGS: -mtune=intel
#include <atomic>
#include <thread>

static long data[8];
static long checksum;
static std::atomic<int> ready{0};

static void producer()
{
    for (int i = 0; i < 8; i++)
        data[i] = 10 * i;
    ready.store(1);
    checksum = 280; // RACE
}

int main()
{
    std::thread t(producer);
    while (ready.load() == 0) {
    }
    long sum = 0;
    for (int i = 0; i < 8; i++)
        sum += data[i];
    long expected = checksum; // RACE
    t.join();
    return sum == 280 && (expected == 0 || expected == 280) ? 0 : 1;
}
