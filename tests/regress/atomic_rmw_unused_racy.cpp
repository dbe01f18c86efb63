// A thread writes a plain variable, then bumps a relaxed counter; another
// thread, later, bumps the same counter and reads the variable.  The
// increments are `lock add`s whose results the code drops: they order
// nothing (a relaxed or release read-modify-write does not acquire), so
// the two accesses race, whichever thread gets to the counter first.
#include <atomic>
#include <chrono>
#include <thread>

static long note;
static std::atomic<long> ops;

int main() {
  std::thread a([] {
    note = 42;  // RACE
    ops.fetch_add(1, std::memory_order_relaxed);
  });
  std::thread b([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // orders nothing
    ops.fetch_add(1, std::memory_order_relaxed);
    volatile long seen = note;  // RACE
    (void)seen;
  });
  a.join();
  b.join();
  return ops.load() == 2 ? 0 : 1;
}
