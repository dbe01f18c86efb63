// Two threads copy one std::shared_ptr; one wrote a plain variable before
// its copy, the other reads it after its own.  Copying a shared_ptr bumps
// the use count with a `lock add` whose result is dropped: it orders
// nothing, so the accesses race (see cxx_shared_ptr_ok, where the pointer
// is handed over through a mutex).
#include <chrono>
#include <memory>
#include <thread>

static std::shared_ptr<int> shared = std::make_shared<int>(7);
static long note;

int main() {
  std::thread a([] {
    note = 1;  // RACE
    std::shared_ptr<int> mine = shared;
  });
  std::thread b([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // orders nothing
    std::shared_ptr<int> mine = shared;
    volatile long seen = note + *mine;  // RACE
    (void)seen;
  });
  a.join();
  b.join();
  return 0;
}
