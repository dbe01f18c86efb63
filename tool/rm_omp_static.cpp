// rm_omp_static.cpp -- the iterations of a statically scheduled OpenMP
// loop as logical threads.
//
// The iterations of a worksharing loop are unordered with each other
// whichever threads run them: two iterations that touch the same variable,
// one of them writing, race.  A static schedule gives each thread of the
// team one contiguous share, run in program order, so two conflicting
// iterations in one share -- most of them, with two threads -- would look
// ordered.  GCC expands that schedule inline (rm_static_loop.h): no
// runtime call marks an iteration.  So racemap finds the loop in the
// machine code and instruments its header:
//
//  - rm_gomp.c reports each call of omp_get_thread_num that follows one
//    of omp_get_num_threads; the first time from a call site, the code
//    after it is decoded (find_static_loop).  If it is GCC's partition,
//    the headers of its loop and the places that leave it become loop
//    points, which the instrumenter hooks (static_loop_point).
//  - At the header, the thread that passed the partition runs the
//    iteration as one of its pieces: kPieces logical threads, taken in
//    turn, each ordered after what the thread had done when the loop
//    began -- so iterations k apart in one share are checked against each
//    other unless k is a multiple of kPieces.
//  - Leaving the loop (or the construct: static_loop_leave), the thread
//    goes on after all of its pieces.
//  - The thread's private variables -- the outlined loop body's frame --
//    stay the thread's, as for sections (check_access).
//
// The pieces are reused from loop to loop, so a program that runs many
// loops does not run out of logical threads.  As with dynamic chunks, the
// model is OpenMP's, not the run's: a per-thread scratch array indexed by
// omp_get_thread_num() and written in every iteration is reported.
#include "rm_static_loop.h"
#include "rm_tool.h"

extern "C" {
#include "pub_tool_transtab.h"
}

