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
 *    tasks are unordered even when one thread runs both.  The tool learns
 *    of the task when libgomp copies its data in (task_copy, in the
 *    creating thread) and knows it by its data block's address from then
 *    on; taskloop's tasks likewise.  The tool orders the task after its creation, after
 *    the tasks it depends on (depend clauses), and before its parent's
 *    taskwait, the end of its taskgroup, and the next barrier of the team.
 *  - The sections of a sections construct, and the chunks of a loop with
 *    a dynamic or guided schedule, are logical threads too, forked from
 *    the thread that runs each: unordered with each other, whichever
 *    threads run them (under Valgrind one thread often runs them all).
 *  - The body of a single construct is a logical thread that starts from
 *    the team's last barrier, not from what the thread that runs it did
 *    since: any thread of the team might have run it.
 *  - Barriers (explicit, and the implicit ones at the end of worksharing
 *    constructs) acquire the tasks and sections the team has finished.
 *
 * Not wrapped: the GOMP 1.0 parallel_start/parallel_end ABI (GCC 4.9 and
 * later do not emit it), target offloading to devices.
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
  /* sync keys: a task of the team ends (first: the region's address is
   * this key), the team starts, a member ends */
  char tasks, start, end;
  void (*fn)(void*);
  void* data;
};

static __thread struct region* current_region;
/* The frame of the innermost region_body: the thread's private variables
 * of the region (the outlined body's frame) lie below it. */
static __thread void* region_frame;

/* Released by the thread at the start of each region and after each
 * barrier: what the whole team has done by then, where a single construct
 * starts from. */
static __thread char team_point;

/* The section, loop chunk or single construct the thread is running in
 * the innermost region (the tool's id), 0 if none.  It ends when its
 * thread asks for the next one, leaves the construct or the region. */
static __thread W current_section;

static void section_end(void);

static void region_body(void* arg) {
  struct region* r = arg;
  struct region* outer = current_region;
  void* outer_frame = region_frame;
  W outer_section = current_section;
  current_region = r;
  region_frame = __builtin_frame_address(0);
  current_section = 0;
  REQ1(RM_REQ_REGION_BEGIN, region_frame);
  ACQUIRE(&r->start);
  RELEASE(&team_point);
  r->fn(r->data);
  section_end();  /* a single nowait, a loop chunk, ending with the region */
  REQ1(RM_REQ_REGION_END, outer_frame);
  RELEASE(&r->end);
  current_region = outer;
  region_frame = outer_frame;
  current_section = outer_section;
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
  RELEASE(&team_point);
}

/* A wrapper of a barrier or of the end of a worksharing construct, void or
 * returning bool (the _cancel variants): `closes` -- the section, loop
 * chunk or single construct in progress ends first; `waits` -- it is a
 * barrier. */
#define END_V(name, closes, waits)        \
  void GOMP(name)(void);                  \
  void GOMP(name)(void) {                 \
    OrigFn orig;                          \
    VALGRIND_GET_ORIG_FN(orig);           \
    if (closes) section_end();            \
    CALL_FN_v_v(orig);                    \
    if (waits) barrier_done();            \
  }
#define END_B(name, closes)               \
  _Bool GOMP(name)(void);                 \
  _Bool GOMP(name)(void) {                \
    OrigFn orig;                          \
    W ret;                                \
    VALGRIND_GET_ORIG_FN(orig);           \
    if (closes) section_end();            \
    CALL_FN_W_v(ret, orig);               \
    barrier_done();                       \
    return (_Bool)ret;                    \
  }

END_V(GOMP_barrier, 1, 1)
END_B(GOMP_barrier_cancel, 1)

/* ---- sections: each runs as a logical thread of its own ---------------- */

/* Also ends the iterations of a static loop the thread runs as pieces
 * (rm_omp_static.cpp). */
static void section_end(void) {
  REQ1(RM_REQ_SECTION_END, current_section);
  current_section = 0;
}

