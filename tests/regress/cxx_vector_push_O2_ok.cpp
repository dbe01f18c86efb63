// Two threads push_back onto one std::vector under a mutex, built at -O2:
// race-free (see cxx_vector_push_O2_racy).
// CFLAGS: -O2
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
  v.reserve(1000);
  std::thread a(pusher, 0), b(pusher, 1000);
  a.join();
  b.join();
  return v.size() == 200 ? 0 : 1;
}
