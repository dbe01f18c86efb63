// rm_annotations.cpp -- the client requests of Helgrind's and DRD's headers
// (valgrind/helgrind.h, valgrind/drd.h), so that a program annotated for
// either tool runs under racemap unchanged.
//
// The two headers share one request space for most of their annotations:
// drd.h's ANNOTATE_RWLOCK_* and ANNOTATE_HAPPENS_* use the same numbers as
// helgrind.h's ('H','G' + 256 + n), and DRD's "clean memory" is Helgrind's.
// DRD's own requests are ('D','R').  Each is mapped onto the detector's
// verbs:
//
//   happens-before edges, semaphores      signal() / wait_done()
//   custom mutexes                        mutex_lock() / mutex_unlock()
//   custom rwlocks                        rwlock_lock() / rwlock_unlock()
//   custom barriers                       barrier_init() / arrive / leave
//   "create" and "destroy"                destroy(): the object starts afresh
//   clean memory, new memory              clear_shadow()
//   ignore reads / writes of a thread     HostThread::ignore
//   benign race, disable checking,        a table of ignored address ranges:
//   DRD_IGNORE_VAR                        report_race() drops a race there
//
// Requests that racemap does not model are not claimed: the program gets
// the default value its macro supplies, as without any tool.
#include "rm_requests.h"
#include "rm_tool.h"

#include "helgrind.h"
#include "drd.h"