/* The caller's stack pointer at the call of the wrapper it is used in
 * (the preload keeps frame pointers). */
#define CALLER_SP ((W)__builtin_frame_address(0) + 2 * sizeof(W))

/* caller_sp: the stack pointer of the code that runs the section; its
 * private variables lie between it and the region body's frame.  kind:
 * RM_PIECE_SECTION, _CHUNK or _SINGLE. */
static unsigned piece_begin(unsigned s, W caller_sp, W kind) {
  W id = 0;
  if (s)
    VALGRIND_DO_CLIENT_REQUEST(id, 0, RM_REQ_SECTION_BEGIN,
                               current_region ? (W)&current_region->tasks : 0, region_frame,
                               caller_sp, kind, kind == RM_PIECE_SINGLE ? (W)&team_point : 0);
  current_section = id;
  return s;
}
#define section_begin(s, sp) piece_begin((s), (sp), RM_PIECE_SECTION)

/* ---- teams on the host: each team is a logical thread ------------------
 *
 * Without an offload device (or for `teams` outside `target`), libgomp
 * runs a construct's teams one after the other on the encountering
 * thread: GOMP_teams4 returns true once per team, to a loop in the
 * target region's body; GOMP_teams_reg calls the teams' body once per
 * team.  Under OpenMP's rules the teams run concurrently, so each is a
 * piece of its own, unordered with the others, and the encountering
 * thread continues after all of them.  GOMP_target_ext marks its own
 * frame, above the target region's. */

static __thread char teams_done;

static void teams_end(void) {
  section_end();
  ACQUIRE(&teams_done);
  REQ1(RM_REQ_SYNC_DESTROY, &teams_done);
}

/* A team starts on a frame the previous team left (the loop's, in the
 * target region's body): what that team wrote there was its own, and is
 * forgotten.  The code's variables there are the team's own: a nested
 * parallel region's reduction into them orders with the team, not with
 * the thread that runs the teams. */
static void team_begin(W caller_sp) {
  W id = 0;
  if ((W)region_frame > caller_sp)
    RACEMAP_CLEAN_MEMORY(caller_sp, (W)region_frame - caller_sp);
  VALGRIND_DO_CLIENT_REQUEST(id, 0, RM_REQ_SECTION_BEGIN, (W)&teams_done, 0, caller_sp,
                             RM_PIECE_SECTION, 0);
  current_section = id;
}

void GOMP(GOMP_target_ext)(int device, void (*fn)(void*), W mapnum, void** hostaddrs, W* sizes,
                           unsigned short* kinds, unsigned flags, void** depend, void** args);
void GOMP(GOMP_target_ext)(int device, void (*fn)(void*), W mapnum, void** hostaddrs, W* sizes,
                           unsigned short* kinds, unsigned flags, void** depend, void** args) {
  OrigFn orig;
  W unused;
  void* outer_frame = region_frame;
  VALGRIND_GET_ORIG_FN(orig);
  region_frame = __builtin_frame_address(0);
  CALL_FN_W_9W(unused, orig, device, fn, mapnum, hostaddrs, sizes, kinds, flags, depend, args);
  (void)unused;
  region_frame = outer_frame;
}

_Bool GOMP(GOMP_teams4)(unsigned low, unsigned high, unsigned limit, _Bool first);
_Bool GOMP(GOMP_teams4)(unsigned low, unsigned high, unsigned limit, _Bool first) {
  OrigFn orig;
  W ret;
  VALGRIND_GET_ORIG_FN(orig);
  if (!first) section_end();
  CALL_FN_W_WWWW(ret, orig, low, high, limit, first);
  if ((_Bool)ret) team_begin(CALLER_SP);
  else teams_end();
  return (_Bool)ret;
}

struct teams {
  void (*fn)(void*);
  void* data;
  W caller_sp;
};

