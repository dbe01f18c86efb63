// rm_detector.h -- the race engine: threads, shadow memory, sync objects.
//
// This is the happens-before detector itself, with no knowledge of Valgrind.
// The host tells it what the program does -- threads start, finish and are
// joined, memory is accessed, calls are made, sync objects are released and
// acquired, memory is handed out anew -- and it answers, for each access,
// whether it races with an earlier one, and which.
//
// An access is checked against the cells of the granules it touches (see
// rm_shadow.h).  It races with a cell from another thread when they
// conflict and the cell's clock is not covered by the accessing thread's
// vector clock.  A write also forgets the cells it happens after: any later
// access that would race with them races with the write too.
#ifndef RM_DETECTOR_H
#define RM_DETECTOR_H

#include "rm_shadow.h"
#include "rm_sync.h"
#include "rm_thread.h"

namespace rm {

// The earlier access of a race, as its shadow cell remembers it.
struct Conflict {
  Tid tid;
  Clock clock;
  uptr addr;  // first byte of the earlier access within the granule
  u32 size;   // its bytes within the granule
  bool write;
  bool atomic;
};

struct Stats {
  u64 accesses = 0;       // accesses checked
  u64 fast_path = 0;      // of which left the shadow untouched
  u64 races = 0;          // racing accesses found (before deduplication)
  u64 store_acquires = 0; // acquire loads that learnt from a plain store
};

class Detector {
 public:
  Detector();
  ~Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;

  // --- threads
  // Bounds each thread's history to about `events` events.
  void set_history_limit(u64 events) { history_limit_ = events; }
  // Starts a logical thread; everything `parent` did so far happens before
  // it.  Returns the new thread, or kNoTid when no more can be made.
  Tid start_thread(Tid parent);
  // The thread's last event; what it did is now final.
  void finish_thread(Tid t);
  // Everything `joined` did happens before `joiner`'s next event.
  void join(Tid joiner, Tid joined);
  // `t` runs on behalf of `u` for a while, and some of its accesses are
  // recorded as u's (an OpenMP section touching its runner's private
  // variables): t learns u's own events so far -- not what u knows of
  // others.
  void catch_up(Tid t, Tid u);
  // t, which runs a piece of u's work on u's core thread (an OpenMP loop
  // iteration), starts from u's call stack: the frames still live at
  // stack pointer sp.
  void adopt_stack(Tid t, Tid u, uptr sp);
  ThreadState* thread(Tid t) const { return t < nthreads_ ? threads_[t] : nullptr; }
  u32 thread_count() const { return nthreads_; }

  // --- the memory model's verbs, on a sync object
  void acquire(Tid t, const VectorClock& from);  // t.vc |= from
  void release(Tid t, VectorClock& to);          // to |= t.vc
  void release_store(Tid t, VectorClock& to);    // to = t.vc

