// rm_detector.cpp -- threads, the access check, and the sync verbs.
#include "rm_detector.h"

namespace rm {

namespace {
u32 lowest_bit(u8 m) {
  u32 i = 0;
  while (!(m & (1u << i))) i++;
  return i;
}
u32 bits(u8 m) {
  u32 n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}
// Returns whether cell c is a store to some bytes of `mask` that another
// thread made and t is not ordered after.
bool unordered_foreign_store(const ThreadState& t, const Cell& c, u8 mask) {
  return (c.mask() & mask) && c.write() && c.tid() != t.tid && c.clock() > t.vc.get(c.tid());
}
}  // namespace

Detector::Detector() = default;

Detector::~Detector() {
  for (u32 i = 0; i < nthreads_; i++) {
    threads_[i]->~ThreadState();
    platform::free(threads_[i]);
  }
  platform::free(threads_);
}

Tid Detector::start_thread(Tid parent) {
  if (nthreads_ >= kMaxThreads) return kNoTid;
  if (nthreads_ == cap_threads_) {
    u32 cap = cap_threads_ ? cap_threads_ * 2 : 16;
    ThreadState** t = static_cast<ThreadState**>(platform::alloc(cap * sizeof(ThreadState*)));
    copy(t, threads_, nthreads_ * sizeof(ThreadState*));
    platform::free(threads_);
    threads_ = t;
    cap_threads_ = cap;
  }
  Tid tid = nthreads_;
  ThreadState* child = new (platform::alloc(sizeof(ThreadState))) ThreadState;
  child->tid = tid;
  child->parent = parent;
  child->history.set_limit(history_limit_);
  threads_[nthreads_++] = child;
  if (ThreadState* p = thread(parent)) {
    settle_lock(*p);
    publish_own_clock(*p);
    child->vc.assign(p->vc);
  }
  snapshot(*child);
  // child->vc[tid] is 0 until the child's first release publishes it.
  return tid;
}

void Detector::finish_thread(Tid t) {
  ThreadState* ts = thread(t);
  if (!ts) return;
  publish_own_clock(*ts);
  ts->finished = true;
}

void Detector::join(Tid joiner, Tid joined) {
  ThreadState* a = thread(joiner);
  ThreadState* b = thread(joined);
  if (!a || !b || a == b) return;
  publish_own_clock(*b);
  learn(*a, b->vc);
}

void Detector::catch_up(Tid t, Tid u) {
  ThreadState* a = thread(t);
  ThreadState* b = thread(u);
  if (!a || !b || a == b || a->vc.get(u) >= b->clock()) return;
  a->vc.set(u, b->clock());
  snapshot(*a);
}

void Detector::adopt_stack(Tid t, Tid u, uptr sp) {
  ThreadState* a = thread(t);
  ThreadState* b = thread(u);
  if (!a || !b || a == b || a->clock() >= kMaxClock) return;
  if (u32 depth = a->stack.depth()) {
    a->history.append(EventKind::kPop, depth, a->stack);
    a->stack.pop(depth);
  }
  u32 live = b->stack.depth() - b->stack.stale_frames(sp);
  for (u32 i = 0; i < live && a->clock() < kMaxClock; i++) {
    const Frame& f = b->stack.at(i);
    a->history.append(EventKind::kPush, f.pc, a->stack);
    if (!a->stack.push(f.pc, f.sp)) break;
  }
}

void Detector::acquire(Tid t, const VectorClock& from) {
  if (ThreadState* ts = thread(t)) learn(*ts, from);
}

void Detector::snapshot(ThreadState& t) {
  VcSnapshot& s = t.snapshots[t.nsnapshots++ % ThreadState::kSnapshots];
  s.after = t.clock();
  s.vc.assign(t.vc);
}

void Detector::release(Tid t, VectorClock& to) {
  ThreadState* ts = thread(t);
  if (!ts) return;
  settle_lock(*ts);
  publish_own_clock(*ts);
  to.join(ts->vc);
}

void Detector::release_store(Tid t, VectorClock& to) {
  ThreadState* ts = thread(t);
  if (!ts) return;
  settle_lock(*ts);
  publish_own_clock(*ts);
  to.assign(ts->vc);
}

// ---- sync objects

void Detector::lock_taken(Tid t) {
  if (ThreadState* ts = thread(t)) ts->locks_held++;
}

void Detector::lock_dropped(Tid t) {
  ThreadState* ts = thread(t);
  if (ts && ts->locks_held) ts->locks_held--;
}

void Detector::lock_begin(Tid t) {
  ThreadState* ts = thread(t);
  if (!ts) return;
  settle_lock(*ts);
  ts->before_lock.assign(ts->vc);
  ts->taking_lock = true;
}

void Detector::lock_acquired(Tid t, uptr lock) {
  ThreadState* ts = thread(t);
  if (!ts) return;
  // Taking it is an event (a pop of no frames): whoever learns of it, by an
  // RMW that releases no later event, say, knows that t held the lock.
  if (ts->clock() < kMaxClock) ts->history.append(EventKind::kPop, 0, ts->stack);
  SyncObject* s = syncs_.get(lock, SyncKind::kPlain);
  // Did another thread ever take it, and did t know of none of those
  // takings?  Knowing of one (an event of that thread from its first
  // taking on) makes t's wait the program's: t's taking comes after that
  // section's end in every run, and so after the sections that followed
  // it (this keeps them all, a superset).
  bool others = false, knew = false;
  for (Tid u = 0; u < s->first_takes.size() && !knew; u++) {
    Clock first = s->first_takes.get(u);
    if (first == 0 || u == t) continue;
    others = true;
    knew = ts->before_lock.get(u) >= first;
  }
  if (s->first_takes.get(t) == 0) s->first_takes.set(t, ts->clock());
  if (!ts->taking_lock) return;
  ts->taking_lock = false;
  if (!others || knew) return;
  ts->held_back.assign(ts->before_lock);
  if (!ts->held_back.join(ts->vc)) return;  // the lock handed over nothing new
  back_to_before_lock(*ts);
  ts->lock_pending = true;
  ts->pending_lock = lock;
}

void Detector::unlock_begin(Tid t, uptr lock) {
  ThreadState* ts = thread(t);
  if (!ts) return;
  if (ts->lock_pending && ts->pending_lock == lock) ts->lock_pending = false;
  ts->before_lock.assign(ts->vc);
  ts->giving_back = true;
}

void Detector::unlock_done(Tid t) {
  ThreadState* ts = thread(t);
  if (!ts || !ts->giving_back) return;
  ts->giving_back = false;
  back_to_before_lock(*ts);
}

void Detector::back_to_before_lock(ThreadState& t) {
  Clock own = t.vc.get(t.tid);
  t.vc.assign(t.before_lock);
  t.vc.set(t.tid, own);  // what t released meanwhile stays published
  snapshot(t);
}

void Detector::mutex_lock(Tid t, uptr m) {
  lock_begin(t);
  acquire(t, syncs_.get(m, SyncKind::kMutex)->vc);
  lock_acquired(t, m);
  lock_taken(t);
}

void Detector::mutex_unlock(Tid t, uptr m) {
  // A join, not a store: the unlocking thread may not be the one that
  // locked (a recursive mutex's inner unlocks, error-checking misuse), and a
  // join never loses an ordering that an earlier unlock published.
  unlock_begin(t, m);
  release(t, syncs_.get(m, SyncKind::kMutex)->vc);
  unlock_done(t);
  lock_dropped(t);
}

void Detector::rwlock_lock(Tid t, uptr rw, bool write) {
  SyncObject* s = syncs_.get(rw, SyncKind::kRwlock);
  acquire(t, s->vc);
  if (write) {
    acquire(t, s->read_vc);
    s->writer = t + 1;
  }
  lock_taken(t);
}

void Detector::rwlock_unlock(Tid t, uptr rw) {
  SyncObject* s = syncs_.get(rw, SyncKind::kRwlock);
  if (s->writer == t + 1) {
    s->writer = 0;
    release(t, s->vc);
  } else {
    release(t, s->read_vc);
  }
  lock_dropped(t);
}

void Detector::signal(Tid t, uptr obj) { release(t, syncs_.get(obj, SyncKind::kPlain)->vc); }

void Detector::wait_done(Tid t, uptr obj) { acquire(t, syncs_.get(obj, SyncKind::kPlain)->vc); }

void Detector::barrier_init(uptr b, u32 count) {
  syncs_.remove(b);
  syncs_.get(b, SyncKind::kBarrier)->barrier_count = count;
}

u64 Detector::barrier_arrive(Tid t, uptr b) {
  SyncObject* s = syncs_.get(b, SyncKind::kBarrier);
  release(t, s->vc);
  u64 round = s->round + 1;
  if (++s->arrived >= s->barrier_count) {  // the round is complete
    s->done.assign(s->vc);
    s->vc.clear();
    s->arrived = 0;
    s->round = round;
  }
  return round;
}

void Detector::barrier_leave(Tid t, uptr b, u64 round) {
  SyncObject* s = syncs_.get(b, SyncKind::kBarrier);
  // Leaving acquires the completed round.  A thread can only leave round r
  // after r completed, and round r+1 cannot complete before it left.
  if (s->round == round) acquire(t, s->done);
}

bool Detector::atomic_rmw(Tid t, uptr addr, usize size, Conflict* prev, bool acquires) {
  ThreadState* ts = thread(t);
  if (!ts) return false;
  settle_lock(*ts);
  ts->last_rmw = ts->clock();
  SyncObject* s = syncs_.get(addr, SyncKind::kPlain);
  // What earlier RMWs and atomic stores of the location released orders
  // the plain stores made before them; the check is against the others.
  if (acquires) acquire(t, s->vc);
  bool raced = prev && plain_store_races(*ts, addr, size, prev);
  if (acquires) acquire_stores(*ts, addr, size);  // as an atomic load would
  release(t, s->vc);
  if (raced) stats_.races++;
  return raced;
}

bool Detector::plain_store_races(const ThreadState& t, uptr addr, usize size, Conflict* prev) {
  while (size) {
    u32 taken;
    u8 mask = granule_mask(addr, size, &taken);
    Granule* g = shadow_.granule(addr);
    if (!g) return false;
    for (const Cell& c : g->cells)
      if (unordered_foreign_store(t, c, mask) && !c.atomic()) {
        if (prev) {
          prev->tid = c.tid();
          prev->clock = c.clock();
          prev->addr = (addr & ~uptr(kGranule - 1)) + lowest_bit(c.mask());
          prev->size = bits(c.mask());
          prev->write = true;
          prev->atomic = false;
        }
        return true;
      }
    addr += taken;
    size -= taken;
  }
  return false;
}

void Detector::acquire_at(ThreadState& t, Tid u, Clock c) {
  settle_lock(t);
  ThreadState* us = thread(u);
  if (!us || c <= t.vc.get(u)) return;
  // The vector clock u had at event c: the latest snapshot taken before it.
  const VectorClock* then = nullptr;
  Clock best = 0;
  u32 n = us->nsnapshots < ThreadState::kSnapshots ? us->nsnapshots : ThreadState::kSnapshots;
  const VectorClock* oldest = nullptr;
  Clock oldest_after = ~Clock(0);
  for (u32 i = 0; i < n; i++) {
    const VcSnapshot& s = us->snapshots[i];
    if (s.after < c && (!then || s.after >= best)) {
      then = &s.vc;
      best = s.after;
    }
    if (s.after < oldest_after) {
      oldest = &s.vc;
      oldest_after = s.after;
    }
  }
  if (!then) then = oldest ? oldest : &us->vc;
  stats_.store_acquires++;
  t.vc.join(*then);
  t.vc.set(u, c);  // u's own events: exactly those up to the store
  snapshot(t);
}

void Detector::acquire_stores(ThreadState& t, uptr addr, usize size) {
  while (size) {
    u32 taken;
    u8 mask = granule_mask(addr, size, &taken);
    Granule* g = shadow_.granule(addr);
    if (!g) return;
    for (const Cell& c : g->cells)
      if (unordered_foreign_store(t, c, mask)) acquire_at(t, c.tid(), c.clock());
    addr += taken;
    size -= taken;
  }
}

// ---- memory

void Detector::new_memory(uptr addr, usize len) {
  shadow_.clear(addr, len);
  syncs_.remove_range(addr, len);
}

void Detector::call(Tid t, uptr pc, uptr sp) {
  ThreadState* ts = thread(t);
  if (!ts || ts->clock() >= kMaxClock) return;
  if (u32 stale = ts->stack.stale_frames_at_call(sp)) {
    ts->history.append(EventKind::kPop, stale, ts->stack);
    ts->stack.pop(stale);
  }
  if (ts->stack.depth() >= ShadowStack::kMaxDepth) return;
  ts->history.append(EventKind::kPush, pc, ts->stack);
  ts->stack.push(pc, sp);
}

void Detector::sync_access(Tid t, uptr addr, usize size, bool write, bool atomic, uptr pc,
                           uptr sp) {
  // Atomic accesses never race, and neither do plain accesses to sync
  // locations (they are taken as atomic): nothing can be reported.
  Conflict unused;
  if (atomic || is_sync_location(addr, size)) access(t, addr, size, write, atomic, pc, sp, &unused);
}

void Detector::signal_enter(Tid t) {
  ThreadState* ts = thread(t);
  if (!ts || ts->clock() >= kMaxClock || ts->stack.depth() >= ShadowStack::kMaxDepth) return;
  ts->history.append(EventKind::kPush, 0, ts->stack);
  ts->stack.push(0, ShadowStack::kBarrierSp);
}

void Detector::signal_return(Tid t) {
  ThreadState* ts = thread(t);
  if (!ts || ts->clock() >= kMaxClock) return;
  if (u32 n = ts->stack.frames_to_barrier()) {
    ts->history.append(EventKind::kPop, n, ts->stack);
    ts->stack.pop(n);
  }
}

Clock Detector::record_access(ThreadState& t, uptr pc, usize size, uptr sp) {
  if (u32 stale = t.stack.stale_frames(sp)) {
    t.history.append(EventKind::kPop, stale, t.stack);
    t.stack.pop(stale);
  }
  return t.history.append_access(pc, size, t.stack);
}

bool Detector::is_sync_location(uptr addr, usize size) {
  u32 taken;
  u8 mask = granule_mask(addr, size, &taken);
  Granule* g = shadow_.granule(addr);
  if (!g) return false;
  for (const Cell& c : g->cells)
    if (c.atomic() && (c.mask() & mask)) return true;
  return false;
}

bool Detector::already_recorded(const ThreadState& t, uptr addr, usize size,
                                bool write, bool atomic, uptr pc) {
  while (size) {
    u32 taken;
    u8 mask = granule_mask(addr, size, &taken);
    Granule* g = shadow_.granule(addr);
    if (!g) return true;  // outside the shadowed address space
    bool found = false;
    for (const Cell& c : g->cells)
      if (records(t, c, mask, write, atomic, pc)) {
        found = true;
        break;
      }
    if (!found) return false;
    addr += taken;
    size -= taken;
  }
  return true;
}

bool Detector::unordered_unlocked_store(const ThreadState& t, uptr addr, usize size) {
  u32 taken;
  u8 mask = granule_mask(addr, size, &taken);
  Granule* g = shadow_.granule(addr);
  if (!g) return false;
  for (const Cell& c : g->cells)
    if (unordered_foreign_store(t, c, mask) && !c.atomic() && !c.locked()) return true;
  return false;
}

bool Detector::access_slow(ThreadState* t, uptr addr, usize size, bool write, bool atomic,
                           bool sync_location, bool covered, uptr pc, uptr sp, Conflict* prev,
                           bool guessed) {
  Tid tid = t->tid;
  u32 taken;
  granule_mask(addr, size, &taken);
  // See access(): a guessed acquire under a lock that reads lock-protected
  // data is a plain read.
  bool guarded_test = guessed && atomic && !write && !sync_location && t->locks_held &&
                      !unordered_unlocked_store(*t, addr, size);
  if (guarded_test) atomic = false;
  bool locked = t->locks_held && !atomic && (write || guarded_test);
  if (atomic || sync_location) {
    // An atomic access, or a plain one to a location that atomic
    // instructions use (on x86 an acquire load and a release store are
    // plain MOVs): a load acquires, a store releases, and neither races.
    atomic = true;
    if (write) {
      release(tid, syncs_.get(addr, SyncKind::kPlain)->vc);
    } else {
      if (SyncObject* s = syncs_.find(addr)) acquire(tid, s->vc);
      acquire_stores(*t, addr, size);
      if (covered && (taken == size || already_recorded(*t, addr + taken, size - taken,
                                                        write, atomic, pc))) {
        stats_.fast_path++;  // a spinning load: nothing new to record
        return false;
      }
    }
  } else if (covered && (taken == size || already_recorded(*t, addr + taken, size - taken,
                                                          write, atomic, pc))) {
    stats_.fast_path++;
    return false;
  }
  if (t->clock() >= kMaxClock) return false;  // out of clock: stop recording
  Clock c = record_access(*t, pc, size, sp);
  bool own_acquired = false, index_store = false;
  bool raced = check_granules(*t, addr, size, write, atomic, locked, c, pc, prev, false,
                           &own_acquired, &index_store);
  // A plain store to a location other threads load by read-only acquires
  // is their release: it is published on the location's sync object too,
  // where their loads find it even once its cell is evicted (four cells
  // are few when four threads test and store one queue slot).
  if (index_store) release(tid, syncs_.get(addr, SyncKind::kPlain)->vc);
  // The thread stores to a location it loaded by a read-only acquire: for
  // it, the location is data from now on.
  if (own_acquired) {
    SyncObject* s = syncs_.get(addr, SyncKind::kPlain);
    u64 me = u64(1) << (tid % 64);
    if (!raced && (s->own_writers & ~me) && shared_index_race(*t, addr, s->own_writers & ~me, prev))
      raced = true;
    s->own_writers |= me;
  }
  if (raced) stats_.races++;
  return raced;
}

void Detector::note_index_read(ThreadState& t, uptr addr, usize size) {
  u32 taken;
  u8 mask = granule_mask(addr, size, &taken);
  Granule* g = shadow_.granule(addr);
  if (!g) return;
  uptr base = addr & ~uptr(kGranule - 1);
  for (const Cell& c : g->cells) {
    if (c.atomic() || !unordered_foreign_store(t, c, mask)) continue;
    IndexRead* r = nullptr;
    for (IndexRead& old : t.index_reads)
      if (old.granule == base) r = &old;
    if (!r) r = &t.index_reads[t.nindex_reads++ % ThreadState::kIndexReads];
    *r = IndexRead{base, c.tid(), c.clock(), c.mask()};
    return;
  }
}

bool Detector::shared_index_race(ThreadState& t, uptr addr, u64 others, Conflict* prev) {
  uptr base = addr & ~uptr(kGranule - 1);
  for (IndexRead& r : t.index_reads) {
    if (r.granule != base || !(others >> (r.from % 64) & 1)) continue;
    r.granule = 0;  // reported once
    if (!prev) return true;
    prev->tid = r.from;
    prev->clock = r.clock;
    prev->addr = base + lowest_bit(r.mask);
    prev->size = bits(r.mask);
    prev->write = true;
    prev->atomic = false;
    return true;
  }
  return false;
}

bool Detector::read_only_acquire(Tid tid, uptr addr, usize size, uptr pc, uptr sp,
                                 Conflict* prev) {
  ThreadState* t = thread(tid);
  if (!t || size == 0) return false;
  settle_lock(*t);
  // The common case, a loop's test reading its bound again: one look at
  // the cells finds the same load recorded since the thread's last
  // release, and nothing new to acquire; no sync object holds stores
  // published for such loads or marks of threads that store it.
  u32 taken;
  u8 mask = granule_mask(addr, size, &taken);
  Granule* first = shadow_.granule(addr);
  if (!first) return false;
  SyncObject* s = syncs_.find(addr);
  if (taken == size && !t->locks_held && !s) {
    bool recorded = false, news = false;
    for (const Cell& c : first->cells) {
      if ((c.atomic() && (c.mask() & mask)) || unordered_foreign_store(*t, c, mask)) news = true;
      if (records(*t, c, mask, false, false, pc)) recorded = true;
    }
    if (recorded && !news) {
      stats_.accesses++;
      stats_.fast_path++;
      return false;
    }
  }
  if (t->locks_held || (s && (s->own_writers >> (tid % 64) & 1)))
    return access(tid, addr, size, false, false, pc, sp, prev);  // data
  if (is_sync_location(addr, size))
    return access(tid, addr, size, false, true, pc, sp, prev);  // an atomic load like any other
  stats_.accesses++;
  note_index_read(*t, addr, size);
  if (s) acquire(tid, s->vc);  // the stores published for read-only acquires
  acquire_stores(*t, addr, size);
  if (already_recorded(*t, addr, size, false, false, pc)) {
    stats_.fast_path++;  // the same load again: nothing new to record
    return false;
  }
  if (t->clock() >= kMaxClock) return false;
  Clock c = record_access(*t, pc, size, sp);
  bool unused = false;
  check_granules(*t, addr, size, false, false, false, c, pc, nullptr, true, &unused, &unused);
  return false;
}

bool Detector::check_granules(ThreadState& t, uptr addr, usize size, bool write, bool atomic,
                           bool locked, Clock c, uptr pc, Conflict* prev, bool read_only_acquire,
                           bool* own_acquired, bool* index_store) {
  bool raced = false;
  while (size) {
    u32 taken;
    u8 mask = granule_mask(addr, size, &taken);
    Granule* g = shadow_.granule(addr);
    if (!g) break;
    if (check_granule(t, *g, addr & ~uptr(kGranule - 1), mask, write, atomic, locked, c, pc,
                      raced ? nullptr : prev, read_only_acquire, own_acquired, index_store))
      raced = true;
    addr += taken;
    size -= taken;
  }
  return raced;
}

bool Detector::check_granule(ThreadState& t, Granule& g, uptr base, u8 mask,
                             bool write, bool atomic, bool locked, Clock c, uptr pc,
                             Conflict* prev, bool read_only_acquire, bool* own_acquired,
                             bool* index_store) {
  bool raced = false;
  int slot = -1;     // where the new cell goes
  int own = -1;      // some other cell of this thread: the first to evict
  int same = -1;     // an own read of this epoch and kind: a new read can join it
  int before = -1;   // a cell of another thread that happens before (a read if any): the next
  u8 stored = mask;  // the bytes the new cell will cover
  for (u32 i = 0; i < kCellsPerGranule; i++) {
    Cell old = g.cells[i];
    if (old.empty()) continue;
    if (old.tid() == t.tid) {
      // Our own earlier access: program order makes it happen before.
      // If the new access covers it, the new one replaces it.  If it is
      // the same instruction since our last release (a loop over bytes,
      // rep stos), the two merge: no other thread can tell them apart.
      // A read-only acquire and a plain load do not replace each other (one
      // races, the other does not); a store replaces both, and makes the
      // location data for this thread (see read_only_acquire()) -- unless
      // the thread made an atomic read-modify-write in between: then the
      // store is a step of a lock-free protocol (a bounded queue's slot
      // sequence, stored after the CAS that claimed the slot).
      if (old.read_only_acquire() && write && (old.mask() & mask) && old.clock() > t.last_rmw)
        *own_acquired = true;
      bool same_epoch_insn = old.clock() > t.last_release && old.write() == write &&
                             old.atomic() == atomic && t.history.access_pc(old.clock()) == pc;
      bool replaceable = write || old.read_only_acquire() == read_only_acquire;
      if (replaceable &&
          (((old.mask() & ~mask) == 0 && covers(write, atomic, old.write(), old.atomic())) ||
           same_epoch_insn)) {
        if (same_epoch_insn) stored |= old.mask();
        if (slot < 0) slot = int(i);
        else g.cells[i] = Cell();
      } else {
        own = int(i);
        if (!write && !old.write() && old.clock() > t.last_release && old.atomic() == atomic &&
            old.locked() == locked && old.read_only_acquire() == read_only_acquire)
          same = int(i);
      }
      continue;
    }
    u8 overlap = old.mask() & mask;
    // A store to another thread's index: publish it (see access_slow).
    if (write && overlap && old.read_only_acquire()) *index_store = true;
    bool ordered = old.clock() <= t.vc.get(old.tid());
    if (!ordered) {
      // A race needs two plain accesses (an atomic one never races).  A
      // store made outside any lock after a guarded test of the flag (see
      // access()) is the flag's release, not a race.
      bool flag_release = write && !locked && !old.write() && old.locked();
      bool acquired = read_only_acquire || old.read_only_acquire();
      if (overlap && (write || old.write()) && !atomic && !old.atomic() && !flag_release &&
          !acquired) {
        if (prev && !raced) {
          prev->tid = old.tid();
          prev->clock = old.clock();
          prev->addr = base + lowest_bit(old.mask());
          prev->size = bits(old.mask());
          prev->write = old.write();
          prev->atomic = old.atomic();
        }
        raced = true;
      }
      continue;
    }
    // `old` happens before this access.  A write makes the bytes it
    // overwrites forget `old`: what would race with old races with it.
    if (write && overlap) g.cells[i] = old.with_mask(old.mask() & ~mask);
    if (!g.cells[i].empty() && (before < 0 || !old.write())) before = int(i);
  }
  if (slot < 0)
    for (u32 i = 0; i < kCellsPerGranule; i++)
      if (g.cells[i].empty()) {
        slot = int(i);
        break;
      }
  // All full: evict one of our own cells rather than another thread's
  // (which could hide a race with it); else one that happens before this
  // access (it can no longer race with this thread: with a read-modify-
  // write, this thread's next access), a read rather than a write (a
  // third thread's later read races with the write only); else one chosen
  // by the clock.
  // All full, and a read of this thread since its last release is like
  // this one: no other thread can order itself between the two, so one
  // cell can stand for both (its stack is the earlier read's).  Not two
  // writes: a plain store may turn out to be a release (acquire_stores),
  // up to its own clock.
  if (slot < 0 && same >= 0) {
    g.cells[same] = g.cells[same].with_mask(g.cells[same].mask() | stored);
    return raced;
  }
  if (slot < 0) slot = own >= 0 ? own : before >= 0 ? before : int(c % kCellsPerGranule);
  g.cells[slot] = Cell(stored, write, atomic, t.tid, c, locked, read_only_acquire);
  return raced;
}

usize Detector::history_bytes() const {
  usize n = 0;
  for (u32 i = 0; i < nthreads_; i++) n += threads_[i]->history.bytes_used();
  return n;
}

}  // namespace rm
