// Two threads push_back onto one std::vector without a lock, built at -O2:
// the inlined test `_M_finish != _M_end_of_storage` branches backwards to
// the store of the element, like a ring consumer's wait for the producer's
// index.  Each thread also stores the end pointer, so the load is data.
// CFLAGS: -O2
#include <thread>
#include <vector>

static std::vector<int> v;
static void pusher(int base) {
  for (int i = 0; i < 100; i++) {
    v.push_back(base + i); // RACE
  }
}

int main() {
  v.reserve(1000);  // no reallocation: the race is on the end pointer alone
  std::thread a(pusher, 0), b(pusher, 1000);
  a.join();
  b.join();
  return 0;
}
