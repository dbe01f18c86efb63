// rm_history.h -- each logical thread's shadow call stack and its history.
//
// The shadow call stack is maintained from the instrumented code: a call
// pushes the call site and the stack pointer just after the call; a frame is
// popped as soon as the stack pointer is seen above it (a return, a longjmp,
// an exception unwinding, a stack switch).
//
// The history is a trace of events, one 64-bit word each: an access (its
// instruction address and size), a push (the call site), or a pop of n frames.  The
// thread's clock is the index of its last event, so a shadow cell's clock
// names the event that made it.  The trace is cut into parts; each part
// starts with a snapshot of the call stack, so the stack at any event is the
// part's snapshot replayed up to that event (ThreadSanitizer v3 does the
// same).  Parts form a ring of bounded size: when the ring is full the
// oldest part is recycled, and the stacks of its events are gone.
#ifndef RM_HISTORY_H
#define RM_HISTORY_H

#include "rm_clock.h"

namespace rm {

struct Frame {
  uptr pc;  // the call instruction (or, innermost, the access)
  uptr sp;  // stack pointer just after the call pushed its return address
};

class ShadowStack {
 public:
  ShadowStack() = default;
  ~ShadowStack() { platform::free(frames_); }
  ShadowStack(const ShadowStack&) = delete;
  ShadowStack& operator=(const ShadowStack&) = delete;

  // Returns how many frames the stack pointer `sp` of an access has left
  // behind: those whose saved sp is below it (their return popped it).
  u32 stale_frames(uptr sp) const {
    u32 n = 0;
    while (n < depth_ && frames_[depth_ - 1 - n].sp < sp) n++;
    return n;
  }
  // The same for a new call whose sp (after pushing its return address)
  // is `sp`: a frame at that very sp was a call from the same level that
  // has returned.
  u32 stale_frames_at_call(uptr sp) const {
    u32 n = 0;
    while (n < depth_ && frames_[depth_ - 1 - n].sp <= sp) n++;
    return n;
  }
  void pop(u32 n) { depth_ = n > depth_ ? 0 : depth_ - n; }
  // Returns false (and keeps the stack as it is) when the stack is full.
  bool push(uptr pc, uptr sp);
  // A barrier frame (pc 0) that no stack pointer makes stale: it keeps the
  // interrupted frames below a signal handler that runs on another stack.
  static constexpr uptr kBarrierSp = ~uptr(0);
  // Returns how many frames lie above the topmost barrier, the barrier
  // included (0 when there is none).
  u32 frames_to_barrier() const {
    for (u32 i = depth_; i > 0; i--)
      if (frames_[i - 1].pc == 0 && frames_[i - 1].sp == kBarrierSp) return depth_ - i + 1;
    return 0;
  }
  u32 depth() const { return depth_; }
  const Frame& at(u32 i) const { return frames_[i]; }  // 0 is outermost
  void clear() { depth_ = 0; }

  static constexpr u32 kMaxDepth = 1u << 16;

 private:
  Frame* frames_ = nullptr;
  u32 depth_ = 0;
  u32 cap_ = 0;
};

enum class EventKind : u8 { kAccess = 0, kPush = 1, kPop = 2 };

class History {
 public:
  History() = default;
  ~History();
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  // Keeps at most `max_events` events (rounded up to a power of two of
  // whole parts).
  void set_limit(u64 max_events);
  // Appends an event; `stack` is the call stack before it.  Returns the
  // event's clock (1 for the first event).
  Clock append(EventKind kind, uptr payload, const ShadowStack& stack);
  // The clock of the last event (0: none yet).
  Clock last() const { return last_; }
  // Appends an access event: instruction `pc`, `size` bytes (sizes above
  // 255 are remembered as 255).
  Clock append_access(uptr pc, usize size, const ShadowStack& stack) {
    return append(EventKind::kAccess, pc | (uptr(size > 255 ? 255 : size) << kPcBits), stack);
  }
  // Returns the instruction address of access event `c`, or 0 when that
  // event is no longer in the history.
  uptr access_pc(Clock c) const { return access_payload(c) & ((uptr(1) << kPcBits) - 1); }
  // Returns the size of access event `c`, or 0 when it is gone.
  u32 access_size(Clock c) const { return u32(access_payload(c) >> kPcBits); }
  // Rebuilds the call stack at access event `c`, innermost frame first
  // (the access itself), into out[0..max); barrier frames are left out.  Returns the number of frames,
  // 0 when the event is no longer in the history.
  u32 stack_at(Clock c, uptr* out, u32 max) const;
  // Memory held by the trace, in bytes.
  usize bytes_used() const { return bytes_; }

  static constexpr u32 kPcBits = 48;
  static constexpr u32 kPartEvents = 1024;
  static constexpr u32 kSnapshotFrames = 128;

 private:
  struct Part {
    Clock first;                   // clock of events[0]
    u32 nframes;                   // frames in the snapshot
    uptr frames[kSnapshotFrames];  // call sites, outermost first
    u64 events[kPartEvents];
  };
  // Inline: the fast path asks for the instruction of a cell's event.
  const Part* part_of(Clock c) const {
    if (c == 0 || c > last_ || ring_size_ == 0) return nullptr;
    u64 index = (c - 1) / kPartEvents;
    const Part* p = ring_[index & (ring_size_ - 1)];
    if (!p || p->first != index * kPartEvents + 1) return nullptr;
    return p;
  }
  uptr access_payload(Clock c) const {
    const Part* p = part_of(c);
    if (!p) return 0;
    u64 ev = p->events[c - p->first];
    return ev >> 62 == u64(EventKind::kAccess) ? uptr(ev & ((1ull << 62) - 1)) : 0;
  }

  Part** ring_ = nullptr;
  u32 ring_size_ = 0;
  u64 limit_parts_ = 64;
  Clock last_ = 0;
  usize bytes_ = 0;
};

}  // namespace rm

#endif  // RM_HISTORY_H
