/* rm_gomp.c -- racemap's preload wrappers around GCC's OpenMP runtime
 * (libgomp).
 *
 * libgomp's own locks, barriers and queues are atomics and futexes, which
 * racemap understands as such (libgomp is "sync-only" code: it orders
 * threads, it is not checked).  What those cannot say is where the
 * program's tasks begin and end, and which region a thread is in.  So:
 *
 *  - A parallel region: the encountering thread releases before the team
 *    starts; each member acquires before running the region's body, and
 *    releases after it; the encountering thread acquires all of them when
 *    the region ends.  The body is run through a trampoline that records
 *    the region in a thread-local variable (for the barriers and tasks
 *    below).
 *  - A task (GOMP_task) is a logical thread of its own, whichever thread
 *    of the team runs it, as the OpenMP memory model has it: two sibling
 *    tasks are unordered even when one thread runs both.  The task's data
 *    block gets a header, written when libgomp copies the data in (by the
 *    creating thread), which carries the task's number to the trampoline
 *    that runs it.  The tool orders the task after its creation, after
 *    the tasks it depends on (depend clauses), and before its parent's
 *    taskwait, the end of its taskgroup, and the next barrier of the team.
 *  - Barriers (explicit, and the implicit ones at the end of worksharing
 *    constructs) acquire the tasks the team has finished.
 *
 * Not wrapped: taskloop (its tasks run as part of the threads that run
 * them), the GOMP 1.0 parallel_start/parallel_end ABI (GCC 4.9 and later
 * do not emit it), target offloading to devices.
 */
#include <stddef.h>

#include "valgrind.h"
#include "pub_tool_redir.h"
#include "rm_requests.h"

typedef unsigned long W;
#define REQ1(r, a) VALGRIND_DO_CLIENT_REQUEST_STMT((r), (a), 0, 0, 0, 0)
#define REQ2(r, a, b) VALGRIND_DO_CLIENT_REQUEST_STMT((r), (a), (b), 0, 0, 0)
#define RELEASE(k) REQ1(RACEMAP_REQ_HAPPENS_BEFORE, (W)(k))
#define ACQUIRE(k) REQ1(RACEMAP_REQ_HAPPENS_AFTER, (W)(k))

/* libgomp.so.1, Z-encoded */
#define GOMP(name) I_WRAP_SONAME_FNNAME_ZU(libgompZdsoZd1, name)

/* ---- parallel regions --------------------------------------------------- */

struct region {
  void (*fn)(void*);
  void* data;
  /* sync keys: the team starts, a member ends, a task of the team ends */
  char start, end, tasks;
};

static __thread struct region* current_region;

static void region_body(void* arg) {
  struct region* r = arg;
  struct region* outer = current_region;
  current_region = r;
  ACQUIRE(&r->start);
  r->fn(r->data);
  RELEASE(&r->end);
  current_region = outer;
}

static void region_begin(struct region* r, void (*fn)(void*), void* data) {
  r->fn = fn;
  r->data = data;
  RELEASE(&r->start);
}

static void region_end(struct region* r) {
  ACQUIRE(&r->end);
  ACQUIRE(&r->tasks);
  REQ1(RM_REQ_SYNC_DESTROY, &r->start);
  REQ1(RM_REQ_SYNC_DESTROY, &r->end);
  REQ1(RM_REQ_SYNC_DESTROY, &r->tasks);
}

void GOMP(GOMP_parallel)(void (*fn)(void*), void* data, unsigned n, unsigned flags);
void GOMP(GOMP_parallel)(void (*fn)(void*), void* data, unsigned n, unsigned flags) {
  OrigFn orig;
  struct region r;
  W unused;
  VALGRIND_GET_ORIG_FN(orig);
  region_begin(&r, fn, data);
  CALL_FN_W_WWWW(unused, orig, region_body, &r, n, flags);
  (void)unused;
  region_end(&r);
}

