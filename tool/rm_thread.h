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

struct ThreadState {
  Tid tid = 0;
  Tid parent = 0;            // kNoTid for the root thread
  Clock last_release = 0;
  VectorClock vc;            // vc[tid] is brought up to date at each release
  ShadowStack stack;
  History history;
  bool finished = false;
  void* host = nullptr;      // the host's per-thread data (creation stack...)

  Clock clock() const { return history.last(); }
};

constexpr Tid kNoTid = 0xffffffffu;

}  // namespace rm

#endif  // RM_THREAD_H
