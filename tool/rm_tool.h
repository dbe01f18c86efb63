// rm_tool.h -- state shared by the Valgrind-facing parts of racemap.
//
// The engine knows logical threads (Tid); the core knows ThreadIds, which it
// reuses.  The mapping between them lives here, in one place, with what the
// host keeps per logical thread (its creation stack, its pthread_t).
#ifndef RM_TOOL_H
#define RM_TOOL_H

#include "rm_basics.h"
#include "rm_detector.h"

namespace rm {

struct HostThread {
  ExeContext* created_at = nullptr;  // null for the root thread
  ThreadId vg_tid = VG_INVALID_THREADID;  // while it runs
  UWord pthread = 0;                 // its pthread_t, once known
  UInt ignore = 0;                   // nesting of "do not check" requests
  Bool announced = False;            // its announcement was printed
  Addr stack_max = 0;                // highest byte of its stack
  // Inside a language runtime's own bookkeeping (rm_instrument.cpp),
  // entered with this stack pointer (0: not): nothing it or what it calls
  // does is checked or synchronizes.
  Addr runtime_sp = 0;
  ULong alt_signals = 0;             // per nested signal: on an alternate stack?
  UInt signal_depth = 0;
  // OpenMP (rm_omp.cpp): an explicit task runs as a logical thread of its
  // own on the core thread vg_tid; its taskgroups, innermost last.
  enum Kind : UChar { kThread, kTask, kSection, kChunk, kSingle, kIterations };
  Kind kind = kThread;
  Bool final_task = False;           // a final task: what it creates is included
  UWord task_group = 0;              // the taskgroup the task belongs to
  Tid resume = kNoTid;               // a section: the logical thread it interrupted
  UWord done_key = 0;                // a section: released when it ends
  // A section: the stack of the thread's region body, [lo, hi), holds the
  // private variables of the thread that runs it (its implicit task's):
  // accesses there are that thread's, in its program order.
  Addr private_lo = 0, private_hi = 0;
  // Likewise its static TLS block (threadprivate variables, __thread).
  Addr tls_lo = 0, tls_hi = 0;
  static constexpr UInt kMaxGroups = 16;
  UWord groups[kMaxGroups];
  UInt ngroups = 0;
  // A thread of an OpenMP team, running its share of a statically
  // scheduled loop (rm_omp_static.cpp): the loop (0: none), whether its
  // iterations are being run as pieces, and the pieces (kIterations
  // threads, reused from loop to loop), taken in turn.
  static constexpr UInt kPieces = 8;
  UWord static_loop = 0;
  Bool static_active = False;
  Tid pieces[kPieces] = {kNoTid, kNoTid, kNoTid, kNoTid, kNoTid, kNoTid, kNoTid, kNoTid};
  UInt next_piece = 0;
  UInt pieces_used = 0;  // bit k: pieces[k] ran an iteration of this loop
  // The parallel regions the thread is in (nested), and the heap blocks
  // it allocated in the innermost, itself or in its loop pieces: the
  // vector a thread fills in its iterations and merges at the region's
  // end is its own (rm_omp_static.cpp).
  UInt regions = 0;
  Bool asked_tid = False;  // it called omp_get_thread_num in the region
  Addr region_frame = 0;  // the innermost region's frame (RM_REQ_REGION_BEGIN)
  static constexpr UInt kOwnBlocks = 16;
  Addr own_lo[kOwnBlocks], own_hi[kOwnBlocks];
  UInt nown = 0, next_own = 0;
};

extern Detector* detector;
// The logical thread running now (kNoTid outside client code), and its
// host data (null outside client code).
extern Tid current;
extern HostThread* current_host;

// Returns the logical thread of a core thread, kNoTid if it has none.
Tid tid_of(ThreadId vg);
// The thread pointer of core thread vg (%fs base: its pthread_t, above
// its static TLS).
Addr thread_pointer(ThreadId vg);
HostThread* host_of(Tid t);
// Starts a logical thread that core thread vg will run (an OpenMP task or
// section), created at `where`, after everything `parent` did (kNoTid:
// after nothing; the caller says what happens before it).  Returns kNoTid
// if no more can be made.
Tid new_logical_thread(ThreadId vg, ExeContext* where, Tid parent, HostThread::Kind kind);
// Core thread vg runs logical thread t from now on.
void run_logical_thread(ThreadId vg, Tid t);

// rm_omp.cpp
// Handles the OpenMP task requests of rm_gomp.c.
Bool handle_omp_request(ThreadId vg, Tid t, UWord* args, UWord* ret);
// rm_omp_static.cpp
// The program called omp_get_thread_num (RM_REQ_STATIC_PARTITION):
// perhaps to partition a statically scheduled loop.
void static_partition(ThreadId vg, Tid t, UWord after_threads, UWord after_tid);
// Whether code at pc starts an iteration of a known static loop or
// leaves one (the instrumenter calls static_loop_point there).
Bool is_static_loop_point(Addr pc);
void static_loop_point(ThreadId vg, Addr pc, Addr sp);
// Sets h's TLS range to the static TLS block of core thread vg: a piece
// of a thread's work (a section, a loop chunk or iteration) runs on that
// thread and sees its threadprivate variables.
void set_piece_tls(ThreadId vg, HostThread* h);
// Thread t starts or ends its part of a parallel region
// (RM_REQ_REGION_BEGIN/END): `frame` is the region body's frame, below
// which its private variables lie (for END, the enclosing region's).
void region_begin(Tid t, Addr frame);
void region_end(Tid t, Addr outer_frame);
// The program running as t asked omp_get_thread_num (RM_REQ_THREAD_NUM).
void thread_num_asked(ThreadId vg, Tid t);
// Core thread vg allocated or freed the heap block at a.
void note_block(ThreadId vg, Addr a, SizeT size);
// The heap block holding a (a task reduction's per-thread copies, which
// libgomp allocated and every task run by a thread updates in turn) is
// the runtime's business: not checked until it is freed.
void ignore_runtime_block(Addr a);
void forget_block(ThreadId vg, Addr a);
// Whether addr lies in a heap block that `runner` (or one of its loop
// pieces) allocated in its current region: the runner's own memory.
inline Bool in_own_block(const HostThread* runner, Addr addr) {
  for (UInt i = 0; i < runner->nown; i++)
    if (addr >= runner->own_lo[i] && addr < runner->own_hi[i]) return True;
  return False;
}
// The logical thread that an access to addr by thread t (host data h) is
// made as: a piece (a section, a loop's chunk or iterations) touches its
// runner's private variables, TLS and own heap blocks as its runner.
inline Tid accessing_thread(Tid t, const HostThread* h, Addr addr) {
  if (h->kind >= HostThread::kSection &&
      ((addr >= h->private_lo && addr < h->private_hi) || (addr >= h->tls_lo && addr < h->tls_hi) ||
       ((h->kind == HostThread::kChunk || h->kind == HostThread::kIterations) &&
        in_own_block(host_of(h->resume), addr))))
    return h->resume;
  return t;
}
// The thread leaves the worksharing construct it is in: a static loop it
// runs in pieces ends there.
void static_loop_leave(ThreadId vg);
// User-facing thread number: the root thread is #1.
inline UInt thread_nr(Tid t) { return t + 1; }

// rm_instrument.cpp
IRSB* instrument(VgCallbackClosure* closure, IRSB* sb, const VexGuestLayout* layout,
                 const VexGuestExtents* vge, const VexArchInfo* archinfo,
                 IRType gWordTy, IRType hWordTy);
// Returns whether code at `ip` (thread t, stack pointer sp) is the C
// library's or the dynamic linker's own business: code racemap ignores,
// called from code it ignores.  (The generic syscall() called by the
// program is not.)
Bool in_runtime_internals(Tid t, Addr ip, Addr sp);
// Returns whether the code at `a` has its accesses checked: the program's,
// not the C library's internals, a preload library's or the OpenMP
// runtime's.
Bool is_checked_code(Addr a);

// rm_atomics.cpp
// Marks, in atomic[i] for each statement i of sb, the plain loads and
// stores that are atomic ones: kAtomicMov when the debug info or a fence
// says so, kGuessedAcquire for a load taken for an acquire by the shape of
// the code around it alone, kReadOnlyAcquire for one taken for an acquire
// only while its thread does not store to the location
// (Detector::read_only_acquire); 0 for the others.
constexpr UChar kAtomicMov = 1;
constexpr UChar kGuessedAcquire = 2;
constexpr UChar kReadOnlyAcquire = 3;
void find_atomic_movs(const IRSB* sb, UChar* atomic);
// Marks, in marks[i], the loads of atomic read-modify-writes' old values
// (kRmwLoad: part of the RMW, not accesses of their own), and the RMWs
// whose old value the code never reads (kReleaseRmw: `counter.fetch_add(1)`
// with its result dropped, `lock add`), which release but do not acquire.
constexpr UChar kReleaseRmw = 4;
constexpr UChar kRmwLoad = 5;
void find_rmw_loads(const IRSB* sb, UChar* marks);

// Marks, in marks[i], the accesses that are the machine's bookkeeping, not
// the program's data (kBookkeeping): the stores of calls and pushes at the
// new stack pointer, the loads of returns and pops at the old one (return
// addresses and saved registers, the thread's own), and the loads of
// global offset table entries (a PLT stub's jump).
constexpr UChar kBookkeeping = 6;
void find_bookkeeping(const IRSB* sb, Int sp_offset, UChar* marks);

// rm_sources.cpp
// The text of the source line of the instruction at pc (without its
// newline), from the file the debug info names, if it can be read.
Bool source_line(Addr pc, const HChar** text, SizeT* len, const HChar** file, UInt* line);

// rm_errors.cpp
void register_errors();
// Reports a race of the current thread's access against `prev`, unless that
// pair of code locations was reported already.
void report_race(ThreadId vg, Addr addr, SizeT size, Bool write, Bool atomic,
                 Addr pc, const Conflict& prev);
void print_error_stats();

// rm_syscalls.cpp
void register_syscalls();

// rm_annotations.cpp: the client requests of valgrind/helgrind.h and
// valgrind/drd.h.  Returns whether the request was one of theirs that
// racemap models (then *ret is its result).
Bool handle_foreign_request(ThreadId vg, UWord* args, UWord* ret);
// Whether [addr, addr+size) overlaps memory whose races the program said to
// ignore (ANNOTATE_BENIGN_RACE_SIZED, VALGRIND_HG_DISABLE_CHECKING,
// DRD_IGNORE_VAR).
Bool in_ignored_range(Addr addr, SizeT size);
// The same table for memory the runtime owns (rm_heap.cpp): ignored, and
// no longer once the runtime frees it.
void ignore_range(Addr a, SizeT len);
void unignore_range(Addr a, SizeT len);

// rm_heap.cpp
void register_heap();
// Fills `ai` when addr is inside a live heap block; returns whether it is.
Bool describe_heap_block(Addr addr, AddrInfo* ai);

}  // namespace rm

#endif  // RM_TOOL_H