unsigned GOMP(GOMP_parallel_reductions)(void (*fn)(void*), void* data, unsigned n, unsigned flags);
unsigned GOMP(GOMP_parallel_reductions)(void (*fn)(void*), void* data, unsigned n, unsigned flags) {
  OrigFn orig;
  struct region r;
  W ret;
  VALGRIND_GET_ORIG_FN(orig);
  region_begin(&r, fn, data);
  CALL_FN_W_WWWW(ret, orig, region_body, &r, n, flags);
  region_end(&r);
  return (unsigned)ret;
}

void GOMP(GOMP_parallel_sections)(void (*fn)(void*), void* data, unsigned n, unsigned count,
                                  unsigned flags);
void GOMP(GOMP_parallel_sections)(void (*fn)(void*), void* data, unsigned n, unsigned count,
                                  unsigned flags) {
  OrigFn orig;
  struct region r;
  VALGRIND_GET_ORIG_FN(orig);
  region_begin(&r, fn, data);
  CALL_FN_v_5W(orig, region_body, &r, n, count, flags);
  region_end(&r);
}

/* GOMP_parallel_loop_<schedule>(fn, data, n, start, end, incr, chunk, flags) */
#define PARALLEL_LOOP8(name)                                                            \
  void GOMP(name)(void (*fn)(void*), void* data, unsigned n, long start, long end,     \
                  long incr, long chunk, unsigned flags);                               \
  void GOMP(name)(void (*fn)(void*), void* data, unsigned n, long start, long end,     \
                  long incr, long chunk, unsigned flags) {                              \
    OrigFn orig;                                                                        \
    struct region r;                                                                    \
    W unused;                                                                           \
    VALGRIND_GET_ORIG_FN(orig);                                                         \
    region_begin(&r, fn, data);                                                         \
    CALL_FN_W_8W(unused, orig, region_body, &r, n, start, end, incr, chunk, flags);     \
    (void)unused;                                                                       \
    region_end(&r);                                                                     \
  }
/* GOMP_parallel_loop_<runtime schedule>(fn, data, n, start, end, incr, flags) */
#define PARALLEL_LOOP7(name)                                                            \
  void GOMP(name)(void (*fn)(void*), void* data, unsigned n, long start, long end,     \
                  long incr, unsigned flags);                                           \
  void GOMP(name)(void (*fn)(void*), void* data, unsigned n, long start, long end,     \
                  long incr, unsigned flags) {                                          \
    OrigFn orig;                                                                        \
    struct region r;                                                                    \
    VALGRIND_GET_ORIG_FN(orig);                                                         \
    region_begin(&r, fn, data);                                                         \
    CALL_FN_v_7W(orig, region_body, &r, n, start, end, incr, flags);                    \
    region_end(&r);                                                                     \
  }

PARALLEL_LOOP8(GOMP_parallel_loop_static)
PARALLEL_LOOP8(GOMP_parallel_loop_dynamic)
PARALLEL_LOOP8(GOMP_parallel_loop_guided)
PARALLEL_LOOP8(GOMP_parallel_loop_nonmonotonic_dynamic)
PARALLEL_LOOP8(GOMP_parallel_loop_nonmonotonic_guided)
PARALLEL_LOOP7(GOMP_parallel_loop_runtime)
PARALLEL_LOOP7(GOMP_parallel_loop_nonmonotonic_runtime)
PARALLEL_LOOP7(GOMP_parallel_loop_maybe_nonmonotonic_runtime)

/* ---- barriers: the team's finished tasks are ordered before them ------- */

static void barrier_done(void) {
  if (current_region) ACQUIRE(&current_region->tasks);
}

#define BARRIER_V(name)                  \
  void GOMP(name)(void);                 \
  void GOMP(name)(void) {                \
    OrigFn orig;                         \
    VALGRIND_GET_ORIG_FN(orig);          \
    CALL_FN_v_v(orig);                   \
    barrier_done();                      \
  }
#define BARRIER_B(name)                  \
  _Bool GOMP(name)(void);                \
  _Bool GOMP(name)(void) {               \
    OrigFn orig;                         \
    W ret;                               \
    VALGRIND_GET_ORIG_FN(orig);          \
    CALL_FN_W_v(ret, orig);              \
    barrier_done();                      \
    return (_Bool)ret;                   \
  }

