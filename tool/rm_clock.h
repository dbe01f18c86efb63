// rm_clock.h -- logical threads, their clocks, and vector clocks.
//
// Every logical thread (an OS thread today, a goroutine tomorrow) has a
// clock that counts the events it has written to its history: an access
// that was recorded, a call, a return.  An event's clock value is therefore
// both its position in happens-before and its index in the thread's history.
//
// A vector clock maps each logical thread to the last of its clock values
// that is known to have happened before "now".  Thread T's access at clock c
// happened before thread U's current point iff c <= U.vc[T].
// Releasing copies the releaser's vector clock into a sync object; acquiring
// joins the sync object's clock into the acquirer's.
#ifndef RM_CLOCK_H
#define RM_CLOCK_H

#include "rm_platform.h"

namespace rm {

// Index of a logical thread; never reused during a run.
typedef u32 Tid;
// A value of a logical thread's clock (an event index, starting at 1).
typedef u64 Clock;

constexpr Tid kMaxThreads = (1u << 16) - 1;
constexpr Clock kMaxClock = (1ull << 36) - 1;

class VectorClock {
 public:
  VectorClock() = default;
  ~VectorClock() { platform::free(slots_); }
  VectorClock(const VectorClock&) = delete;
  VectorClock& operator=(const VectorClock&) = delete;

  // Returns what this clock knows of thread t (0: nothing).
  Clock get(Tid t) const { return t < size_ ? slots_[t] : 0; }
  void set(Tid t, Clock c) {
    reserve(t + 1);
    slots_[t] = c;
  }
  // this = max(this, other), entry by entry.  Returns true if anything grew.
  bool join(const VectorClock& other) {
    reserve(other.size_);
    bool grew = false;
    for (u32 i = 0; i < other.size_; i++)
      if (other.slots_[i] > slots_[i]) {
        slots_[i] = other.slots_[i];
        grew = true;
      }
    return grew;
  }
  // this = other.
  void assign(const VectorClock& other) {
    reserve(other.size_);
    for (u32 i = 0; i < size_; i++) slots_[i] = i < other.size_ ? other.slots_[i] : 0;
  }
  void clear() {
    for (u32 i = 0; i < size_; i++) slots_[i] = 0;
  }
  u32 size() const { return size_; }

 private:
  void reserve(u32 n) {
    if (n <= cap_) {
      if (n > size_) size_ = n;
      return;
    }
    u32 cap = cap_ ? cap_ : 4;
    while (cap < n) cap *= 2;
    Clock* s = static_cast<Clock*>(platform::alloc(cap * sizeof(Clock)));
    for (u32 i = 0; i < size_; i++) s[i] = slots_[i];
    platform::free(slots_);
    slots_ = s;
    cap_ = cap;
    size_ = n;
  }

  Clock* slots_ = nullptr;
  u32 size_ = 0;
  u32 cap_ = 0;
};

}  // namespace rm

#endif  // RM_CLOCK_H