  // --- sync objects (rm_sync.h says what each kind means)
  SyncTable& syncs() { return syncs_; }
  void mutex_lock(Tid t, uptr m);
  void mutex_unlock(Tid t, uptr m);
  void rwlock_lock(Tid t, uptr rw, bool write);
  void rwlock_unlock(Tid t, uptr rw);
  // t holds one more lock, one fewer: mutexes and rwlocks count by
  // themselves; the host reports the locks it orders otherwise (OpenMP's
  // critical sections and locks, whose atomics order the threads).
  void lock_taken(Tid t);
  void lock_dropped(Tid t);
  // An empty critical section orders nothing.  Taking a lock orders t
  // after the lock's last holder -- unless t's critical section touches no
  // memory at all (`lock(l); unlock(l);`) and t did not know, before it
  // asked, of any taking of the lock by another thread.  Then the section
  // could as well have come first: which thread took the lock first was
  // the schedule's choice, and a race the order hides is one in another
  // run (DataRaceBench's DRB201).  This is the one order racemap does not take
  // from the run: "weak causal precedence" (Kini, Mathur, Viswanathan,
  // PLDI 2017) for the sections with nothing in them.  So:
  //  - lock_begin: t is about to take a lock;
  //  - lock_acquired: t took it (what t learnt meanwhile came with it): what
  //    it learnt is held back, unless t knew of another's taking it;
  //  - the first access, acquire or release of t settles it: t learns it;
  //  - unlock_begin: t gives the lock back: unsettled, it is forgotten; and
  //    what t learns until unlock_done comes from the lock's word (an
  //    exchange that tests for waiters acquires), and is forgotten too.
  // A lock taken without lock_begin (a trylock, a lock the host does not
  // see begin) orders at once.
  void lock_begin(Tid t);
  void lock_acquired(Tid t, uptr lock);
  void unlock_begin(Tid t, uptr lock);
  void unlock_done(Tid t);
  void signal(Tid t, uptr obj);    // cond signal/broadcast, sem post: release
  void wait_done(Tid t, uptr obj); // cond wait, sem wait returned: acquire
  void barrier_init(uptr b, u32 count);
  // Returns the round the thread arrives in, for barrier_leave.
  u64 barrier_arrive(Tid t, uptr b);
  void barrier_leave(Tid t, uptr b, u64 round);
  void destroy(uptr obj) { syncs_.remove(obj); }
  // An atomic read-modify-write (x86: LOCK-prefixed, XCHG) of the `size`
  // bytes at addr, taken as sequentially consistent: it acquires what
  // earlier atomic stores and RMWs of the location released, and what
  // the plain stores it may have read published (as an atomic load does,
  // acquire_stores), and releases in turn.  This orders lock words, reference counts and the status
  // words of futures.  An RMW whose old value the code never reads
  // (`acquires` false: `counter.fetch_add(1)`, a shared_ptr copy, a
  // reduction's `lock add`) only releases: no program can rely on what it
  // would have acquired, for it cannot tell which RMW came before it.
  // (The access itself is then checked with access(..., atomic=true).)
  //
  // A plain store of another thread to the same bytes that does not
  // happen before it -- once it acquired what earlier RMWs of the
  // location released, if it acquires -- races with it: an RMW is
  // certainly atomic, and a store that is not ordered with it, made
  // before the location was used atomically, is the program's plain
  // initialisation or update of the variable (a reduction variable reset
  // while another thread adds into it).  Returns true then, with the
  // store in *prev.
  bool atomic_rmw(Tid t, uptr addr, usize size = 1, Conflict* prev = nullptr,
                  bool acquires = true);

