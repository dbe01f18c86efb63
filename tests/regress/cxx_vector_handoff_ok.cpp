// One thread fills a std::vector, then hands it to another through a
// release/acquire flag, and the other pushes more: race-free.  Both
// threads load and store the vector's end pointer, but the second is
// ordered after the first's stores before it loads it.
// CFLAGS: -O2
#include <atomic>
#include <thread>
#include <vector>

static std::vector<int> v;
static std::atomic<bool> handed{false};

static void first() {
  for (int i = 0; i < 100; i++) v.push_back(i);
  handed.store(true, std::memory_order_release);
}

static void second() {
  while (!handed.load(std::memory_order_acquire)) std::this_thread::yield();
  for (int i = 0; i < 100; i++) v.push_back(1000 + i);
}

int main() {
  v.reserve(1000);
  std::thread a(first), b(second);
  a.join();
  b.join();
  return v.size() == 200 ? 0 : 1;
}
