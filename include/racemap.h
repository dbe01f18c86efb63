/* racemap.h -- annotations for programs checked by racemap.
 *
 * Include this header (it needs valgrind.h, installed with Valgrind) to
 * tell racemap about synchronization it cannot see, or about code whose
 * races you have accepted.  Outside Valgrind every macro costs a few
 * instructions and does nothing.
 *
 *   RACEMAP_HAPPENS_BEFORE(addr)  everything this thread did so far ...
 *   RACEMAP_HAPPENS_AFTER(addr)   ... happens before what this thread does
 *                                 next, if that thread's HAPPENS_BEFORE on
 *                                 the same addr came first.
 *   RACEMAP_HAPPENS_BEFORE_FORGET_ALL(addr)
 *                                 forget the orderings published on addr
 *                                 (it is about to be reused).
 *   RACEMAP_IGNORE_BEGIN()        accesses of this thread are not checked
 *   RACEMAP_IGNORE_END()          until the matching END (they nest).
 *
 *   RACEMAP_BENIGN_RACE(addr, size)   races on these bytes are accepted:
 *                                 never reported (until ENABLE_CHECKING).
 *   RACEMAP_DISABLE_CHECKING(addr, size)  the same.
 *   RACEMAP_ENABLE_CHECKING(addr, size)   check them again, as new memory.
 *   RACEMAP_CLEAN_MEMORY(addr, size)  the bytes are new (a custom
 *                                 allocator handed them out again): forget
 *                                 who accessed them.
 *
 *   Synchronization objects racemap cannot see (a lock or barrier built
 *   on something else than pthreads, futexes and atomics):
 *   RACEMAP_MUTEX_LOCKED(m)       after the lock at m was acquired
 *   RACEMAP_MUTEX_UNLOCKING(m)    before it is released
 *   RACEMAP_RWLOCK_ACQUIRED(l, is_write)  after l was taken for reading
 *                                 (is_write 0) or writing (1)
 *   RACEMAP_RWLOCK_RELEASING(l)   before it is released
 *   RACEMAP_BARRIER_INIT(b, count)    a barrier of `count` threads
 *   RACEMAP_BARRIER_WAIT(b)       before a thread waits at it
 *
 * These are the capabilities of helgrind.h's and drd.h's annotations,
 * which racemap honours too (docs/manual.md).
 *
 * This file is free software under the GNU GPL, version 2 or later; like
 * valgrind.h, you may also use it under a BSD-style licence in your own
 * programs.
 */
#ifndef RACEMAP_H
#define RACEMAP_H

#include <valgrind/valgrind.h>

/* The request numbers (racemap's own wrappers use lower ones). */
enum {
  RACEMAP_REQ_HAPPENS_BEFORE = VG_USERREQ_TOOL_BASE('R', 'M') + 0x100,
  RACEMAP_REQ_HAPPENS_AFTER,
  RACEMAP_REQ_IGNORE_BEGIN,
  RACEMAP_REQ_IGNORE_END,
  RACEMAP_REQ_HAPPENS_BEFORE_FORGET_ALL,
  RACEMAP_REQ_DISABLE_CHECKING,
  RACEMAP_REQ_ENABLE_CHECKING,
  RACEMAP_REQ_CLEAN_MEMORY,
  RACEMAP_REQ_MUTEX_LOCKED,
  RACEMAP_REQ_MUTEX_UNLOCKING,
  RACEMAP_REQ_RWLOCK_ACQUIRED,
  RACEMAP_REQ_RWLOCK_RELEASING,
  RACEMAP_REQ_BARRIER_INIT,
  RACEMAP_REQ_BARRIER_WAIT
};

#define RACEMAP_HAPPENS_BEFORE(addr) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_HAPPENS_BEFORE, (addr), 0, 0, 0, 0)
#define RACEMAP_HAPPENS_AFTER(addr) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_HAPPENS_AFTER, (addr), 0, 0, 0, 0)
#define RACEMAP_IGNORE_BEGIN() \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_IGNORE_BEGIN, 0, 0, 0, 0, 0)
#define RACEMAP_IGNORE_END() \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_IGNORE_END, 0, 0, 0, 0, 0)
#define RACEMAP_HAPPENS_BEFORE_FORGET_ALL(addr) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_HAPPENS_BEFORE_FORGET_ALL, (addr), 0, 0, 0, 0)
#define RACEMAP_DISABLE_CHECKING(addr, size) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_DISABLE_CHECKING, (addr), (size), 0, 0, 0)
#define RACEMAP_BENIGN_RACE(addr, size) RACEMAP_DISABLE_CHECKING(addr, size)
#define RACEMAP_ENABLE_CHECKING(addr, size) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_ENABLE_CHECKING, (addr), (size), 0, 0, 0)
#define RACEMAP_CLEAN_MEMORY(addr, size) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_CLEAN_MEMORY, (addr), (size), 0, 0, 0)
#define RACEMAP_MUTEX_LOCKED(m) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_MUTEX_LOCKED, (m), 0, 0, 0, 0)
#define RACEMAP_MUTEX_UNLOCKING(m) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_MUTEX_UNLOCKING, (m), 0, 0, 0, 0)
#define RACEMAP_RWLOCK_ACQUIRED(l, is_write) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_RWLOCK_ACQUIRED, (l), (is_write), 0, 0, 0)
#define RACEMAP_RWLOCK_RELEASING(l) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_RWLOCK_RELEASING, (l), 0, 0, 0, 0)
#define RACEMAP_BARRIER_INIT(b, count) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_BARRIER_INIT, (b), (count), 0, 0, 0)
#define RACEMAP_BARRIER_WAIT(b) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_BARRIER_WAIT, (b), 0, 0, 0, 0)

#endif