  // --- memory
  // Checks and records an access.  Returns true when it races with an
  // earlier access, described in *prev.
  //
  // An atomic access (`atomic`: the host knows it for one) never races.
  // An atomic load acquires, an atomic store releases, on the sync object
  // of its address.  A location that some atomic access touched is a sync
  // location: plain accesses to it are taken as atomic too, since on x86 an
  // acquire load and a release store are plain MOVs.  And an atomic load
  // also acquires from the plain stores it may have read (acquire_stores):
  // the store was a release the host could not recognise when it ran.
  //
  // The common case -- a plain access that a cell of this thread, from
  // since its last release, already covers -- is decided here, inline;
  // the rest in access_slow.
  //
  // `guessed`: the host took the load for an atomic one by the shape of
  // the code around it alone (a flag tested, a spin).  Made while the
  // thread holds a lock, such a load is a plain read of data the lock
  // protects -- `if (size < cap)` inside a critical section -- unless it
  // reads a store made outside any lock that it is not ordered with
  // (`if (stop)` under a mutex, the flag set without it).  Its cell then
  // says "made under a lock": a later store made outside any lock does not
  // race with it (it is the flag's release), one made under a lock does.
  bool access(Tid tid, uptr addr, usize size, bool write, bool atomic,
              uptr pc, uptr sp, Conflict* prev, bool guessed = false) {
    ThreadState* t = thread(tid);
    if (!t || size == 0) return false;
    settle_lock(*t);
    stats_.accesses++;
    // One look at the first granule's cells answers both questions: is it
    // a sync location, and does a cell of ours already cover the access?
    u32 taken;
    u8 mask = granule_mask(addr, size, &taken);
    Granule* first = shadow_.granule(addr);
    if (!first) return false;  // outside the shadowed address space
    // "Covered" also asks for the same instruction: a report then names
    // the latest code location that touched the bytes, not just the first
    // one since the last release.
    bool sync_location = false, covered = false;
    for (const Cell& c : first->cells) {
      if (c.atomic() && (c.mask() & mask)) sync_location = true;
      if (records(*t, c, mask, write, atomic, pc)) covered = true;
    }
    if (covered && !atomic && !sync_location && taken == size) {
      stats_.fast_path++;
      return false;
    }
    return access_slow(t, addr, size, write, atomic, sync_location, covered, pc, sp, prev,
                       guessed);
  }
  // A load that the host takes for an acquire only as long as thread `tid`
  // does not store to the location itself: its value decides a branch,
  // compared with another value or after arithmetic, as in a ring
  // buffer's `if (rd != wr.load(acquire))` or `w - rd.load(acquire) < N`.
  // A reader that never writes the location is waiting for other threads:
  // the load acquires (as an atomic load does) and races with nothing.
  // Once the thread has stored to the location (with no atomic
  // read-modify-write between the load and the store), or while it holds
  // a lock, the load is a plain read of data -- a std::vector's
  // `_M_finish != _M_end_of_storage`, compared by every thread that
  // pushes; the second thread to store it that way races with the store
  // its first test learned from (shared_index_race).  A store after a
  // read-modify-write keeps it an acquire: a bounded MPMC queue's slot
  // sequence is tested, the slot claimed by a CAS, then the sequence
  // stored.  Returns true when it races (as a plain read), with *prev.
  bool read_only_acquire(Tid tid, uptr addr, usize size, uptr pc, uptr sp, Conflict* prev);
  // An access that is not checked but may synchronize: an atomic one, or
  // one to a sync location, is recorded (it acquires or releases, see
  // access()); any other is ignored.
  void sync_access(Tid t, uptr addr, usize size, bool write, bool atomic, uptr pc, uptr sp);
  // A call from call site `pc`; `sp` is the stack pointer after the call.
  void call(Tid t, uptr pc, uptr sp);
  // A signal handler starts on an alternate stack: the interrupted frames
  // stay below it whatever the handler's stack pointer.  signal_return
  // drops the handler's frames when it returns.
  void signal_enter(Tid t);
  void signal_return(Tid t);
  // Memory [addr, addr+len) is new: forget its accesses and sync objects.
  void new_memory(uptr addr, usize len);
  // Like new_memory, for memory known to hold no sync object (stacks).
  void clear_shadow(uptr addr, usize len) { shadow_.clear(addr, len); }

  const Stats& stats() const { return stats_; }
  usize shadow_bytes() const { return shadow_.bytes_used(); }
  usize history_bytes() const;

