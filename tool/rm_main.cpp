// rm_main.cpp -- racemap's registration with the core, and the events the
// core reports: threads starting and ending, memory appearing and going
// away, client requests from the preload library.
#include "rm_tool.h"
#include "rm_options.h"
#include "rm_requests.h"

extern "C" Bool VG_(clo_read_inline_info);  // the core's; not in the tool headers

namespace rm {

Detector* detector = nullptr;
Tid current = kNoTid;
HostThread* current_host = nullptr;

namespace {

// ThreadId -> logical thread; grows with the highest ThreadId seen.
Tid* vg_to_tid = nullptr;
UInt n_vg_to_tid = 0;

void map_thread(ThreadId vg, Tid t) {
  if (vg >= n_vg_to_tid) {
    UInt n = n_vg_to_tid ? n_vg_to_tid : 64;
    while (n <= vg) n *= 2;
    Tid* m = static_cast<Tid*>(VG_(malloc)("racemap.tidmap", n * sizeof(Tid)));
    for (UInt i = 0; i < n; i++) m[i] = i < n_vg_to_tid ? vg_to_tid[i] : kNoTid;
    if (vg_to_tid) VG_(free)(vg_to_tid);
    vg_to_tid = m;
    n_vg_to_tid = n;
  }
  vg_to_tid[vg] = t;
}
HostThread** hosts = nullptr;
UInt nhosts = 0;
UInt cap_hosts = 0;

HostThread* new_host(Tid t) {
  if (t >= cap_hosts) {
    UInt cap = cap_hosts ? cap_hosts * 2 : 64;
    while (cap <= t) cap *= 2;
    HostThread** h = static_cast<HostThread**>(VG_(calloc)("racemap.hosts", cap, sizeof(HostThread*)));
    for (UInt i = 0; i < nhosts; i++) h[i] = hosts[i];
    if (hosts) VG_(free)(hosts);
    hosts = h;
    cap_hosts = cap;
  }
  HostThread* h = new HostThread;
  hosts[t] = h;
  if (t >= nhosts) nhosts = t + 1;
  return h;
}

// ---- threads

void on_thread_create(ThreadId parent, ThreadId child) {
  Tid p = parent == VG_INVALID_THREADID ? kNoTid : tid_of(parent);
  Tid c = detector->start_thread(p);
  map_thread(child, c);
  if (c == kNoTid) return;
  HostThread* h = new_host(c);
  h->vg_tid = child;
  if (p != kNoTid) h->created_at = VG_(record_ExeContext)(parent, 0);
}

void on_thread_exit(ThreadId vg) {
  Tid t = tid_of(vg);
  map_thread(vg, kNoTid);
  if (t == kNoTid) return;
  HostThread* h = host_of(t);
  // Remember its pthread_t (the TLS base on amd64) for pthread_join.
  if (!h->pthread) h->pthread = thread_pointer(vg);
  h->vg_tid = VG_INVALID_THREADID;
  detector->finish_thread(t);
  if (current == t) {
    current = kNoTid;
    current_host = nullptr;
  }
  // Its stack and thread-local storage will be handed to a later thread:
  // forget them now.  glibc keeps both in one mapping of their own; a stack
  // the program carved out of its heap (pthread_attr_setstack) is left
  // alone, since that segment holds other blocks too.
  Addr top = VG_(thread_get_stack_max)(vg);
  if (vg != 1 && top) {
    const NSegment* seg = VG_(am_find_nsegment)(top);
    if (seg && seg->kind == SkAnonC && !seg->isCH)
      detector->new_memory(seg->start, seg->end - seg->start + 1);
  }
}

void on_start_client_code(ThreadId vg, ULong) {
  current = tid_of(vg);
  current_host = current == kNoTid ? nullptr : host_of(current);
  if (current_host && !current_host->stack_max)
    current_host->stack_max = VG_(thread_get_stack_max)(vg);
}

// The joined thread is the most recent one to have finished with that
// pthread_t: a pthread_t is only reused once its thread was joined.
Tid find_finished(UWord pthread) {
  for (UInt i = nhosts; i > 0; i--) {
    HostThread* h = hosts[i - 1];
    if (h && h->pthread == pthread && h->vg_tid == VG_INVALID_THREADID) return i - 1;
  }
  return kNoTid;
}

// ---- signals: a handler on an alternate stack keeps the interrupted
// frames (see Detector::signal_enter).  If the handler longjmps out, the
// core does not say so and the barrier stays until the thread's end.

void on_signal_delivery(ThreadId vg, Int, Bool alt_stack) {
  Tid t = tid_of(vg);
  if (t == kNoTid) return;
  HostThread* h = host_of(t);
  if (h->signal_depth < 64 && alt_stack) h->alt_signals |= 1ull << h->signal_depth;
  h->signal_depth++;
  if (alt_stack) detector->signal_enter(t);
}

void on_signal_return(ThreadId vg, Int) {
  Tid t = tid_of(vg);
  if (t == kNoTid) return;
  HostThread* h = host_of(t);
  if (h->signal_depth == 0) return;
  h->signal_depth--;
  if (h->signal_depth < 64 && (h->alt_signals >> h->signal_depth & 1)) {
    h->alt_signals &= ~(1ull << h->signal_depth);
    detector->signal_return(t);
  }
}

// ---- memory

void on_new_memory(Addr a, SizeT len) { detector->new_memory(a, len); }
void on_new_mmap(Addr a, SizeT len, Bool, Bool, Bool, ULong) { detector->new_memory(a, len); }
void on_new_brk(Addr a, SizeT len, ThreadId) { detector->new_memory(a, len); }
// The stack pointer went down to `a`: [a, a+len) is new.  Once a core
// thread may run logical threads one after the other (OpenMP tasks,
// sections...), so is the red zone below it (the 128 bytes where leaf
// functions keep their locals without moving the stack pointer): what was
// there belonged to frames that have returned, maybe another logical
// thread's.  Before that, stale cells there can only be the thread's own,
// and clearing them would cost every call.
constexpr SizeT kRedZone = 128;
Bool logical_threads_run = False;
void on_stack_memory(Addr a, SizeT len) {
  SizeT red = logical_threads_run ? kRedZone : 0;
  detector->clear_shadow(a - red, len + red);
}
void on_signal_stack(Addr a, SizeT len, ThreadId) { detector->clear_shadow(a, len); }
void on_remap(Addr from, Addr to, SizeT len) {
  detector->new_memory(from, len);
  detector->new_memory(to, len);
}

// ---- client requests

Bool on_client_request(ThreadId vg, UWord* args, UWord* ret) {
  if (handle_foreign_request(vg, args, ret)) return True;
  if (!VG_IS_TOOL_USERREQ('R', 'M', args[0])) return False;
  Tid t = tid_of(vg);
  *ret = 0;
  if (t == kNoTid) return True;
  // A section's accesses to its runner's private variables were the
  // runner's (check_access): they precede what the section does next.
  HostThread* h = host_of(t);
  if (h->kind >= HostThread::kSection && h->resume != kNoTid) detector->catch_up(t, h->resume);
  switch (args[0]) {
    case RM_REQ_JOIN_POST: {
      Tid joined = find_finished(args[1]);
      if (joined != kNoTid) detector->join(t, joined);
      break;
    }
    case RM_REQ_MUTEX_LOCK_POST:
      detector->mutex_lock(t, args[1]);
      break;
    case RM_REQ_MUTEX_UNLOCK_PRE:
      detector->mutex_unlock(t, args[1]);
      break;
    case RM_REQ_SYNC_DESTROY:
      detector->destroy(args[1]);
      break;
    case RM_REQ_RWLOCK_LOCK_POST:
      detector->rwlock_lock(t, args[1], args[2] != 0);
      break;
    case RM_REQ_RWLOCK_UNLOCK_PRE:
      detector->rwlock_unlock(t, args[1]);
      break;
    case RM_REQ_SIGNAL_PRE:
    case RACEMAP_REQ_HAPPENS_BEFORE:
      detector->signal(t, args[1]);
      break;
    case RM_REQ_WAIT_POST:
    case RACEMAP_REQ_HAPPENS_AFTER:
      detector->wait_done(t, args[1]);
      break;
    case RM_REQ_BARRIER_INIT:
      detector->barrier_init(args[1], UInt(args[2]));
      break;
    case RM_REQ_BARRIER_ARRIVE:
      *ret = detector->barrier_arrive(t, args[1]);
      break;
    case RM_REQ_BARRIER_LEAVE:
      detector->barrier_leave(t, args[1], args[2]);
      break;
    case RM_REQ_LOCK_HELD:
      switch (args[1]) {
        case RM_LOCK_TAKING:
          detector->lock_begin(t);
          break;
        case RM_LOCK_TAKEN:
          detector->lock_acquired(t, args[2]);
          detector->lock_taken(t);
          break;
        case RM_LOCK_DROPPING:
          detector->unlock_begin(t, args[2]);
          detector->lock_dropped(t);
          break;
        case RM_LOCK_DROPPED:
          detector->unlock_done(t);
          break;
      }
      break;
    case RACEMAP_REQ_IGNORE_BEGIN:
      h->ignore++;
      break;
    case RACEMAP_REQ_IGNORE_END:
      if (h->ignore) h->ignore--;
      break;
    default:
      return handle_omp_request(vg, t, args, ret);
  }
  return True;
}

// ---- start and end

void post_clo_init() {
  detector->set_history_limit(ULong(clo.history_size) << 20 >> 3);
  // The root thread was announced before the options were read: its
  // history limit is set again now.
  if (ThreadState* root = detector->thread(0)) root->history.set_limit(ULong(clo.history_size) << 20 >> 3);
}

// --stats=yes
void print_stats() {
  const Stats& s = detector->stats();
  VG_(dmsg)("racemap: %llu accesses checked, %llu on the fast path, %llu racing\n",
            s.accesses, s.fast_path, s.races);
  VG_(dmsg)("racemap: %u threads, %u sync objects, shadow %lu MiB, history %lu MiB\n",
            detector->thread_count(), detector->syncs().count(),
            detector->shadow_bytes() >> 20, detector->history_bytes() >> 20);
  print_error_stats();
}

void fini(Int) {
  if (VG_(clo_stats)) print_stats();
}

// Runs the static constructors of the tool binary: the core never does.
extern "C" void (*__init_array_start[])(void);
extern "C" void (*__init_array_end[])(void);

void pre_clo_init() {
  for (void (**f)(void) = __init_array_start; f < __init_array_end; f++) (*f)();

  VG_(details_name)("racemap");
  VG_(details_version)("0.2");
  VG_(details_description)("a happens-before data race detector");
  VG_(details_copyright_author)("Copyright (C) 2026, the racemap authors; GNU GPL'd.");
  VG_(details_bug_reports_to)("the racemap issue tracker");
  VG_(details_avg_translation_sizeB)(320);

  VG_(basic_tool_funcs)(post_clo_init, instrument, fini);
  VG_(needs_command_line_options)(process_option, print_usage, print_debug_usage);
  VG_(needs_client_requests)(on_client_request);
  VG_(needs_xml_output)();
  VG_(needs_print_stats)(print_stats);
  // Inlined frames in stacks, as Memcheck, Helgrind and DRD show them
  // (--read-inline-info=no still turns it off).
  VG_(clo_read_inline_info) = True;
  // The shadow call stack needs to see every call: a superblock must not
  // run on into the callee (as for Callgrind).
  VG_(clo_vex_control).guest_chase = False;
  register_errors();
  register_heap();
  register_syscalls();

  VG_(track_pre_thread_ll_create)(on_thread_create);
  VG_(track_pre_thread_ll_exit)(on_thread_exit);
  VG_(track_start_client_code)(on_start_client_code);
  VG_(track_new_mem_mmap)(on_new_mmap);
  VG_(track_die_mem_munmap)(on_new_memory);
  VG_(track_new_mem_brk)(on_new_brk);
  VG_(track_die_mem_brk)(on_new_memory);
  VG_(track_copy_mem_remap)(on_remap);
  VG_(track_new_mem_stack)(on_stack_memory);
  VG_(track_new_mem_stack_signal)(on_signal_stack);
  VG_(track_pre_deliver_signal)(on_signal_delivery);
  VG_(track_post_deliver_signal)(on_signal_return);

  detector = new Detector;
}

}  // namespace

Tid tid_of(ThreadId vg) { return vg < n_vg_to_tid ? vg_to_tid[vg] : kNoTid; }
Addr thread_pointer(ThreadId vg) {
  Addr fs = 0;
  VG_(get_shadow_regs_area)(vg, reinterpret_cast<UChar*>(&fs), 0,
                            offsetof(VexGuestAMD64State, guest_FS_CONST), sizeof fs);
  return fs;
}
HostThread* host_of(Tid t) { return t < nhosts ? hosts[t] : nullptr; }

Tid new_logical_thread(ThreadId vg, ExeContext* where, Tid parent, HostThread::Kind kind) {
  Tid t = detector->start_thread(parent);
  if (t == kNoTid) return kNoTid;
  logical_threads_run = True;
  HostThread* h = new_host(t);
  h->vg_tid = vg;
  h->created_at = where;
  h->kind = kind;
  if (HostThread* runner = host_of(tid_of(vg))) h->stack_max = runner->stack_max;
  return t;
}

void run_logical_thread(ThreadId vg, Tid t) {
  map_thread(vg, t);
  if (vg == VG_(get_running_tid)()) {
    current = t;
    current_host = host_of(t);
  }
}

}  // namespace rm

extern "C" {
VG_DETERMINE_INTERFACE_VERSION(rm::pre_clo_init)
}