static void team_body(void* arg) {
  struct teams* t = arg;
  team_begin(t->caller_sp);
  t->fn(t->data);
  section_end();
}

void GOMP(GOMP_teams_reg)(void (*fn)(void*), void* data, unsigned num_teams, unsigned limit,
                          unsigned flags);
void GOMP(GOMP_teams_reg)(void (*fn)(void*), void* data, unsigned num_teams, unsigned limit,
                          unsigned flags) {
  OrigFn orig;
  struct teams t = {fn, data, CALLER_SP};
  void* outer_frame = region_frame;
  VALGRIND_GET_ORIG_FN(orig);
  region_frame = __builtin_frame_address(0);
  CALL_FN_v_5W(orig, team_body, &t, num_teams, limit, flags);
  region_frame = outer_frame;
  teams_end();
}

/* ---- single: its body is a logical thread, as if any thread ran it ----- */

_Bool GOMP(GOMP_single_start)(void);
_Bool GOMP(GOMP_single_start)(void) {
  OrigFn orig;
  W ret;
  VALGRIND_GET_ORIG_FN(orig);
  section_end();
  CALL_FN_W_v(ret, orig);
  if ((_Bool)ret && current_region) piece_begin(1, CALLER_SP, RM_PIECE_SINGLE);
  return (_Bool)ret;
}

unsigned GOMP(GOMP_sections_start)(unsigned count);
unsigned GOMP(GOMP_sections_start)(unsigned count) {
  OrigFn orig;
  W s;
  VALGRIND_GET_ORIG_FN(orig);
  section_end();
  CALL_FN_W_W(s, orig, count);
  return section_begin((unsigned)s, CALLER_SP);
}

unsigned GOMP(GOMP_sections2_start)(unsigned count, void** reductions, void** mem);
unsigned GOMP(GOMP_sections2_start)(unsigned count, void** reductions, void** mem) {
  OrigFn orig;
  W s;
  VALGRIND_GET_ORIG_FN(orig);
  section_end();
  CALL_FN_W_WWW(s, orig, count, reductions, mem);
  return section_begin((unsigned)s, CALLER_SP);
}

unsigned GOMP(GOMP_sections_next)(void);
unsigned GOMP(GOMP_sections_next)(void) {
  OrigFn orig;
  W s;
  VALGRIND_GET_ORIG_FN(orig);
  section_end();
  CALL_FN_W_v(s, orig);
  return section_begin((unsigned)s, CALLER_SP);
}

END_V(GOMP_sections_end, 1, 1)
END_B(GOMP_sections_end_cancel, 1)
END_V(GOMP_sections_end_nowait, 1, 0)

/* ---- tasks -------------------------------------------------------------- */

/* What the wrappers hand to libgomp as a task's "data": libgomp gives it
 * back to task_copy, in the creating thread, to fill the task's own data
 * block.  The tool then knows the task by that block's address, which
 * libgomp passes to task_body when the task runs. */
struct task_stage {
  /* A detached task's event: libgomp stores the handle in the first word
   * of the data it is given, before the copy; task_copy moves it to the
   * task's block, where the program's code looks for it. */
  void* detach_handle;
  void (*fn)(void*);
  /* A taskloop with a reduction: libgomp reads the reduction's descriptor
   * from the third word of the data it is given (the compiler puts it
   * there), before the copy. */
  void* reductions;
  void* data;
  void (*cpyfn)(void*, void*);
  long size;
  void** depend;
  W undeferred; /* 1: if(0); 2: final */
};

/* Everything the creator did so far, the copy included, happens before
 * the task. */
