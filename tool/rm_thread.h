// rm_thread.h -- the state of one logical thread.
//
// A logical thread is what happens-before is about: an OS thread today, and
// later a goroutine.  Its clock is the index of its last history event; its
// vector clock holds what it knows of the others.  `last_release` is its
// clock when it last released: a shadow cell it wrote after that point may
// be left as it is when the thread touches the same bytes again, since no
// other thread can have learnt of the difference.
#ifndef RM_THREAD_H
#define RM_THREAD_H

#include "rm_history.h"

namespace rm {

// The thread's vector clock from event `after`+1 on, until the next
// snapshot: what it knew then of the others.
struct VcSnapshot {
  Clock after = 0;
  VectorClock vc;
};

// A read-only acquire load that learned from another thread's plain store
// the thread was not ordered after (Detector::read_only_acquire).
struct IndexRead {
  uptr granule = 0;  // the load's granule (0: none)
  Tid from = 0;      // the store's thread
  Clock clock = 0;   // and its clock
  u8 mask = 0;       // the bytes of the granule it wrote
};

struct ThreadState {
  // The last few values its vector clock took (a ring): an acquire load
  // that reads one of its plain stores learns what it knew at that store.
  static constexpr u32 kSnapshots = 4;
  static constexpr u32 kIndexReads = 4;
  Tid tid = 0;
  Tid parent = 0;            // kNoTid for the root thread
  Clock last_release = 0;
  VectorClock vc;            // vc[tid] is brought up to date at each release
  ShadowStack stack;
  History history;
  bool finished = false;
  void* host = nullptr;      // the host's per-thread data (creation stack...)
  VcSnapshot snapshots[kSnapshots];
  u32 nsnapshots = 0;        // taken so far (the ring holds the last few)
  u32 locks_held = 0;        // mutexes, rwlocks, critical sections
  Clock last_rmw = 0;        // the clock at its latest atomic read-modify-write
  IndexRead index_reads[kIndexReads];  // the latest (a ring)
  u32 nindex_reads = 0;
  // Taking or giving back a lock (Detector::lock_begin, unlock_begin): its
  // vector clock before.  Once taken, what the lock handed over waits in
  // `held_back` until the critical section does something
  // (Detector::settle_lock).
  bool taking_lock = false;
  bool giving_back = false;  // between unlock_begin and unlock_done
  bool lock_pending = false;
  uptr pending_lock = 0;
  VectorClock before_lock;
  VectorClock held_back;

  Clock clock() const { return history.last(); }
};

constexpr Tid kNoTid = 0xffffffffu;

}  // namespace rm

#endif  // RM_THREAD_H
