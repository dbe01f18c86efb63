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
  ULong alt_signals = 0;             // per nested signal: on an alternate stack?
  UInt signal_depth = 0;
};

extern Detector* detector;
// The logical thread running now (kNoTid outside client code), and its
// host data (null outside client code).
extern Tid current;
extern HostThread* current_host;

// Returns the logical thread of a core thread, kNoTid if it has none.
Tid tid_of(ThreadId vg);
HostThread* host_of(Tid t);
// User-facing thread number: the root thread is #1.
inline UInt thread_nr(Tid t) { return t + 1; }

// rm_instrument.cpp
IRSB* instrument(VgCallbackClosure* closure, IRSB* sb, const VexGuestLayout* layout,
                 const VexGuestExtents* vge, const VexArchInfo* archinfo,
                 IRType gWordTy, IRType hWordTy);

// rm_errors.cpp
void register_errors();
// Reports a race of the current thread's access against `prev`, unless that
// pair of code locations was reported already.
void report_race(ThreadId vg, Addr addr, SizeT size, Bool write, Bool atomic,
                 Addr pc, const Conflict& prev);
void print_error_stats();

// rm_syscalls.cpp
void register_syscalls();

// rm_heap.cpp
void register_heap();
// Fills `ai` when addr is inside a live heap block; returns whether it is.
Bool describe_heap_block(Addr addr, AddrInfo* ai);

}  // namespace rm

#endif  // RM_TOOL_H
