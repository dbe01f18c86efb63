// rm_sync.h -- synchronization objects and the ordering they create.
//
// A sync object is any address that threads synchronize through: a mutex,
// a rwlock, a condition variable, a barrier, a semaphore, a once-control.
// Each holds the vector clock that its releases have published; acquiring it
// joins that clock into the acquirer's.  Per kind:
//  - mutex, spinlock: unlock releases (store), lock acquires.
//  - rwlock: a writer's unlock publishes to `vc`, a reader's unlock joins
//    into `read_vc`; a reader's lock acquires `vc`, a writer's lock both.
//    So two readers are not ordered with each other.
//  - condition variable: signal and broadcast release (join); a wait that
//    returns acquires.  The mutex released and re-acquired inside the wait
//    is handled as a mutex.
//  - semaphore: post releases (join), a successful wait acquires.
//  - barrier: each arrival joins into the round's clock; when the last
//    thread arrives the round is complete; leaving acquires the clock of
//    the round the thread took part in.
//  - once: the thread that ran the initializer releases; every caller
//    acquires on return.
#ifndef RM_SYNC_H
#define RM_SYNC_H

#include "rm_clock.h"

namespace rm {

enum class SyncKind : u8 { kPlain, kMutex, kRwlock, kCond, kSem, kBarrier, kOnce };

struct SyncObject {
  uptr addr = 0;
  SyncObject* next = nullptr;  // hash chain (beside addr: one cache line per step)
  SyncKind kind = SyncKind::kPlain;
  VectorClock vc;        // published by releases (writers, for rwlocks)
  VectorClock read_vc;   // rwlock: published by readers' unlocks
  Tid writer = 0;        // rwlock: the thread holding it for writing, +1
  // Barrier rounds: arrivals of the round in progress join into `vc`;
  // `done` is the clock of the last completed round, `round` its number.
  u32 barrier_count = 0;
  u32 arrived = 0;
  u64 round = 0;
  VectorClock done;
  // A plain location: the threads (by tid modulo 64) that stored to it
  // after loading it by a read-only acquire (Detector::read_only_acquire).
  u64 own_writers = 0;
  // A lock: each thread's first taking of it, as that thread's event
  // (Detector::lock_acquired); 0: never took it.
  VectorClock first_takes;
};

// Address -> SyncObject.
class SyncTable {
 public:
  SyncTable();
  ~SyncTable();
  SyncTable(const SyncTable&) = delete;
  SyncTable& operator=(const SyncTable&) = delete;

  // Returns the object at addr, creating it (with `kind`) if needed.
  SyncObject* get(uptr addr, SyncKind kind);
  // Returns the object at addr or null.
  SyncObject* find(uptr addr) const;
  // Forgets the object at addr (destroyed, or its memory freed).
  void remove(uptr addr);
  // Forgets every object in [addr, addr+len).
  void remove_range(uptr addr, usize len);
  u32 count() const { return count_; }

 private:
  u32 bucket(uptr addr) const { return u32((addr >> 3) * 0x9E3779B97F4A7C15ull >> 40) & (nbuckets_ - 1); }
  void grow();

  SyncObject** buckets_;
  u32 nbuckets_;
  u32 count_ = 0;
};

}  // namespace rm

#endif  // RM_SYNC_H
