// A thread pool runs jobs that all add into one shared total without a lock (race).
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>
#include <atomic>
#include <cstdio>
class Pool {
 public:
  explicit Pool(int n) { for (int i = 0; i < n; i++) workers_.emplace_back([this] { run(); }); }
  ~Pool() { { std::lock_guard<std::mutex> g(m_); stop_ = true; } cv_.notify_all(); for (auto& t : workers_) t.join(); }
  template <class F> auto submit(F f) -> std::future<decltype(f())> {
    auto task = std::make_shared<std::packaged_task<decltype(f())()>>(f);
    auto fut = task->get_future();
    { std::lock_guard<std::mutex> g(m_); q_.push([task] { (*task)(); }); }
    cv_.notify_one();
    return fut;
  }
 private:
  void run() {
    for (;;) {
      std::function<void()> job;
      { std::unique_lock<std::mutex> l(m_); cv_.wait(l, [this] { return stop_ || !q_.empty(); });
        if (stop_ && q_.empty()) return; job = std::move(q_.front()); q_.pop(); }
      job();
    }
  }
  std::vector<std::thread> workers_; std::queue<std::function<void()>> q_; std::mutex m_; std::condition_variable cv_; bool stop_ = false;
};
std::atomic<bool> done{false};
std::atomic<int> started{0};
// The first two jobs wait for each other, so two workers run them at once
// whatever the schedule (a worker may otherwise run every job alone).
void rendezvous() { started.fetch_add(1); while (started.load() < 2) std::this_thread::yield(); }
int results[16];
long total;
__attribute__((noinline)) void add(long v) { total += v; } // RACE
int main() {
  std::vector<std::future<int>> fs;
  {
    Pool p(3);
    for (int i = 0; i < 16; i++) fs.push_back(p.submit([i] { results[i] = i * i; if (i < 2) rendezvous(); add(i); return i; }));
    int sum = 0;
    for (auto& f : fs) sum += f.get();
    for (int i = 0; i < 16; i++) sum += results[i];
    printf("%d\n", sum);
  }
  std::thread t([] { results[0] = 1; done.store(true); });
  while (!done.load()) std::this_thread::yield();
  int v = results[0];
  t.join();
  return v != 1;
}