static void task_copy(void* dst, void* src) {
  struct task_stage* s = src;
  if (s->cpyfn) {
    s->cpyfn(dst, s->data);
  } else {
    const char* from = s->data;
    char* to = dst;
    for (long i = 0; i < s->size; i++) to[i] = from[i];
  }
  if (s->detach_handle) *(void**)dst = s->detach_handle;
  /* A taskloop's tasks find their thread's copy of a reduction variable
   * in the block the descriptor's third word points to, registered by
   * now (see GOMP_task_reduction_remap below). */
  if (s->reductions) REQ1(RM_REQ_REDUCTION_COPY, ((W*)s->reductions)[2]);
  VALGRIND_DO_CLIENT_REQUEST_STMT(RM_REQ_TASK_CREATE, dst, s->fn, s->depend, s->undeferred,
                                  current_region);
  if (s->detach_handle) REQ2(RM_REQ_TASK_DETACH, dst, s->detach_handle);
}

static void task_body(void* arg) {
  struct region* outer = current_region;
  W fn = 0, region = 0;
  VALGRIND_DO_CLIENT_REQUEST(fn, 0, RM_REQ_TASK_BEGIN, arg, 0, 0, 0, 0);
  VALGRIND_DO_CLIENT_REQUEST(region, 0, RM_REQ_TASK_REGION, arg, 0, 0, 0, 0);
  current_region = (struct region*)region;
  if (fn) ((void (*)(void*))fn)(arg);
  REQ1(RM_REQ_TASK_END, arg);
  current_region = outer;
}

#define GOMP_TASK_FLAG_FINAL 2
#define GOMP_TASK_FLAG_DEPEND 8
#define GOMP_TASK_FLAG_NOGROUP 2048
#define GOMP_TASK_FLAG_REDUCTION 4096

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
  s.detach_handle = NULL;
  s.fn = fn;
  s.reductions = NULL;
  s.data = data;
  s.cpyfn = cpyfn;
  s.size = size;
  s.depend = (flags & GOMP_TASK_FLAG_DEPEND) ? depend : NULL;
  /* Outside a parallel region libgomp runs every task at once: the
   * creator is the only thread there is. */
  s.undeferred = (if_clause && current_region ? 0 : 1) | ((flags & GOMP_TASK_FLAG_FINAL) ? 2 : 0);
  CALL_FN_W_10W(unused, orig, task_body, &s, task_copy, size, align, if_clause, flags, depend,
                priority, detach);
  (void)unused;
  /* An undeferred task has finished: the creator continues after it. */
  REQ1(RM_REQ_TASK_CREATED, 0);
}

/* A detached task completes -- its dependent tasks and its waiters go
 * on -- when its event is fulfilled: what the fulfilling thread did
 * happens before them. */
void GOMP(omp_fulfill_event)(W event);
void GOMP(omp_fulfill_event)(W event) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  REQ1(RM_REQ_TASK_FULFILL, event);
  CALL_FN_v_W(orig, event);
}

/* GOMP_taskloop(_ull)(fn, data, cpyfn, size, align, flags, num_tasks,
 * priority, start, end, step): each task of the loop is a task as above
 * (libgomp writes the task's bounds in the first words of its block, after
 * the copy).  Unless nogroup, the construct is a taskgroup, which libgomp
 * opens and closes internally, past the wrappers. */
