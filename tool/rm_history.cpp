// rm_history.cpp -- the shadow call stack and the replayable event trace.
#include "rm_history.h"

namespace rm {

namespace {
constexpr u64 kPayloadMask = (1ull << 62) - 1;
u64 encode(EventKind k, uptr payload) { return (u64(k) << 62) | (payload & kPayloadMask); }
EventKind kind_of(u64 ev) { return EventKind(ev >> 62); }
uptr payload_of(u64 ev) { return uptr(ev & kPayloadMask); }
}  // namespace

bool ShadowStack::push(uptr pc, uptr sp) {
  if (depth_ == cap_) {
    if (cap_ == kMaxDepth) return false;
    u32 cap = cap_ ? cap_ * 2 : 64;
    Frame* f = static_cast<Frame*>(platform::alloc(cap * sizeof(Frame)));
    copy(f, frames_, depth_ * sizeof(Frame));
    platform::free(frames_);
    frames_ = f;
    cap_ = cap;
  }
  frames_[depth_++] = Frame{pc, sp};
  return true;
}

History::~History() {
  for (u32 i = 0; i < ring_size_; i++) platform::free(ring_[i]);
  platform::free(ring_);
}

void History::set_limit(u64 max_events) {
  u64 parts = (max_events + kPartEvents - 1) / kPartEvents;
  // A power of two, so that a clock finds its part with a mask.
  u64 n = 2;
  while (n < parts) n *= 2;
  limit_parts_ = n;
}

Clock History::append(EventKind kind, uptr payload, const ShadowStack& stack) {
  Clock c = ++last_;
  u64 index = (c - 1) / kPartEvents;
  u32 slot_in_part = u32((c - 1) % kPartEvents);
  if (slot_in_part == 0) {  // start a new part: recycle or allocate
    if (ring_size_ < limit_parts_ && index >= ring_size_) {
      u32 n = ring_size_ ? ring_size_ * 2 : 4;
      if (n > limit_parts_) n = u32(limit_parts_);
      Part** r = static_cast<Part**>(platform::alloc(n * sizeof(Part*)));
      copy(r, ring_, ring_size_ * sizeof(Part*));
      platform::free(ring_);
      ring_ = r;
      ring_size_ = n;
    }
    Part*& p = ring_[index & (ring_size_ - 1)];
    if (!p) {
      p = static_cast<Part*>(platform::alloc(sizeof(Part)));
      bytes_ += sizeof(Part);
    }
    p->first = c;
    u32 depth = stack.depth();
    u32 skip = depth > kSnapshotFrames ? depth - kSnapshotFrames : 0;
    p->nframes = depth - skip;
    for (u32 i = 0; i < p->nframes; i++) p->frames[i] = stack.at(skip + i).pc;
  }
  ring_[index & (ring_size_ - 1)]->events[slot_in_part] = encode(kind, payload);
  return c;
}


u32 History::stack_at(Clock c, uptr* out, u32 max) const {
  const Part* p = part_of(c);
  if (!p || max == 0) return 0;
  u64 target = p->events[c - p->first];
  if (kind_of(target) != EventKind::kAccess) return 0;
  // Replay the part up to the event on a scratch stack: the snapshot is
  // the bottom of `frames`; `lost` counts pops that went below it.
  uptr frames[kSnapshotFrames * 2];
  u32 depth = p->nframes;
  copy(frames, p->frames, depth * sizeof(uptr));
  const u32 cap = kSnapshotFrames * 2;
  u32 dropped = 0;  // pushes beyond the scratch capacity
  for (Clock i = p->first; i < c; i++) {
    u64 ev = p->events[i - p->first];
    switch (kind_of(ev)) {
      case EventKind::kPush:
        if (depth < cap) frames[depth++] = payload_of(ev);
        else dropped++;
        break;
      case EventKind::kPop: {
        u64 n = payload_of(ev);
        u64 from_dropped = n < dropped ? n : dropped;
        dropped -= u32(from_dropped);
        n -= from_dropped;
        depth = n > depth ? 0 : depth - u32(n);
        break;
      }
      case EventKind::kAccess:
        break;
    }
  }
  u32 n = 0;
  out[n++] = payload_of(target) & ((uptr(1) << kPcBits) - 1);
  for (u32 i = depth; i > 0 && n < max; i--)
    if (frames[i - 1]) out[n++] = frames[i - 1];
  return n;
}

}  // namespace rm