namespace rm {

namespace {

// No more pieces once this many logical threads exist: every vector
// clock has an entry for each.
constexpr u32 kPieceBudget = 1024;

// A call site of omp_get_thread_num, decoded (key: where it returns to).
struct Partition {
  Partition* next;
  UWord key;
  Bool loop;  // GCC's static partition, followed by a loop it could follow
  Bool asks_tid;  // its body calls omp_get_thread_num (thread_num_asked)
  StaticLoop shape;
};

// An address the instrumenter hooks: a loop header or a loop exit.
struct Point {
  Point* next;
  UWord key;
};

VgHashTable* partitions = nullptr;
VgHashTable* points = nullptr;

usize read_code(uptr addr, u8* buf, usize n, void*) {
  usize ok = n;
  while (ok && !VG_(am_is_valid_for_client)(addr, ok, VKI_PROT_READ)) ok--;
  for (usize i = 0; i < ok; i++) buf[i] = reinterpret_cast<const u8*>(addr)[i];
  return ok;
}

Partition* find_partition(UWord after_threads, UWord after_tid) {
  if (!partitions) partitions = VG_(HT_construct)("racemap.partitions");
  if (!points) points = VG_(HT_construct)("racemap.looppoints");
  if (auto* p = static_cast<Partition*>(VG_(HT_lookup)(partitions, after_tid))) return p;
  auto* p = static_cast<Partition*>(VG_(calloc)("racemap.partition", 1, sizeof(Partition)));
  p->key = after_tid;
  p->loop = find_static_loop(after_threads, after_tid, read_code, nullptr, &p->shape);
  VG_(HT_add_node)(partitions, p);
  if (!p->loop) return p;
  auto add_point = [](uptr a) {
    if (VG_(HT_lookup)(points, a)) return;
    auto* pt = static_cast<Point*>(VG_(calloc)("racemap.looppoint", 1, sizeof(Point)));
    pt->key = a;
    VG_(HT_add_node)(points, pt);
    // Code translated before now would miss its hook.
    VG_(discard_translations_safely)(a, 1, "racemap.static_loop");
  };
  for (UInt i = 0; i < p->shape.nheads; i++) add_point(p->shape.heads[i]);
  for (UInt i = 0; i < p->shape.nexits; i++) add_point(p->shape.exits[i]);
  return p;
}

Bool contains(const uptr* a, UInt n, uptr x) {
  for (UInt i = 0; i < n; i++)
    if (a[i] == x) return True;
  return False;
}

// The thread the pieces belong to, whichever of them runs now.
Tid runner_of(Tid t) {
  HostThread* h = host_of(t);
  return h && h->kind == HostThread::kIterations ? h->resume : t;
}

// Ends the runner's pieces: it goes on after all of them.
void finish_pieces(ThreadId vg, Tid runner) {
  HostThread* r = host_of(runner);
  if (!r->static_active) return;
  r->static_active = False;
  run_logical_thread(vg, runner);
  for (UInt k = 0; k < HostThread::kPieces; k++)
    if (r->pieces_used & (1u << k)) detector->join(runner, r->pieces[k]);
  r->pieces_used = 0;
}

// The runner's next iteration runs as its next piece.
void next_iteration(ThreadId vg, Tid runner, Addr sp) {
  HostThread* r = host_of(runner);
  if (!r->static_active) {
    r->static_active = True;
    r->next_piece = 0;
    r->pieces_used = 0;
  }
  UInt k = r->next_piece;
  r->next_piece = (k + 1) % HostThread::kPieces;
  Tid p = r->pieces[k];
  if (p == kNoTid) {
    if (detector->thread_count() >= kPieceBudget) return;  // the current piece goes on
    p = new_logical_thread(vg, VG_(record_ExeContext)(vg, 0), runner, HostThread::kIterations);
    if (p == kNoTid) return;
    r->pieces[k] = p;
    host_of(p)->resume = runner;
  }
  HostThread* h = host_of(p);
  if (!(r->pieces_used & (1u << k))) {
    // Its first iteration of this loop: after what the runner did so far.
    detector->join(p, runner);
    r->pieces_used |= 1u << k;
    // The runner's private variables: the frames from the loop's function
    // (and the red zone below it) up to the region's body, where a
    // function with an orphaned `omp for` finds its caller's.
    const ShadowStack& stack = detector->thread(runner)->stack;
    UInt live = stack.depth() - stack.stale_frames(sp);
    h->private_lo = sp - 128;
    h->private_hi = live ? stack.at(live - 1).sp : sp;
    if (r->region_frame > h->private_hi) h->private_hi = r->region_frame;
    set_piece_tls(vg, h);
    h->created_at = VG_(record_ExeContext)(vg, 0);
    detector->adopt_stack(p, runner, sp);
  }
  run_logical_thread(vg, p);
}

}  // namespace

void set_piece_tls(ThreadId vg, HostThread* h) {
  // x86-64 places the static TLS blocks right below the thread pointer
  // (TLS variant II): the program's own block first, then its libraries'.
  // Their size is not known here; 16 KiB holds the usual ones, and no
  // more than lies between the thread's stack and its thread pointer.
  constexpr Addr kStaticTls = 16 * 1024;
  Addr fs = thread_pointer(vg);
  h->tls_lo = fs > kStaticTls ? fs - kStaticTls : 0;
  h->tls_hi = fs;
  // glibc puts a thread's stack right below its TLS: the stack is not it.
  Addr stack_max = VG_(thread_get_stack_max)(vg);
  if (stack_max < fs && stack_max >= h->tls_lo) h->tls_lo = stack_max + 1;
}

// ---- the heap blocks a thread allocates in a region

namespace {

// The team member whose loop iterations or chunks vg runs now, or that
// runs itself (kNoTid: a task, a section, a single, or no thread).
Tid loop_runner(ThreadId vg) {
  Tid t = tid_of(vg);
  HostThread* h = t == kNoTid ? nullptr : host_of(t);
  if (!h) return kNoTid;
  if (h->kind == HostThread::kThread) return t;
  if (h->kind == HostThread::kIterations || h->kind == HostThread::kChunk) return h->resume;
  return kNoTid;
}

void drop_own(HostThread* r, Addr lo, Addr hi) {
  for (UInt i = 0; i < r->nown;) {
    if (r->own_lo[i] < hi && lo < r->own_hi[i]) {
      r->nown--;
      r->own_lo[i] = r->own_lo[r->nown];
      r->own_hi[i] = r->own_hi[r->nown];
    } else {
      i++;
    }
  }
}

}  // namespace

void region_begin(Tid t, Addr frame) {
  HostThread* h = host_of(t);
  if (!h) return;
  h->regions++;
  h->asked_tid = False;
  h->region_frame = frame;
  h->nown = 0;
}

void region_end(Tid t, Addr outer_frame) {
  HostThread* h = host_of(t);
  if (!h) return;
  if (h->regions) h->regions--;
  h->asked_tid = False;
  h->region_frame = outer_frame;
  h->nown = 0;  // what it allocated may be shared from now on
}

void note_block(ThreadId vg, Addr a, SizeT size) {
  Tid runner = loop_runner(vg);
  HostThread* r = runner == kNoTid ? nullptr : host_of(runner);
  if (!r || !r->regions || size == 0) return;
  drop_own(r, a, a + size);
  UInt i = r->nown < HostThread::kOwnBlocks ? r->nown++ : r->next_own++ % HostThread::kOwnBlocks;
  r->own_lo[i] = a;
  r->own_hi[i] = a + size;
}

void forget_block(ThreadId vg, Addr a) {
  Tid runner = loop_runner(vg);
  if (HostThread* r = runner == kNoTid ? nullptr : host_of(runner)) drop_own(r, a, a + 1);
}

void static_partition(ThreadId vg, Tid t, UWord after_threads, UWord after_tid) {
  HostThread* h = host_of(t);
  // A team member's own share only: not a nested loop inside a piece, a
  // task or a section; and not once the thread asked which it is.
  if (!h || h->kind != HostThread::kThread) return;
  Partition* p = find_partition(after_threads, after_tid);
  h->static_loop = p->loop && !p->asks_tid && !h->asked_tid ? p->key : 0;
}

// A program that asks which thread it is, in a parallel region, may count
// on which iterations each thread runs: `if (omp_get_thread_num() == 0)`
// in the loop body, `sum[tid] += ...` with tid asked before the loop.
// Under the static schedule that is well defined, so from then on the
// thread's shares run in program order: in this region, and in every run
// of a loop whose body asks.
void thread_num_asked(ThreadId vg, Tid t) {
  Tid runner = runner_of(t);
  HostThread* r = host_of(runner);
  if (!r) return;
  r->asked_tid = True;
  if (!r->static_active) return;
  if (auto* p = static_cast<Partition*>(VG_(HT_lookup)(partitions, r->static_loop)))
    p->asks_tid = True;
  finish_pieces(vg, runner);
  r->static_loop = 0;
}

Bool is_static_loop_point(Addr pc) { return points && VG_(HT_lookup)(points, pc) != nullptr; }

void static_loop_point(ThreadId vg, Addr pc, Addr sp) {
  Tid t = tid_of(vg);
  if (t == kNoTid) return;
  Tid runner = runner_of(t);
  HostThread* r = host_of(runner);
  if (!r || r->static_loop == 0) return;
  auto* p = static_cast<Partition*>(VG_(HT_lookup)(partitions, r->static_loop));
  if (!p) return;
  if (contains(p->shape.heads, p->shape.nheads, pc)) {
    next_iteration(vg, runner, sp);
  } else if (contains(p->shape.exits, p->shape.nexits, pc)) {
    // Until the construct ends, the loop may be entered again: the share
    // can be split in several outermost loops (loop versioning).
    finish_pieces(vg, runner);
  }
}

void static_loop_leave(ThreadId vg) {
  Tid t = tid_of(vg);
  if (t == kNoTid) return;
  Tid runner = runner_of(t);
  HostThread* r = host_of(runner);
  if (!r) return;
  finish_pieces(vg, runner);
  r->static_loop = 0;
}

}  // namespace rm