#define TASKLOOP(name)                                                                       \
  void GOMP(name)(void (*fn)(void*), void* data, void (*cpyfn)(void*, void*), long size,    \
                  long align, unsigned flags, unsigned long num_tasks, int priority, W start, \
                  W end, W step);                                                            \
  void GOMP(name)(void (*fn)(void*), void* data, void (*cpyfn)(void*, void*), long size,    \
                  long align, unsigned flags, unsigned long num_tasks, int priority, W start, \
                  W end, W step) {                                                           \
    OrigFn orig;                                                                             \
    struct task_stage s;                                                                     \
    W unused;                                                                                \
    VALGRIND_GET_ORIG_FN(orig);                                                              \
    s.detach_handle = NULL;                                                                  \
    s.fn = fn;                                                                               \
    s.reductions = (flags & GOMP_TASK_FLAG_REDUCTION) ? ((void**)data)[2] : NULL;            \
    s.data = data;                                                                           \
    s.cpyfn = cpyfn;                                                                         \
    s.size = size;                                                                           \
    s.depend = NULL;                                                                         \
    s.undeferred = (current_region ? 0 : 1) | ((flags & GOMP_TASK_FLAG_FINAL) ? 2 : 0);      \
    if (!(flags & GOMP_TASK_FLAG_NOGROUP)) REQ1(RM_REQ_TASKGROUP_START, 0);                  \
    CALL_FN_W_11W(unused, orig, task_body, &s, task_copy, size, align, flags, num_tasks,     \
                  priority, start, end, step);                                               \
    (void)unused;                                                                            \
    REQ1(RM_REQ_TASK_CREATED, 0);                                                            \
    if (!(flags & GOMP_TASK_FLAG_NOGROUP)) REQ1(RM_REQ_TASKGROUP_END, 0);                    \
  }

TASKLOOP(GOMP_taskloop)
TASKLOOP(GOMP_taskloop_ull)

/* A task reduction (task_reduction, in_reduction, a taskloop's reduction):
 * libgomp gives each thread its own copy of the variable, in a block it
 * allocated, and every task that thread runs updates that copy in turn,
 * with no scheduling point in between.  The tasks are unordered logical
 * threads, so the copies are left to the runtime. */
void GOMP(GOMP_task_reduction_remap)(W cnt, W cntorig, void** ptrs);
void GOMP(GOMP_task_reduction_remap)(W cnt, W cntorig, void** ptrs) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  CALL_FN_v_WWW(orig, cnt, cntorig, ptrs);
  for (W i = 0; i < cnt; i++) REQ1(RM_REQ_REDUCTION_COPY, ptrs[i]);
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

/* ---- loop chunks of dynamic and guided schedules -------------------------
 *
 * Each chunk a thread takes is a logical thread of its own, like a
 * section: chunks are unordered with each other whichever threads take
 * them (under Valgrind one thread often takes them all), and the thread's
 * private variables stay its own.  Static schedules are left alone: their
 * chunks go to fixed threads, in program order. */

#define CHUNK_BEGIN(ok) piece_begin((unsigned)(ok), CALLER_SP, RM_PIECE_CHUNK)

#define LOOP_START6(name)                                                                   \
  _Bool GOMP(name)(long start, long end, long incr, long chunk, long* istart, long* iend); \
  _Bool GOMP(name)(long start, long end, long incr, long chunk, long* istart, long* iend) {  \
    OrigFn orig;                                                                            \
    W ok;                                                                                   \
    VALGRIND_GET_ORIG_FN(orig);                                                             \
    section_end();                                                                          \
    CALL_FN_W_6W(ok, orig, start, end, incr, chunk, istart, iend);                          \
    return CHUNK_BEGIN(ok);                                                                 \
  }
#define LOOP_NEXT2(name)                          \
  _Bool GOMP(name)(void* istart, void* iend);     \
  _Bool GOMP(name)(void* istart, void* iend) {    \
    OrigFn orig;                                  \
    W ok;                                         \
    VALGRIND_GET_ORIG_FN(orig);                   \
    section_end();                                \
    CALL_FN_W_WW(ok, orig, istart, iend);         \
    return CHUNK_BEGIN(ok);                       \
  }
#define LOOP_ULL_START7(name)                                                                \
  _Bool GOMP(name)(_Bool up, W start, W end, W incr, W chunk, W* istart, W* iend);          \
  _Bool GOMP(name)(_Bool up, W start, W end, W incr, W chunk, W* istart, W* iend) {         \
    OrigFn orig;                                                                             \
    W ok;                                                                                    \
    VALGRIND_GET_ORIG_FN(orig);                                                              \
    section_end();                                                                           \
    CALL_FN_W_7W(ok, orig, up, start, end, incr, chunk, istart, iend);                       \
    return CHUNK_BEGIN(ok);                                                                  \
  }

