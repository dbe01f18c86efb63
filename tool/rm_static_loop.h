// rm_static_loop.h -- finding the iterations of a statically scheduled
// OpenMP loop in the machine code GCC made of it.
//
// GCC expands `#pragma omp for` with the default (static, no chunk)
// schedule inline, with no runtime call per chunk or iteration:
//
//     nthreads = omp_get_num_threads();
//     tid = omp_get_thread_num();
//     q = n / nthreads;  r = n % nthreads;        -- idiv (div if unsigned)
//     if (tid < r) { r = 0; q++; }                -- an out-of-line block
//     start = q * tid + r;  end = start + q;
//     if (start >= end) goto done;                -- the guard
//     for (i = start; i < end; i++) body;         -- the loop
//   done:
//
// Given where omp_get_thread_num returns to, find_static_loop checks that
// the code there has this shape, then builds the control-flow graph of
// what follows the guard, up to `done`, and finds its outermost loops:
// their headers run once per iteration, and the edges that leave them
// end the thread's share of the loop.  A body the decoder cannot follow
// (a jump through a table) gives no answer rather than a wrong one.
//
// No Valgrind calls: unit-tested natively.
#ifndef RM_STATIC_LOOP_H
#define RM_STATIC_LOOP_H

#include "rm_platform.h"

namespace rm {

// Copies up to n bytes of the program's code at addr into buf; returns
// how many it could (0 where nothing is mapped).
typedef usize (*CodeReader)(uptr addr, u8* buf, usize n, void* ctx);

struct StaticLoop {
  static constexpr u32 kMaxPoints = 16;
  uptr heads[kMaxPoints];  // the headers of the outermost loops
  u32 nheads = 0;
  uptr exits[kMaxPoints];  // where control goes when it leaves them
  u32 nexits = 0;
};

// `after_threads`: where the program's call to omp_get_num_threads
// returned to; `after_tid`: where its call to omp_get_thread_num returns
// to.  Returns false when the code is not GCC's static schedule, or the
// loop cannot be followed.
bool find_static_loop(uptr after_threads, uptr after_tid, CodeReader read, void* ctx,
                      StaticLoop* out);

}  // namespace rm

#endif  // RM_STATIC_LOOP_H
