// Two threads push_back onto one std::vector under a mutex: race-free.
// (The vector's `_M_finish != _M_end_of_storage` test is compared with
// another value, like a lock-free ring's index: see cxx_vector_push_racy.)
// CFLAGS: -O0
#include <mutex>
#include <thread>
#include <vector>

static std::vector<int> v;
static std::mutex m;

static void pusher(int base) {
  for (int i = 0; i < 100; i++) {
    std::lock_guard<std::mutex> g(m);
    v.push_back(base + i);
  }
}

int main() {
  std::thread a(pusher, 0), b(pusher, 1000);
  a.join();
  b.join();
  return v.size() == 200 ? 0 : 1;
}
