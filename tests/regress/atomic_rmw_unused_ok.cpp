// A thread writes a plain variable, then counts down a shared counter; the
// thread whose decrement brings the counter to zero reads the variable.
// The decrement's result is read (`fetch_sub(1, acq_rel) == 1`), so it
// acquires: race-free (see atomic_rmw_unused_racy, whose increments drop
// their results and order nothing).
#include <atomic>
#include <chrono>
#include <thread>

static long note;
static std::atomic<long> left{2};

static void finish(long mine) {
  if (mine) note = mine;
  if (left.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    volatile long seen = note;  // the last one to finish
    (void)seen;
  }
}

int main() {
  std::thread a([] { finish(42); });
  std::thread b([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    finish(0);
  });
  a.join();
  b.join();
  return 0;
}