LOOP_START6(GOMP_loop_dynamic_start)
LOOP_START6(GOMP_loop_guided_start)
LOOP_START6(GOMP_loop_nonmonotonic_dynamic_start)
LOOP_START6(GOMP_loop_nonmonotonic_guided_start)
LOOP_NEXT2(GOMP_loop_dynamic_next)
LOOP_NEXT2(GOMP_loop_guided_next)
LOOP_NEXT2(GOMP_loop_nonmonotonic_dynamic_next)
LOOP_NEXT2(GOMP_loop_nonmonotonic_guided_next)
LOOP_ULL_START7(GOMP_loop_ull_dynamic_start)
LOOP_ULL_START7(GOMP_loop_ull_guided_start)
LOOP_ULL_START7(GOMP_loop_ull_nonmonotonic_dynamic_start)
LOOP_ULL_START7(GOMP_loop_ull_nonmonotonic_guided_start)
LOOP_NEXT2(GOMP_loop_ull_dynamic_next)
LOOP_NEXT2(GOMP_loop_ull_guided_next)
LOOP_NEXT2(GOMP_loop_ull_nonmonotonic_dynamic_next)
LOOP_NEXT2(GOMP_loop_ull_nonmonotonic_guided_next)

/* The end of a worksharing loop: the chunk in progress ends first. */
END_V(GOMP_loop_end, 1, 1)
END_B(GOMP_loop_end_cancel, 1)
END_V(GOMP_loop_end_nowait, 1, 0)

/* ---- static schedules ----------------------------------------------------
 *
 * GCC expands a loop with the static schedule inline: it calls
 * omp_get_num_threads, then omp_get_thread_num, and divides.  The tool is
 * told where the second call returns to when it follows the first
 * closely, and looks there for the loop (rm_omp_static.cpp); of any
 * other call, that the program asked which thread it is. */

static __thread W after_num_threads;

int GOMP(omp_get_num_threads)(void);
int GOMP(omp_get_num_threads)(void) {
  OrigFn orig;
  W ret;
  VALGRIND_GET_ORIG_FN(orig);
  CALL_FN_W_v(ret, orig);
  after_num_threads = (W)__builtin_return_address(0);
  return (int)ret;
}

int GOMP(omp_get_thread_num)(void);
int GOMP(omp_get_thread_num)(void) {
  OrigFn orig;
  W ret, after = (W)__builtin_return_address(0);
  VALGRIND_GET_ORIG_FN(orig);
  CALL_FN_W_v(ret, orig);
  if (after > after_num_threads && after - after_num_threads <= 32)
    REQ2(RM_REQ_STATIC_PARTITION, after_num_threads, after);
  else
    REQ1(RM_REQ_THREAD_NUM, 0);
  after_num_threads = 0;
  return (int)ret;
}

/* ---- doacross loops: ordered(n) with depend(source) / depend(sink) ------
 *
 * An iteration's depend(source) releases, a depend(sink) on it acquires,
 * once the wait returns.  The key is the iteration's first (outermost)
 * logical index: with ordered(n > 1) a wait then acquires what the whole
 * row posted so far, which can hide a race but never make one up.
 * GOMP_doacross_wait is variadic (one index per dimension): the wrapper
 * passes six on, the most a call gives in registers. */

#define DOACROSS_KEY(i) ((W)0xffc0000000000000ull + (((W)(i) & 0xffffffffffffull) << 3))

void GOMP(GOMP_doacross_post)(long* counts);
void GOMP(GOMP_doacross_post)(long* counts) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  RELEASE(DOACROSS_KEY(counts[0]));
  CALL_FN_v_W(orig, (W)counts);
}
void GOMP(GOMP_doacross_ull_post)(unsigned long long* counts);
void GOMP(GOMP_doacross_ull_post)(unsigned long long* counts) {
  OrigFn orig;
  VALGRIND_GET_ORIG_FN(orig);
  RELEASE(DOACROSS_KEY(counts[0]));
  CALL_FN_v_W(orig, (W)counts);
}

