// rm_omp.cpp -- OpenMP tasks as logical threads.
//
// rm_gomp.c (the preload side) says when a task's data has been copied
// in (its creation; the task is known by its data block's address from
// then on), when it starts and ends, and when the program waits for
// tasks.  Here a task becomes a
// logical thread of its own, run by whichever core thread runs it; the
// core thread goes back to its own logical thread when the task ends.  The
// orderings are OpenMP's:
//   creation -> task start
//   a task with depend(out/inout: x) -> later sibling tasks naming x
//   a task with depend(in: x)        -> later sibling out/inout tasks on x
//   task end -> its parent's taskwait, the end of its taskgroup, the
//               team's next barrier (rm_gomp.c), and, for an undeferred
//               task (if(0), final), its creator's next statement.
// Two tasks without such a path are unordered, even when one core thread
// runs both one after the other.  Likewise the sections of a sections
// construct (section_begin).
//
// Each ordering is a sync object in an address range no program uses.
#include "rm_requests.h"
#include "rm_tool.h"

namespace rm {

namespace {

constexpr uptr kTaskKeys = uptr(0xffe0) << 48;      // task created, task done
constexpr uptr kChildrenKeys = uptr(0xffe1) << 48;  // a logical thread's children done
constexpr uptr kGroupKeys = uptr(0xffe2) << 48;     // a taskgroup's tasks done
constexpr uptr kDepKeys = uptr(0xffd0) << 48;       // depend clauses on an address

uptr created_key(UWord id) { return kTaskKeys + (id & ((uptr(1) << 47) - 1)) * 2; }
uptr done_key(UWord id) { return created_key(id) + 1; }
uptr children_key(Tid t) { return kChildrenKeys + uptr(t) * 8; }
uptr group_key(UWord g) { return kGroupKeys + g * 8; }
// Among the children of `parent` (depend clauses order sibling tasks
// only): the last out/inout task on addr, and the in tasks since.
uptr dep_out_key(Tid parent, UWord addr) {
  return kDepKeys + ((uptr(parent) << 32) ^ (addr & ((uptr(1) << 48) - 1))) * 2;
}
uptr dep_in_key(Tid parent, UWord addr) { return dep_out_key(parent, addr) + 1; }

// The most logical threads there may be before tasks stop getting their
// own: a task's vector clock has an entry per logical thread.
constexpr UInt kMaxLogicalThreads = 2048;
constexpr UInt kMaxDeps = 64;

struct Dep {
  UWord addr;
  Bool out;  // out, inout, mutexinoutset, inoutset; else in
};

struct Task {
  Task* next;  // VgHashNode
  UWord id;    // the address of its data block
  UWord fn = 0;
  UWord region = 0;  // the region it was created in (rm_gomp.c), 0: none
  Tid creator = kNoTid;  // the logical thread that created it: its parent
  UWord group = 0;
  Bool undeferred = False;  // if(0), or created by a final task
  Bool final = False;       // final: the tasks it creates are included
  ExeContext* where = nullptr;
  Dep deps[kMaxDeps];
  UInt ndeps = 0;
  Tid tid = kNoTid;       // its own logical thread, once begun
  Tid resume = kNoTid;    // what the core thread ran before it
  ThreadId vg = VG_INVALID_THREADID;
  Bool ended = False;
  Bool create_returned = False;
  UWord detach_handle = 0;  // a detached task's event, until fulfilled
};

VgHashTable* tasks = nullptr;
UWord next_group = 1;

Task* find_task(UWord id) { return static_cast<Task*>(VG_(HT_lookup)(tasks, id)); }

// The last task each logical thread created, for on_created: returns it;
// with `store`, sets it to `set`; else forgets `set` if it is that one.
Task* last_created(Tid t, Task* set = nullptr, Bool store = False);

void forget_task(Task* k) {
  VG_(HT_remove)(tasks, k->id);
  last_created(k->creator, k, False);
  k->~Task();
  VG_(free)(k);
}

Task* last_created(Tid t, Task* set, Bool store) {
  static Task** made = nullptr;
  static UInt n = 0;
  if (t == kNoTid) return nullptr;
  if (t >= n) {
    if (!store) return nullptr;
    UInt m = n ? n : 64;
    while (m <= t) m *= 2;
    Task** nm = static_cast<Task**>(VG_(calloc)("racemap.lastcreated", m, sizeof(Task*)));
    for (UInt i = 0; i < n; i++) nm[i] = made[i];
    if (made) VG_(free)(made);
    made = nm;
    n = m;
  }
  if (store) {
    made[t] = set;
  } else if (set && made[t] == set) {
    made[t] = nullptr;  // forgotten
  }
  return made[t];
}

// Reads a depend array as GCC 9 and later lay it out (libgomp's
// gomp_task_handle_depend): either {n, n_out, addr...} or
// {0, n, n_out, n_mutexinoutset, n_in, addr..., depobj...}.
UInt read_depend(const UWord* d, Dep* out, UInt max) {
  if (!d) return 0;
  UWord n, n_out, n_plain, first;
  if (d[0] != 0) {
    n = d[0];
    n_out = d[1];
    n_plain = n;
    first = 2;
  } else {
    n = d[1];
    n_out = d[2] + d[3];  // out/inout, then mutexinoutset
    n_plain = n_out + d[4];
    first = 5;
  }
  UInt k = 0;
  for (UWord i = 0; i < n && k < max; i++, k++) {
    if (i < n_plain) {
      out[k].addr = d[first + i];
      out[k].out = i < n_out;
    } else {  // a depobj: {addr, kind}; kind 1 is "in"
      const UWord* obj = reinterpret_cast<const UWord*>(d[first + i]);
      out[k].addr = obj[0];
      out[k].out = obj[1] != 1;
    }
  }
  return k;
}

// t waits for its siblings (children of `parent`) that deps name.
void acquire_deps(Tid t, Tid parent, const Dep* deps, UInt n) {
  for (UInt i = 0; i < n; i++) {
    detector->wait_done(t, dep_out_key(parent, deps[i].addr));
    if (deps[i].out) detector->wait_done(t, dep_in_key(parent, deps[i].addr));
  }
}

// Thread t waits for the tasks that released on key (a taskwait, a
// taskgroup's end).  A piece (a section, a chunk, a single) makes the
// accesses to its runner's private variables as its runner
// (accessing_thread): the runner learns what the piece waited for, or the
// piece's next write to a variable of its frame that a task read (the
// slot of a taskloop's reduction descriptor, reused) would race with it.
void wait_for_tasks(Tid t, UWord key) {
  detector->wait_done(t, key);
  const HostThread* h = host_of(t);
  if (h->kind >= HostThread::kSection && h->resume != kNoTid) detector->wait_done(h->resume, key);
}

void on_create(Tid t, UWord id, UWord fn, const UWord* depend, UWord undeferred, UWord region) {
  if (Task* stale = find_task(id)) forget_task(stale);  // a block reused
  Task* k = new (VG_(malloc)("racemap.task", sizeof(Task))) Task;
  k->id = id;
  k->fn = fn;
  k->region = region;
  k->creator = t;
  HostThread* h = host_of(t);
  k->final = (undeferred & 2) || h->final_task;
  k->undeferred = (undeferred & 1) || h->final_task;
  UInt depth = h->ngroups < HostThread::kMaxGroups ? h->ngroups : HostThread::kMaxGroups;
  k->group = depth ? h->groups[depth - 1] : h->task_group;
  k->where = VG_(record_ExeContext)(h->vg_tid, 0);
  k->ndeps = read_depend(depend, k->deps, kMaxDeps);
  VG_(HT_add_node)(tasks, k);
  last_created(t, k, True);
  detector->signal(t, created_key(id));
}

UWord on_begin(ThreadId vg, Tid runner, UWord id) {
  Task* k = find_task(id);
  if (!k) return 0;
  k->vg = vg;
  k->resume = runner;
  Tid t = detector->thread_count() < kMaxLogicalThreads
              ? new_logical_thread(vg, k->where, kNoTid, HostThread::kTask)
              : kNoTid;
  if (t == kNoTid) {
    t = runner;  // out of logical threads: the runner takes the task's orderings
  } else {
    host_of(t)->task_group = k->group;
    host_of(t)->final_task = k->final;
    run_logical_thread(vg, t);
  }
  k->tid = t;
  detector->wait_done(t, created_key(id));
  detector->destroy(created_key(id));
  acquire_deps(t, k->creator, k->deps, k->ndeps);
  return k->fn;
}

// What t did happens before what waits for task k to complete: the
// tasks that depend on it, its creator's taskwait, its group's end, the
// team's next barrier.
void release_completion(Tid t, const Task* k) {
  detector->signal(t, done_key(k->id));
  detector->signal(t, children_key(k->creator));
  if (k->region) detector->signal(t, k->region);  // the team's next barrier
  if (k->group) detector->signal(t, group_key(k->group));
  for (UInt i = 0; i < k->ndeps; i++)
    detector->signal(t, k->deps[i].out ? dep_out_key(k->creator, k->deps[i].addr)
                                       : dep_in_key(k->creator, k->deps[i].addr));
}

// A detached task completes when the later of its end and its event's
// fulfilment comes; it is kept until both have.
Bool completed(const Task* k) { return k->ended && k->create_returned && !k->detach_handle; }

void on_fulfill(Tid t, UWord handle) {
  VG_(HT_ResetIter)(tasks);
  while (Task* k = static_cast<Task*>(VG_(HT_Next)(tasks))) {
    if (k->detach_handle != handle) continue;
    release_completion(t, k);
    k->detach_handle = 0;
    if (completed(k)) forget_task(k);
    return;
  }
}

void on_end(ThreadId vg, Tid t, UWord id) {
  Task* k = find_task(id);
  if (!k || k->tid != t) return;
  release_completion(t, k);
  if (t != k->resume) {
    detector->finish_thread(t);
    host_of(t)->vg_tid = VG_INVALID_THREADID;
    run_logical_thread(vg, k->resume);
  }
  k->ended = True;
  if (completed(k)) forget_task(k);
}

// GOMP_task returned.  An undeferred task (if(0), or included in a final
// one) has run to its end: the creator continues after it.  (libgomp may
// also run a deferrable task at once, when its queue is long: that orders
// nothing the program may count on.)
void on_created(ThreadId vg, Tid t) {
  Task* k = last_created(t);
  if (!k) return;
  last_created(t, nullptr, True);
  if (k->ended && k->vg == vg && k->undeferred) detector->wait_done(t, done_key(k->id));
  k->create_returned = True;
  if (completed(k)) {
    detector->destroy(done_key(k->id));
    forget_task(k);
  }
}

// A section of a sections construct (or a chunk of a dynamic or guided
// loop) runs as a logical thread of its own,
// forked from the thread that runs it: the construct's sections are
// unordered with each other, whichever threads run them.  Its end is
// released on the region's task key, which the construct's closing
// barrier acquires.  The variables the thread keeps private in the region
// (between the section's stack pointer and the region body's frame) stay
// its own: sections one thread runs share them in program order.
// Returns its id for section_end (0: none).
//
// The body of a single construct is one too, but not forked from the
// thread that happens to run it: any thread of the team might have, so it
// starts from what all of them had done at the team's last barrier (what
// `start_key` released), and what its runner did since is unordered with
// it (a nowait loop's iterations then the single: DataRaceBench DRB013).
UWord section_begin(ThreadId vg, Tid runner, UWord done_key, Addr region_frame, Addr caller_sp,
                    UWord kind, UWord start_key) {
  if (detector->thread_count() >= kMaxLogicalThreads) return 0;
  Bool single = kind == RM_PIECE_SINGLE && start_key;
  Tid t = new_logical_thread(vg, VG_(record_ExeContext)(vg, 0), single ? kNoTid : runner,
                             single                   ? HostThread::kSingle
                             : kind == RM_PIECE_CHUNK ? HostThread::kChunk
                                                      : HostThread::kSection);
  if (t == kNoTid) return 0;
  if (single) detector->wait_done(t, start_key);
  HostThread* h = host_of(t);
  h->resume = runner;
  h->done_key = done_key;
  h->private_lo = caller_sp ? caller_sp : VG_(get_SP)(vg);
  h->private_hi = region_frame > h->private_lo ? region_frame : h->private_lo;
  set_piece_tls(vg, h);
  h->task_group = host_of(runner)->task_group;
  run_logical_thread(vg, t);
  return UWord(t) + 1;
}

//
// A thread that asked which thread it is in the region (a buffer indexed
// by omp_get_thread_num(), filled chunk after chunk of a dynamic loop)
// counts on running its pieces one after the other: then each piece ends
// into its runner, and the next starts after it (as a static loop's shares
// do, rm_omp_static.cpp).
void section_end(ThreadId vg, Tid t, UWord id) {
  if (id == 0 || Tid(id - 1) != t) return;
  HostThread* h = host_of(t);
  if (h->done_key) detector->signal(t, h->done_key);
  detector->finish_thread(t);
  HostThread* runner = host_of(h->resume);
  if (h->kind != HostThread::kSingle && runner && (runner->asked_tid || h->asked_tid)) {
    runner->asked_tid = True;  // for its next pieces in the region
    detector->join(h->resume, t);
  }
  h->vg_tid = VG_INVALID_THREADID;
  run_logical_thread(vg, h->resume);
}

}  // namespace

Bool handle_omp_request(ThreadId vg, Tid t, UWord* args, UWord* ret) {
  if (!tasks) tasks = VG_(HT_construct)("racemap.tasks");
  HostThread* h = host_of(t);
  switch (args[0]) {
    case RM_REQ_TASK_CREATE:
      on_create(t, args[1], args[2], reinterpret_cast<const UWord*>(args[3]), args[4], args[5]);
      return True;
    case RM_REQ_TASK_BEGIN:
      *ret = on_begin(vg, t, args[1]);
      return True;
    case RM_REQ_TASK_REGION: {
      Task* k = find_task(args[1]);
      *ret = k ? k->region : 0;
      return True;
    }
    case RM_REQ_TASK_END:
      on_end(vg, t, args[1]);
      return True;
    case RM_REQ_TASK_CREATED:
      on_created(vg, t);
      return True;
    case RM_REQ_TASK_DETACH:
      if (Task* k = find_task(args[1])) k->detach_handle = args[2];
      return True;
    case RM_REQ_TASK_FULFILL:
      on_fulfill(t, args[1]);
      return True;
    case RM_REQ_REDUCTION_COPY:
      ignore_runtime_block(args[1]);
      return True;
    case RM_REQ_TASKWAIT:
      wait_for_tasks(t, children_key(t));
      return True;
    case RM_REQ_TASKWAIT_DEPEND: {
      Dep deps[kMaxDeps];
      UInt n = read_depend(reinterpret_cast<const UWord*>(args[1]), deps, kMaxDeps);
      acquire_deps(t, t, deps, n);
      return True;
    }
    case RM_REQ_SECTION_BEGIN:
      *ret = section_begin(vg, t, args[1], args[2], args[3], args[4], args[5]);
      return True;
    case RM_REQ_SECTION_END:
      static_loop_leave(vg);
      section_end(vg, t, args[1]);
      return True;
    case RM_REQ_THREAD_NUM:
      thread_num_asked(vg, t);
      return True;
    case RM_REQ_REGION_BEGIN:
      region_begin(t, args[1]);
      return True;
    case RM_REQ_REGION_END:
      region_end(t, args[1]);
      return True;
    case RM_REQ_STATIC_PARTITION:
      static_partition(vg, t, args[1], args[2]);
      return True;
    case RM_REQ_TASKGROUP_START:
      if (h->ngroups < HostThread::kMaxGroups) h->groups[h->ngroups] = next_group++;
      h->ngroups++;
      return True;
    case RM_REQ_TASKGROUP_END:
      if (h->ngroups == 0) return True;
      h->ngroups--;
      if (h->ngroups < HostThread::kMaxGroups) {
        wait_for_tasks(t, group_key(h->groups[h->ngroups]));
        detector->destroy(group_key(h->groups[h->ngroups]));
      }
      return True;
    default:
      (void)ret;
      return False;
  }
}

}  // namespace rm