BARRIER_V(GOMP_barrier)
BARRIER_V(GOMP_loop_end)
BARRIER_V(GOMP_sections_end)
BARRIER_B(GOMP_barrier_cancel)
BARRIER_B(GOMP_loop_end_cancel)
BARRIER_B(GOMP_sections_end_cancel)

/* ---- tasks -------------------------------------------------------------- */

/* The header racemap puts in front of a task's data block. */
struct task_header {
  void (*fn)(void*);
  W payload;  /* offset of the program's data block */
  W id;       /* the task's number, for the tool */
  struct region* region;
};

/* What GOMP_task's wrapper hands to task_copy (as the task's "data"). */
struct task_stage {
  void* data;
  void (*cpyfn)(void*, void*);
  long size;
  void** depend;
  struct task_header header;
};

static W next_task_id = 1;

/* Runs in the creating thread, inside GOMP_task, when libgomp copies the
 * task's data in: everything the creator did so far, the copy included,
 * happens before the task. */
static void task_copy(void* dst, void* src) {
  struct task_stage* s = src;
  char* to = (char*)dst + s->header.payload;
  *(struct task_header*)dst = s->header;
  if (s->cpyfn) {
    s->cpyfn(to, s->data);
  } else {
    const char* from = s->data;
    for (long i = 0; i < s->size; i++) to[i] = from[i];
  }
  REQ2(RM_REQ_TASK_CREATE, s->header.id, (W)s->depend);
}

static void task_body(void* arg) {
  struct task_header* h = arg;
  struct region* outer = current_region;
  current_region = h->region;
  REQ1(RM_REQ_TASK_BEGIN, h->id);
  h->fn((char*)arg + h->payload);
  if (h->region) RELEASE(&h->region->tasks);
  REQ1(RM_REQ_TASK_END, h->id);
  current_region = outer;
}

#define GOMP_TASK_FLAG_DEPEND 8

void GOMP(GOMP_task)(void (*fn)(void*), void* data, void (*cpyfn)(void*, void*), long size,
                     long align, _Bool if_clause, unsigned flags, void** depend, int priority,
                     void* detach);
void GOMP(GOMP_task)(void (*fn)(void*), void* data, void (*cpyfn)(void*, void*), long size,
                     long align, _Bool if_clause, unsigned flags, void** depend, int priority,
                     void* detach) {
  OrigFn orig;
  struct task_stage s;
  W unused;
  VALGRIND_GET_ORIG_FN(orig);
  if (align < (long)sizeof(W)) align = sizeof(W);
  s.data = data;
  s.cpyfn = cpyfn;
  s.size = size;
  s.depend = (flags & GOMP_TASK_FLAG_DEPEND) ? depend : NULL;
  s.header.fn = fn;
  s.header.payload = (sizeof(struct task_header) + align - 1) / align * align;
  s.header.id = __atomic_fetch_add(&next_task_id, 1, __ATOMIC_RELAXED);
  s.header.region = current_region;
  CALL_FN_W_10W(unused, orig, task_body, &s, task_copy, (long)s.header.payload + size, align,
                if_clause, flags, depend, priority, detach);
  (void)unused;
  /* An undeferred task has finished: the creator continues after it. */
  REQ1(RM_REQ_TASK_CREATED, s.header.id);
}

void GOMP(GOMP_taskwait)(void);
void GOMP(GOMP_taskwait)(void) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  CALL_FN_v_v(orig);
  REQ1(RM_REQ_TASKWAIT, 0);
}

void GOMP(GOMP_taskwait_depend)(void** depend);
void GOMP(GOMP_taskwait_depend)(void** depend) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  CALL_FN_v_W(orig, depend);
  REQ1(RM_REQ_TASKWAIT_DEPEND, (W)depend);
}

void GOMP(GOMP_taskgroup_start)(void);
void GOMP(GOMP_taskgroup_start)(void) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  REQ1(RM_REQ_TASKGROUP_START, 0);
  CALL_FN_v_v(orig);
}

void GOMP(GOMP_taskgroup_end)(void);
void GOMP(GOMP_taskgroup_end)(void) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  CALL_FN_v_v(orig);
  REQ1(RM_REQ_TASKGROUP_END, 0);
}