 private:
  bool access_slow(ThreadState* t, uptr addr, usize size, bool write, bool atomic,
                   bool sync_location, bool covered, uptr pc, uptr sp, Conflict* prev,
                   bool guessed);
  // Returns whether a plain store that another thread made outside any
  // lock, and that t is not ordered after, wrote some of the bytes of
  // [addr, addr+size) within its first granule.
  bool unordered_unlocked_store(const ThreadState& t, uptr addr, usize size);
  // Appends an access event for t (popping frames `sp` has left).
  Clock record_access(ThreadState& t, uptr pc, usize size, uptr sp);
  // check_granule for each granule of [addr, addr+size); *prev names the
  // first race.
  bool check_granules(ThreadState& t, uptr addr, usize size, bool write, bool atomic, bool locked,
                      Clock c, uptr pc, Conflict* prev, bool read_only_acquire, bool* own_acquired,
                      bool* index_store);
  // Checks `mask` of granule g against its cells and stores the access.
  // `read_only_acquire`: the access is one (it races with nothing).  Sets
  // *own_acquired when a store of t overwrites t's own read-only acquire,
  // *index_store when it stores over another thread's.
  bool check_granule(ThreadState& t, Granule& g, uptr base, u8 mask, bool write,
                     bool atomic, bool locked, Clock c, uptr pc, Conflict* prev,
                     bool read_only_acquire, bool* own_acquired, bool* index_store);
  // t's read-only acquire of [addr, addr+size) is about to learn from the
  // plain stores of other threads there: remember the first one t is not
  // yet ordered after (ThreadState::index_reads).
  void note_index_read(ThreadState& t, uptr addr, usize size);
  // t stores to a location it loaded by a read-only acquire, and so do the
  // threads of `others` (own_writers): it is no one thread's index but
  // data that each of them reads and updates (two threads pushing onto one
  // std::vector).  The store t's load learned from then races with t's
  // store, for t was ordered after it only by taking that load for an
  // acquire.  Returns whether such a store is remembered, in *prev.
  bool shared_index_race(ThreadState& t, uptr addr, u64 others, Conflict* prev);
  // Returns true when an atomic access touched some of the bytes of the
  // access's first granule (and is still remembered).
  bool is_sync_location(uptr addr, usize size);
  // Returns whether a plain store of another thread to [addr, addr+size)
  // does not happen before t's next event (described in *prev).
  bool plain_store_races(const ThreadState& t, uptr addr, usize size, Conflict* prev);
  // An atomic load (or RMW) of [addr, addr+size) by t reads what a store
  // wrote.  A store of another thread that t does not yet know of was
  // taken, when it ran, for a plain one -- yet it is the release that the
  // load synchronizes with: t acquires what its thread knew at the store.
  void acquire_stores(ThreadState& t, uptr addr, usize size);
  // t learns of thread u's events up to clock c, and of what u knew then
  // (from u's snapshots; if c is older than all of them, the oldest is
  // taken: a superset, which can only hide races, never make one up).
  void acquire_at(ThreadState& t, Tid u, Clock c);
  // t's vector clock grew: remember its new value.
  void snapshot(ThreadState& t);
  // t.vc |= from, snapshotting the result if it grew.
  void learn(ThreadState& t, const VectorClock& from) {
    settle_lock(t);
    if (t.vc.join(from)) snapshot(t);
  }
  // t forgets what it learnt since lock_begin or unlock_begin, but for
  // its own events.
  void back_to_before_lock(ThreadState& t);
  // t's critical section did something: t learns what its lock handed over
  // (see lock_begin).
  void settle_lock(ThreadState& t) {
    if (!t.lock_pending) return;
    t.lock_pending = false;
    if (t.vc.join(t.held_back)) snapshot(t);
  }
  // Returns whether cell c already records an access of t to the bytes of
  // `mask`: t's, made since its last release by the same instruction, and
  // covering the access's kind.  Such an access needs no recording.
  //
  // A write also needs the cell to be t's latest event: a plain store may
  // turn out to be a release when another thread's acquire load reads it
  // (acquire_stores), and that thread must then learn of everything t did
  // before the store -- up to the cell's clock.
  static bool records(const ThreadState& t, Cell c, u8 mask, bool write, bool atomic, uptr pc) {
    return c.tid() == t.tid && (c.mask() & mask) == mask && c.clock() > t.last_release &&
           (!write || c.clock() == t.clock()) && covers(c.write(), c.atomic(), write, atomic) &&
           t.history.access_pc(c.clock()) == pc;
  }
  // Returns true when each granule of the access has a cell that records
  // it (see records()).
  bool already_recorded(const ThreadState& t, uptr addr, usize size, bool write,
                        bool atomic, uptr pc);
  void publish_own_clock(ThreadState& t) {
    t.vc.set(t.tid, t.clock());
    t.last_release = t.clock();
  }

  ShadowMemory shadow_;
  SyncTable syncs_;
  ThreadState** threads_ = nullptr;
  u32 nthreads_ = 0;
  u32 cap_threads_ = 0;
  u64 history_limit_ = 1u << 20;
  Stats stats_;
};

}  // namespace rm

#endif  // RM_DETECTOR_H