namespace rm {

namespace {

// ---- address ranges whose races are not reported
//
// Sorted, disjoint, non-adjacent half-open intervals.  Accesses to them are
// still recorded (report time is the only place racemap can filter without
// touching the instrumentation), so the shadow of a range is cleared when it
// stops being ignored: what happened while it was ignored stays unreported.

struct Range {
  Addr lo, hi;
};

Range* ranges = nullptr;
UWord n_ranges = 0, cap_ranges = 0;

// The first range whose end lies above `a`.
UWord first_above(Addr a) {
  UWord lo = 0, hi = n_ranges;
  while (lo < hi) {
    UWord mid = lo + (hi - lo) / 2;
    if (ranges[mid].hi <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void reserve_ranges(UWord n) {
  if (n <= cap_ranges) return;
  UWord cap = cap_ranges ? cap_ranges * 2 : 16;
  while (cap < n) cap *= 2;
  Range* r = static_cast<Range*>(VG_(malloc)("racemap.ignored", cap * sizeof(Range)));
  for (UWord i = 0; i < n_ranges; i++) r[i] = ranges[i];
  if (ranges) VG_(free)(ranges);
  ranges = r;
  cap_ranges = cap;
}

void add_ignored(Addr a, SizeT len) {
  if (len == 0) return;
  Addr lo = a, hi = a + len < a ? ~Addr(0) : a + len;
  // Ranges [i, j) touch [lo, hi) and merge with it.
  UWord i = lo ? first_above(lo - 1) : 0;
  UWord j = i;
  while (j < n_ranges && ranges[j].lo <= hi) {
    if (ranges[j].lo < lo) lo = ranges[j].lo;
    if (ranges[j].hi > hi) hi = ranges[j].hi;
    j++;
  }
  if (j == i) {  // nothing to merge with: insert at i
    reserve_ranges(n_ranges + 1);
    for (UWord k = n_ranges; k > i; k--) ranges[k] = ranges[k - 1];
    n_ranges++;
  } else {       // [i, j) become one range at i
    for (UWord k = j; k < n_ranges; k++) ranges[i + 1 + k - j] = ranges[k];
    n_ranges -= j - i - 1;
  }
  ranges[i].lo = lo;
  ranges[i].hi = hi;
}

// Removes [a, a+len) from the ignored ranges (a range may split in two).
void remove_ignored(Addr a, SizeT len) {
  if (len == 0 || n_ranges == 0) return;
  Addr lo = a, hi = a + len < a ? ~Addr(0) : a + len;
  UWord i = first_above(lo);
  while (i < n_ranges && ranges[i].lo < hi) {
    Range r = ranges[i];
    if (r.lo < lo && r.hi > hi) {  // split
      reserve_ranges(n_ranges + 1);
      for (UWord k = n_ranges; k > i + 1; k--) ranges[k] = ranges[k - 1];
      n_ranges++;
      ranges[i].hi = lo;
      ranges[i + 1].lo = hi;
      ranges[i + 1].hi = r.hi;
      return;
    }
    if (r.lo < lo) {  // keep the head
      ranges[i].hi = lo;
      i++;
    } else if (r.hi > hi) {  // keep the tail
      ranges[i].lo = hi;
      i++;
    } else {  // all of it goes
      for (UWord k = i + 1; k < n_ranges; k++) ranges[k - 1] = ranges[k];
      n_ranges--;
    }
  }
}

// Checking resumes on [a, a+len): forget what was recorded meanwhile.
void stop_ignoring(Addr a, SizeT len) {
  remove_ignored(a, len);
  detector->clear_shadow(a, len);
}

// ---- per-thread "ignore reads" / "ignore writes"
//
// racemap has one per-thread switch (HostThread::ignore, shared with
// RACEMAP_IGNORE_BEGIN/END).  While a thread ignores its reads, its writes,
// or both, it holds one count of that switch: ignoring only the reads would
// leave them recorded, and a later write of another thread would be
// reported against them.

struct ThreadIgnore {
  UInt reads = 0, writes = 0;
  Bool holding = False;  // holds one count of HostThread::ignore
};

ThreadIgnore* thread_ignores = nullptr;
UInt n_thread_ignores = 0;

ThreadIgnore* ignore_of(Tid t) {
  if (t >= n_thread_ignores) {
    UInt n = n_thread_ignores ? n_thread_ignores : 64;
    while (n <= t) n *= 2;
    ThreadIgnore* a = static_cast<ThreadIgnore*>(VG_(malloc)("racemap.thread_ignore", n * sizeof(ThreadIgnore)));
    for (UInt i = 0; i < n; i++) a[i] = i < n_thread_ignores ? thread_ignores[i] : ThreadIgnore();
    if (thread_ignores) VG_(free)(thread_ignores);
    thread_ignores = a;
    n_thread_ignores = n;
  }
  return &thread_ignores[t];
}

// kind: 'r' or 'w'; begin: True to start ignoring, False to stop.
void thread_ignore(Tid t, HChar kind, Bool begin) {
  HostThread* h = host_of(t);
  if (!h) return;
  ThreadIgnore* ti = ignore_of(t);
  UInt& n = kind == 'r' ? ti->reads : ti->writes;
  if (begin) n++;
  else if (n) n--;
  Bool want = ti->reads || ti->writes;
  if (want && !ti->holding) {
    h->ignore++;
    ti->holding = True;
  } else if (!want && ti->holding) {
    if (h->ignore) h->ignore--;
    ti->holding = False;
  }
}

// ---- barriers annotated with one "wait" request per thread
//
// helgrind.h has only BARRIER_WAIT_PRE, sent before the real wait.  Every
// thread arrives; the arrival that completes a round makes all the threads
// of that round leave it at once (they are all blocked in the real wait),
// as Helgrind does.  drd.h's ANNOTATE_BARRIER_WAIT_AFTER then has nothing
// left to do.

struct Waiter {
  Addr barrier;
  Tid tid;
  u64 round;
};

Waiter* waiters = nullptr;
UWord n_waiters = 0, cap_waiters = 0;

void forget_waiters(Addr b) {
  UWord k = 0;
  for (UWord i = 0; i < n_waiters; i++)
    if (waiters[i].barrier != b) waiters[k++] = waiters[i];
  n_waiters = k;
}

// Round `round` of barrier b completed: everyone who waited in it leaves.
void leave_round(Addr b, u64 round) {
  UWord k = 0;
  for (UWord i = 0; i < n_waiters; i++) {
    Waiter w = waiters[i];
    if (w.barrier == b && w.round == round) detector->barrier_leave(w.tid, b, round);
    else waiters[k++] = w;
  }
  n_waiters = k;
}

void barrier_wait(Tid t, Addr b) {
  u64 round = detector->barrier_arrive(t, b);
  const SyncObject* s = detector->syncs().find(b);
  if (s && s->round == round) {  // this arrival completed the round
    detector->barrier_leave(t, b, round);
    leave_round(b, round);
    return;
  }
  if (n_waiters == cap_waiters) {
    UWord cap = cap_waiters ? cap_waiters * 2 : 16;
    Waiter* w = static_cast<Waiter*>(VG_(malloc)("racemap.barrier_waiters", cap * sizeof(Waiter)));
    for (UWord i = 0; i < n_waiters; i++) w[i] = waiters[i];
    if (waiters) VG_(free)(waiters);
    waiters = w;
    cap_waiters = cap;
  }
  waiters[n_waiters++] = Waiter{b, t, round};
}

// The barrier's count changes.  If as many threads wait as the new count,
// the round completes now (as in Helgrind).
void barrier_resize(Addr b, UWord count) {
  SyncObject* s = detector->syncs().find(b);
  if (!s || s->kind != SyncKind::kBarrier) {
    detector->barrier_init(b, UInt(count));
    return;
  }
  s->barrier_count = UInt(count);
  if (s->arrived == 0 || s->arrived < s->barrier_count) return;
  s->done.assign(s->vc);
  s->vc.clear();
  s->arrived = 0;
  s->round++;
  leave_round(b, s->round);
}

// ---- request arguments

// Whether the client's NUL-terminated string at s is `lit`.
Bool client_string_is(Addr s, const HChar* lit) {
  SizeT n = VG_(strlen)(lit) + 1;
  if (!s || !VG_(am_is_valid_for_client)(s, n, VKI_PROT_READ)) return False;
  return VG_(memcmp)(reinterpret_cast<const void*>(s), lit, n) == 0;
}

// helgrind.h sends these annotations as "unimplemented", with their name
// and no argument.  Those without arguments can still be honoured.
void hg_unimplemented(Tid t, Addr name) {
  if (t == kNoTid) return;
  if (client_string_is(name, "ANNOTATE_IGNORE_READS_BEGIN")) thread_ignore(t, 'r', True);
  else if (client_string_is(name, "ANNOTATE_IGNORE_READS_END")) thread_ignore(t, 'r', False);
  else if (client_string_is(name, "ANNOTATE_IGNORE_WRITES_BEGIN")) thread_ignore(t, 'w', True);
  else if (client_string_is(name, "ANNOTATE_IGNORE_WRITES_END")) thread_ignore(t, 'w', False);
  // The others (BENIGN_RACE without a size, BARRIER_*, PCQ_*, CONDVAR_*,
  // THREAD_NAME, ...) carry no arguments here: nothing to act on.
}

// drd.h sends its barrier annotations as "unimplemented", with their name
// and their arguments.
void drd_unimplemented(Tid t, const UWord* args) {
  Addr name = args[1], b = args[2];
  if (client_string_is(name, "ANNOTATE_BARRIER_INIT")) {
    forget_waiters(b);
    detector->barrier_init(b, UInt(args[3]));
  } else if (client_string_is(name, "ANNOTATE_BARRIER_DESTROY")) {
    forget_waiters(b);
    detector->destroy(b);
  } else if (client_string_is(name, "ANNOTATE_BARRIER_WAIT_BEFORE")) {
    if (t != kNoTid) barrier_wait(t, b);
  }
  // ANNOTATE_BARRIER_WAIT_AFTER: the round was left when it completed.
}

Bool helgrind_request(ThreadId vg, Tid t, const UWord* args, UWord* ret) {
  Bool thread = t != kNoTid;
  switch (args[0]) {
    // --- memory (VG_USERREQ__DRD_CLEAN_MEMORY is the same request)
    case VG_USERREQ__HG_CLEAN_MEMORY:  // also ANNOTATE_NEW_MEMORY
      stop_ignoring(args[1], args[2]);
      break;
    case _VG_USERREQ__HG_CLEAN_MEMORY_HEAPBLOCK: {
      AddrInfo ai;
      VG_(memset)(&ai, 0, sizeof ai);
      if (describe_heap_block(args[1], &ai) && ai.tag == Addr_Block) {
        stop_ignoring(args[1] - ai.Addr.Block.rwoffset, ai.Addr.Block.block_szB);
        *ret = ai.Addr.Block.block_szB;
      } else {
        *ret = UWord(-1);
      }
      break;
    }
    case _VG_USERREQ__HG_ARANGE_MAKE_UNTRACKED:  // DISABLE_CHECKING, BENIGN_RACE_SIZED
      add_ignored(args[1], args[2]);
      break;
    case _VG_USERREQ__HG_ARANGE_MAKE_TRACKED:  // ENABLE_CHECKING: as new memory
      stop_ignoring(args[1], args[2]);
      break;
    // --- happens-before (drd.h's ANNOTATE_HAPPENS_BEFORE/AFTER too)
    case _VG_USERREQ__HG_USERSO_SEND_PRE:
      if (thread) detector->signal(t, args[1]);
      break;
    case _VG_USERREQ__HG_USERSO_RECV_POST:
      if (thread) detector->wait_done(t, args[1]);
      break;
    case _VG_USERREQ__HG_USERSO_FORGET_ALL:
      detector->destroy(args[1]);
      break;
    // --- mutexes
    case _VG_USERREQ__HG_PTHREAD_MUTEX_INIT_POST:
    case _VG_USERREQ__HG_PTHREAD_MUTEX_DESTROY_PRE:
      detector->destroy(args[1]);
      break;
    case _VG_USERREQ__HG_PTHREAD_MUTEX_ACQUIRE_POST:  // VALGRIND_HG_MUTEX_LOCK_POST
      if (thread) detector->mutex_lock(t, args[1]);
      break;
    case _VG_USERREQ__HG_PTHREAD_MUTEX_UNLOCK_PRE:
      if (thread) detector->mutex_unlock(t, args[1]);
      break;
    case _VG_USERREQ__HG_PTHREAD_MUTEX_ACQUIRE_PRE:  // VALGRIND_HG_MUTEX_LOCK_PRE
    case _VG_USERREQ__HG_PTHREAD_MUTEX_UNLOCK_POST:
      break;
    // --- rwlocks (drd.h's ANNOTATE_RWLOCK_* too)
    case _VG_USERREQ__HG_PTHREAD_RWLOCK_INIT_POST:
    case _VG_USERREQ__HG_PTHREAD_RWLOCK_DESTROY_PRE:
      detector->destroy(args[1]);
      break;
    case _VG_USERREQ__HG_PTHREAD_RWLOCK_ACQUIRED:
      if (thread) detector->rwlock_lock(t, args[1], args[2] != 0);
      break;
    case _VG_USERREQ__HG_PTHREAD_RWLOCK_RELEASED:
      // helgrind.h passes no is_w; the detector knows whether t writes.
      if (thread) detector->rwlock_unlock(t, args[1]);
      break;
    // --- semaphores
    case _VG_USERREQ__HG_POSIX_SEM_INIT_POST:
    case _VG_USERREQ__HG_POSIX_SEM_DESTROY_PRE:
      detector->destroy(args[1]);
      break;
    case _VG_USERREQ__HG_POSIX_SEM_RELEASED:  // VALGRIND_HG_SEM_POST_PRE
      if (thread) detector->signal(t, args[1]);
      break;
    case _VG_USERREQ__HG_POSIX_SEM_ACQUIRED:  // VALGRIND_HG_SEM_WAIT_POST
      if (thread) detector->wait_done(t, args[1]);
      break;
    // --- barriers
    case _VG_USERREQ__HG_PTHREAD_BARRIER_INIT_PRE:
      forget_waiters(args[1]);
      detector->barrier_init(args[1], UInt(args[2]));
      break;
    case _VG_USERREQ__HG_PTHREAD_BARRIER_WAIT_PRE:
      if (thread) barrier_wait(t, args[1]);
      break;
    case _VG_USERREQ__HG_PTHREAD_BARRIER_RESIZE_PRE:
      barrier_resize(args[1], args[2]);
      break;
    case _VG_USERREQ__HG_PTHREAD_BARRIER_DESTROY_PRE:
      forget_waiters(args[1]);
      detector->destroy(args[1]);
      break;
    // --- the rest of the ANNOTATE_* family (drd.h: HELGRIND_ANNOTATION_UNIMP)
    case _VG_USERREQ__HG_CLIENTREQ_UNIMP:
      hg_unimplemented(t, args[1]);
      break;
    default:  // the pthread wrappers' own requests, GET_ABITS, GNAT hooks
      return False;
  }
  (void)vg;
  return True;
}

Bool drd_request(ThreadId vg, Tid t, const UWord* args, UWord* ret) {
  Bool thread = t != kNoTid;
  switch (args[0]) {
    case VG_USERREQ__DRD_GET_VALGRIND_THREAD_ID:
      *ret = vg;
      break;
    case VG_USERREQ__DRD_GET_DRD_THREAD_ID:
      *ret = thread ? thread_nr(t) : 0;
      break;
    case VG_USERREQ__DRD_START_SUPPRESSION:  // DRD_IGNORE_VAR, ANNOTATE_BENIGN_RACE(_SIZED)
      add_ignored(args[1], args[2]);
      break;
    case VG_USERREQ__DRD_FINISH_SUPPRESSION:  // DRD_STOP_IGNORING_VAR
      stop_ignoring(args[1], args[2]);
      break;
    case VG_USERREQ__DRD_RECORD_LOADS:  // 0: ANNOTATE_IGNORE_READS_BEGIN, 1: END
      if (thread) thread_ignore(t, 'r', args[1] == 0);
      break;
    case VG_USERREQ__DRD_RECORD_STORES:
      if (thread) thread_ignore(t, 'w', args[1] == 0);
      break;
    case VG_USERREQ__DRD_ANNOTATION_UNIMP:  // ANNOTATE_BARRIER_*
      drd_unimplemented(t, args);
      break;
    case VG_USERREQ__DRD_ANNOTATE_SEM_INIT_PRE:
    case VG_USERREQ__DRD_ANNOTATE_SEM_DESTROY_POST:
      detector->destroy(args[1]);
      break;
    case VG_USERREQ__DRD_ANNOTATE_SEM_POST_PRE:
      if (thread) detector->signal(t, args[1]);
      break;
    case VG_USERREQ__DRD_ANNOTATE_SEM_WAIT_POST:
      if (thread) detector->wait_done(t, args[1]);
      break;
    case VG_USERREQ__DRD_ANNOTATE_SEM_WAIT_PRE:
    case VG_USERREQ__DRD_START_TRACE_ADDR:   // DRD_TRACE_VAR, ANNOTATE_TRACE_MEMORY
    case VG_USERREQ__DRD_STOP_TRACE_ADDR:
    case VG_USERREQ__DRD_SET_THREAD_NAME:    // ANNOTATE_THREAD_NAME
      break;
    default:  // VG_USERREQ__DRD_IGNORE_MUTEX_ORDERING and anything newer
      return False;
  }
  return True;
}

// racemap.h's annotations beyond happens-before and ignoring a thread:
// the same capabilities as helgrind.h's, with the same handling.
Bool racemap_request(Tid t, const UWord* args) {
  Bool thread = t != kNoTid;
  switch (args[0]) {
    case RACEMAP_REQ_HAPPENS_BEFORE_FORGET_ALL:
      detector->destroy(args[1]);
      break;
    case RACEMAP_REQ_DISABLE_CHECKING:
      add_ignored(args[1], args[2]);
      break;
    case RACEMAP_REQ_ENABLE_CHECKING:
    case RACEMAP_REQ_CLEAN_MEMORY:
      stop_ignoring(args[1], args[2]);
      break;
    case RACEMAP_REQ_MUTEX_LOCKED:
      if (thread) detector->mutex_lock(t, args[1]);
      break;
    case RACEMAP_REQ_MUTEX_UNLOCKING:
      if (thread) detector->mutex_unlock(t, args[1]);
      break;
    case RACEMAP_REQ_RWLOCK_ACQUIRED:
      if (thread) detector->rwlock_lock(t, args[1], args[2] != 0);
      break;
    case RACEMAP_REQ_RWLOCK_RELEASING:
      if (thread) detector->rwlock_unlock(t, args[1]);
      break;
    case RACEMAP_REQ_BARRIER_INIT:
      forget_waiters(args[1]);
      detector->barrier_init(args[1], UInt(args[2]));
      break;
    case RACEMAP_REQ_BARRIER_WAIT:
      if (thread) barrier_wait(t, args[1]);
      break;
    default:
      return False;
  }
  return True;
}

}  // namespace

Bool handle_foreign_request(ThreadId vg, UWord* args, UWord* ret) {
  if (VG_IS_TOOL_USERREQ('R', 'M', args[0])) {
    if (args[0] < RACEMAP_REQ_HAPPENS_BEFORE_FORGET_ALL) return False;
    *ret = 0;
    return racemap_request(tid_of(vg), args);
  }
  Bool hg = VG_IS_TOOL_USERREQ('H', 'G', args[0]);
  if (!hg && !VG_IS_TOOL_USERREQ('D', 'R', args[0])) return False;
  Tid t = tid_of(vg);
  UWord r = 0;
  Bool handled = hg ? helgrind_request(vg, t, args, &r) : drd_request(vg, t, args, &r);
  if (handled) *ret = r;
  return handled;
}

Bool in_ignored_range(Addr addr, SizeT size) {
  if (n_ranges == 0) return False;
  UWord i = first_above(addr);
  return i < n_ranges && ranges[i].lo < addr + (size ? size : 1);
}

void ignore_range(Addr a, SizeT len) { add_ignored(a, len); }
void unignore_range(Addr a, SizeT len) { remove_ignored(a, len); }

}  // namespace rm
