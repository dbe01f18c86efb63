// One thread raises the hand-off flag of a std::vector before it has
// finished pushing onto it; the other pushes as soon as it sees the flag:
// a race on the vector's end pointer (see cxx_vector_handoff_ok).
// CFLAGS: -O2
#include <atomic>
#include <thread>
#include <vector>

static std::vector<int> v;
static std::atomic<bool> handed{false};

static void first() {
  handed.store(true, std::memory_order_release);
  for (int i = 0; i < 100; i++) v.push_back(i); // RACE
}

static void second() {
  while (!handed.load(std::memory_order_acquire)) std::this_thread::yield();
  for (int i = 0; i < 100; i++) v.push_back(1000 + i); // RACE
}

int main() {
  v.reserve(1000);
  std::thread a(first), b(second);
  a.join();
  b.join();
  return v.size() == 200 ? 0 : 1;
}
