// The report for two threads pushing onto one std::vector without a lock
// (see cxx_vector_push_O1_racy): the second thread's store of the end
// pointer against the first's, both in push_back, with each thread's
// creation stack -- though the first thread ran all its pushes before the
// second started (the sleep orders nothing; it only fixes the schedule).
#include <chrono>
#include <thread>
#include <vector>

static std::vector<int> v;
static void pusher(int base) {
  for (int i = 0; i < 100; i++) {
    v.push_back(base + i); // RACE
  }
}

static void late_pusher(int base) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  pusher(base);
}

int main() {
  v.reserve(1000);  // no reallocation: the race is on the end pointer alone
  std::thread a(pusher, 0), b(late_pusher, 1000);
  a.join();
  b.join();
  return 0;
}
