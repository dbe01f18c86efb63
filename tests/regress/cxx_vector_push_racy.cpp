// Two threads push_back onto one std::vector without a lock (race on the
// vector's end pointer, in push_back's inlined code).  Each thread both
// compares and stores the end pointer, so its test is data, not a flag.
// CFLAGS: -O0
// (At -O1 and above gcc lays push_back's reallocation out before the loop,
// and its test of the end pointer looks like a spin: the race is missed
// there, see docs/atomics.md.)
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