#define DOACROSS_WAIT(name, type)                                               \
  void GOMP(name)(type first, W a1, W a2, W a3, W a4, W a5);                    \
  void GOMP(name)(type first, W a1, W a2, W a3, W a4, W a5) {                   \
    OrigFn orig;                                                                \
    VALGRIND_GET_ORIG_FN(orig);                                                 \
    CALL_FN_v_6W(orig, (W)first, a1, a2, a3, a4, a5);                           \
    ACQUIRE(DOACROSS_KEY(first));                                               \
  }
DOACROSS_WAIT(GOMP_doacross_wait, long)
DOACROSS_WAIT(GOMP_doacross_ull_wait, unsigned long long)

/* ---- critical sections and locks: held or not ---------------------------
 *
 * libgomp's atomics already order the threads that take them.  The tool
 * is told whether the thread holds one: a flag tested inside a critical
 * section is the section's data, not a wait on another thread
 * (Detector::access).  And it is told where the taking and the giving
 * back begin and end: a section with nothing in it orders nothing
 * (Detector::lock_begin). */

#define HELD(step, lock) REQ2(RM_REQ_LOCK_HELD, (step), (W)(lock))

/* The keys of libgomp's two unnamed locks. */
static char critical_key, atomic_key;

/* A wrapper that takes (`taken` 1) or gives back (0) a critical section or
 * lock: with no argument (the lock is `key`) or with the lock's. */
#define HOLD0(name, taken, key)                            \
  void GOMP(name)(void);                                   \
  void GOMP(name)(void) {                                  \
    OrigFn orig;                                           \
    VALGRIND_GET_ORIG_FN(orig);                            \
    HELD((taken) ? RM_LOCK_TAKING : RM_LOCK_DROPPING, key); \
    CALL_FN_v_v(orig);                                     \
    HELD((taken) ? RM_LOCK_TAKEN : RM_LOCK_DROPPED, key);  \
  }
#define HOLD1(name, taken)                                 \
  void GOMP(name)(void* l);                                \
  void GOMP(name)(void* l) {                               \
    OrigFn orig;                                           \
    VALGRIND_GET_ORIG_FN(orig);                            \
    HELD((taken) ? RM_LOCK_TAKING : RM_LOCK_DROPPING, l);  \
    CALL_FN_v_W(orig, (W)l);                               \
    HELD((taken) ? RM_LOCK_TAKEN : RM_LOCK_DROPPED, l);    \
  }
/* omp_test_lock: 1 when taken; omp_test_nest_lock: the new nesting
 * count, 0 when not taken. */
#define TRY1(name)                   \
  int GOMP(name)(void* l);           \
  int GOMP(name)(void* l) {          \
    OrigFn orig;                     \
    W ret;                           \
    VALGRIND_GET_ORIG_FN(orig);      \
    CALL_FN_W_W(ret, orig, (W)l);    \
    if ((int)ret > 0) HELD(RM_LOCK_TAKEN, l); \
    return (int)ret;                 \
  }

HOLD0(GOMP_critical_start, 1, &critical_key)
HOLD0(GOMP_critical_end, 0, &critical_key)
HOLD1(GOMP_critical_name_start, 1)
HOLD1(GOMP_critical_name_end, 0)
HOLD0(GOMP_atomic_start, 1, &atomic_key)
HOLD0(GOMP_atomic_end, 0, &atomic_key)
HOLD1(omp_set_lock, 1)
HOLD1(omp_unset_lock, 0)
TRY1(omp_test_lock)
HOLD1(omp_set_nest_lock, 1)
HOLD1(omp_unset_nest_lock, 0)
TRY1(omp_test_nest_lock)
