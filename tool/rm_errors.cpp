// rm_errors.cpp -- race reports, through the core's error manager.
//
// One error kind, Race.  A report holds both accesses, the stack of the
// earlier one rebuilt from its thread's history, and where the memory is.
// Before a report the threads it involves are announced once each, with
// their creation stacks (as Helgrind does).  Each unordered pair of code
// locations is reported once: later races of the same pair are dropped
// before any stack is built, so a race in a hot loop costs nothing more.
// Suppressions use the kind `racemap:Race` and match the current stack.
#include "rm_tool.h"
#include "rm_options.h"

namespace rm {

namespace {

enum ErrorKind { kRaceError = 1 };

struct RaceExtra {
  Tid tid;             // the current access
  SizeT size;
  Bool write;
  Bool atomic;
  Conflict prev;       // the earlier access
  ExeContext* prev_where;  // null: no longer in its thread's history
  AddrInfo location;
};

// ---- the set of reported pairs of code locations (open addressing)

struct PairSet {
  struct Entry {
    Addr a, b;
  };
  Entry* slots = nullptr;
  UWord cap = 0, used = 0;

  static UWord hash(Addr a, Addr b) { return (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full); }
  // Returns True if (a, b) was new and is now in the set.
  Bool insert(Addr a, Addr b) {
    if (a > b) {
      Addr t = a;
      a = b;
      b = t;
    }
    if (2 * (used + 1) > cap) grow();
    for (UWord i = hash(a, b) & (cap - 1);; i = (i + 1) & (cap - 1)) {
      Entry& e = slots[i];
      if (e.a == a && e.b == b && (a | b)) return False;
      if (e.a == 0 && e.b == 0) {
        e.a = a;
        e.b = b;
        used++;
        return True;
      }
    }
  }
  void grow() {
    Entry* old = slots;
    UWord old_cap = cap;
    cap = cap ? cap * 2 : 256;
    slots = static_cast<Entry*>(VG_(calloc)("racemap.pairs", cap, sizeof(Entry)));
    used = 0;
    for (UWord i = 0; i < old_cap; i++)
      if (old[i].a | old[i].b) insert(old[i].a, old[i].b);
    if (old) VG_(free)(old);
  }
};

PairSet reported;
ULong n_reported = 0;  // races printed (the core prints each as it is found;
                       // suppressed ones are never printed, so not counted)
ULong n_dropped = 0;
Bool limit_announced = False;

const HChar* kind_word(Bool write, Bool atomic) {
  if (atomic) return write ? "atomic write" : "atomic read";
  return write ? "write" : "read";
}

// Returns whether `a` is the C++ runtime's own state: the data of libstdc++
// and libgcc_s (locale facets and their lazily filled caches, the
// unwinder's caches) and the standard stream objects, whose concurrent use
// the C++ standard allows (libstdc++ resets their width unlocked).
// Races there are the runtime's business, not the program's.
Bool is_cxx_runtime_state(Addr a) {
  const HChar* obj = nullptr;
  VgSectKind kind = VG_(DebugInfo_sect_kind)(&obj, a);
  if ((kind == Vg_SectData || kind == Vg_SectBSS) && obj) {
    const HChar* base = VG_(strrchr)(obj, '/');
    base = base ? base + 1 : obj;
    if (VG_(strncmp)(base, "libstdc++.so", 12) == 0 || VG_(strncmp)(base, "libgcc_s.so", 11) == 0)
      return True;
  }
  const HChar* name = nullptr;
  PtrdiffT offset = 0;
  if (VG_(get_datasym_and_offset)(VG_(current_DiEpoch)(), a, &name, &offset) && name) {
    static const HChar* const kStreams[] = {"_ZSt4cout", "_ZSt4cerr", "_ZSt4clog", "_ZSt3cin",
                                            "_ZSt5wcout", "_ZSt5wcerr", "_ZSt5wclog", "_ZSt4wcin"};
    for (const HChar* s : kStreams)
      if (VG_(strncmp)(name, s, VG_(strlen)(s)) == 0) return True;
  }
  return False;
}

void describe_location(Addr a, AddrInfo* ai) {
  if (describe_heap_block(a, ai)) return;
  VG_(describe_addr)(VG_(current_DiEpoch)(), a, ai);
  if (ai->tag == Addr_Stack && ai->Addr.Stack.tinfo.tid != VG_INVALID_THREADID) {
    Tid owner = tid_of(ai->Addr.Stack.tinfo.tid);
    if (owner != kNoTid) ai->Addr.Stack.tinfo.tnr = thread_nr(owner);
  }
}

// ---- thread announcements

void announce(Tid t) {
  HostThread* h = host_of(t);
  if (!h || h->announced) return;
  h->announced = True;
  Bool running = h->vg_tid != VG_INVALID_THREADID;
  if (VG_(clo_xml)) {
    VG_(printf_xml)("<announcethread>\n");
    VG_(printf_xml)("  <hthreadid>%u</hthreadid>\n", thread_nr(t));
    VG_(printf_xml)("  <state>%s</state>\n", running ? "running" : "finished");
    if (h->created_at) VG_(pp_ExeContext)(h->created_at);
    else VG_(printf_xml)("  <isrootthread></isrootthread>\n");
    VG_(printf_xml)("</announcethread>\n\n");
    return;
  }
  VG_(umsg)("---Thread-Announcement------------------------------------------\n");
  VG_(umsg)("\n");
  if (!h->created_at) {
    VG_(umsg)("Thread #%u is the program's root thread (%s)\n", thread_nr(t),
              running ? "running" : "finished");
  } else if (h->kind != HostThread::kThread) {
    VG_(umsg)("Thread #%u is an OpenMP %s (%s), created\n", thread_nr(t),
              h->kind == HostThread::kTask      ? "task"
              : h->kind == HostThread::kSection ? "section"
              : h->kind == HostThread::kChunk   ? "loop chunk"
              : h->kind == HostThread::kIterations ? "static-loop iteration"
                                                : "single construct",
              running ? "running" : "finished");
    VG_(pp_ExeContext)(h->created_at);
  } else {
    VG_(umsg)("Thread #%u was created (%s)\n", thread_nr(t), running ? "running" : "finished");
    VG_(pp_ExeContext)(h->created_at);
  }
  VG_(umsg)("\n");
}

// ---- the error manager's callbacks

Bool eq_error(VgRes, const Error* e1, const Error* e2) {
  const RaceExtra* x = static_cast<const RaceExtra*>(VG_(get_error_extra)(e1));
  const RaceExtra* y = static_cast<const RaceExtra*>(VG_(get_error_extra)(e2));
  return x->prev_where == y->prev_where && x->write == y->write && x->prev.write == y->prev.write;
}

void before_pp_error(const Error* err) {
  const RaceExtra* x = static_cast<const RaceExtra*>(VG_(get_error_extra)(err));
  announce(x->tid);
  announce(x->prev.tid);
  if (!VG_(clo_xml))
    VG_(umsg)("----------------------------------------------------------------\n\n");
}

// `history`: for the previous access, whether its stack is known.
void pp_access_xml(const HChar* tag, Tid t, const HChar* kind, SizeT size, Addr addr,
                   const HChar* history) {
  VG_(printf_xml)("  <%s>\n    <kind>%s</kind>\n    <size>%lu</size>\n    <addr>0x%lx</addr>\n"
                  "    <hthreadid>%u</hthreadid>\n",
                  tag, kind, size, addr, thread_nr(t));
  if (history) VG_(printf_xml)("    <history>%s</history>\n", history);
  VG_(printf_xml)("  </%s>\n", tag);
}

// racemap's machine-readable summary of where the memory is.
void pp_location_xml(const AddrInfo& ai) {
  VG_(printf_xml)("  <location>\n");
  switch (ai.tag) {
    case Addr_Block:
      VG_(printf_xml)("    <kind>heap</kind>\n    <offset>%ld</offset>\n    <blocksize>%lu</blocksize>\n",
                      ai.Addr.Block.rwoffset, ai.Addr.Block.block_szB);
      if (ai.Addr.Block.alloc_tinfo.tnr)
        VG_(printf_xml)("    <alloc_hthreadid>%u</alloc_hthreadid>\n", ai.Addr.Block.alloc_tinfo.tnr);
      break;
    case Addr_DataSym:
      VG_(printf_xml)("    <kind>global</kind>\n");
      VG_(printf_xml)("    <symbol>%pS</symbol>\n    <offset>%ld</offset>\n", ai.Addr.DataSym.name,
                      ai.Addr.DataSym.offset);
      break;
    case Addr_Stack:
      VG_(printf_xml)("    <kind>stack</kind>\n");
      if (ai.Addr.Stack.tinfo.tnr)
        VG_(printf_xml)("    <hthreadid>%u</hthreadid>\n", ai.Addr.Stack.tinfo.tnr);
      break;
    default:
      VG_(printf_xml)("    <kind>other</kind>\n");
      break;
  }
  VG_(printf_xml)("  </location>\n");
}

void pp_error(const Error* err) {
  n_reported++;
  const RaceExtra* x = static_cast<const RaceExtra*>(VG_(get_error_extra)(err));
  Addr addr = VG_(get_error_address)(err);
  const HChar* kind = kind_word(x->write, x->atomic);
  const HChar* prev_kind = kind_word(x->prev.write, x->prev.atomic);
  if (VG_(clo_xml)) {
    VG_(printf_xml)("  <kind>Race</kind>\n");
    VG_(printf_xml)("  <xwhat>\n    <text>Possible data race during %s of size %lu at %#lx by thread #%u</text>\n"
                           "    <hthreadid>%u</hthreadid>\n  </xwhat>\n",
                           kind, x->size, addr, thread_nr(x->tid), thread_nr(x->tid));
    pp_access_xml("access", x->tid, kind, x->size, addr, nullptr);
    VG_(pp_ExeContext)(VG_(get_error_where)(err));
    pp_access_xml("prev_access", x->prev.tid, prev_kind, x->prev.size, x->prev.addr,
                  x->prev_where ? "available" : "lost");
    VG_(printf_xml)("  <xauxwhat>\n    <text>This conflicts with a previous %s of size %u by thread #%u</text>\n"
                    "    <hthreadid>%u</hthreadid>\n  </xauxwhat>\n",
                    prev_kind, x->prev.size, thread_nr(x->prev.tid), thread_nr(x->prev.tid));
    if (x->prev_where) VG_(pp_ExeContext)(x->prev_where);
    else VG_(printf_xml)("  <auxwhat>The previous access's stack is no longer in its thread's history (see --history-size)</auxwhat>\n");
    pp_location_xml(x->location);
    VG_(pp_addrinfo)(addr, &x->location);
    return;
  }
  VG_(umsg)("Possible data race during %s of size %lu at %#lx by thread #%u\n", kind, x->size,
            addr, thread_nr(x->tid));
  VG_(pp_ExeContext)(VG_(get_error_where)(err));
  VG_(umsg)("\n");
  VG_(umsg)("This conflicts with a previous %s of size %u by thread #%u\n", prev_kind,
            x->prev.size, thread_nr(x->prev.tid));
  if (x->prev_where) VG_(pp_ExeContext)(x->prev_where);
  else
    VG_(umsg)("   (its stack is no longer in thread #%u's history: raise --history-size)\n",
              thread_nr(x->prev.tid));
  VG_(pp_addrinfo)(addr, &x->location);
}

UInt update_extra(const Error*) { return sizeof(RaceExtra); }

Bool recognised_suppression(const HChar* name, Supp* su) {
  if (VG_(strcmp)(name, "Race") != 0) return False;
  VG_(set_supp_kind)(su, kRaceError);
  return True;
}

Bool read_extra_suppression_info(Int, HChar**, SizeT*, Int*, Supp*) { return True; }

Bool error_matches_suppression(const Error* err, const Supp* su) {
  return VG_(get_supp_kind)(su) == kRaceError && VG_(get_error_kind)(err) == kRaceError;
}

const HChar* get_error_name(const Error* err) {
  return VG_(get_error_kind)(err) == kRaceError ? "Race" : nullptr;
}

SizeT print_extra_suppression_info(const Error*, HChar* buf, Int nbuf) {
  if (nbuf > 0) buf[0] = 0;
  return 0;
}

SizeT print_extra_suppression_use(const Supp*, HChar* buf, Int nbuf) {
  if (nbuf > 0) buf[0] = 0;
  return 0;
}

void update_extra_suppression_use(const Error*, const Supp*) {}

}  // namespace

void register_errors() {
  VG_(needs_tool_errors)(eq_error, before_pp_error, pp_error, False, update_extra,
                         recognised_suppression, read_extra_suppression_info,
                         error_matches_suppression, get_error_name,
                         print_extra_suppression_info, print_extra_suppression_use,
                         update_extra_suppression_use);
}

void report_race(ThreadId vg, Addr addr, SizeT size, Bool write, Bool atomic, Addr pc,
                 const Conflict& prev) {
  if (in_ignored_range(addr, size)) return;
  ThreadState* pt = detector->thread(prev.tid);
  Addr prev_pc = pt ? pt->history.access_pc(prev.clock) : 0;
  if (!reported.insert(pc, prev_pc)) return;
  if (is_cxx_runtime_state(addr)) return;
  if (clo.max_races > 0 && n_reported >= ULong(clo.max_races)) {
    n_dropped++;
    if (!limit_announced && !VG_(clo_xml)) {
      limit_announced = True;
      VG_(umsg)("racemap: %lld distinct races reported: no more will be (see --max-races)\n",
                clo.max_races);
    }
    return;
  }
  RaceExtra x;
  VG_(memset)(&x, 0, sizeof x);
  x.tid = current;
  x.size = size;
  x.write = write;
  x.atomic = atomic;
  x.prev = prev;
  if (pt && pt->history.access_size(prev.clock)) x.prev.size = pt->history.access_size(prev.clock);
  x.prev_where = nullptr;
  if (pt) {
    Addr ips[64];
    UInt n = VG_(clo_backtrace_size) < 64 ? UInt(VG_(clo_backtrace_size)) : 64;
    n = pt->history.stack_at(prev.clock, ips, n);
    if (n > 0) x.prev_where = VG_(make_ExeContext_from_StackTrace)(ips, n);
  }
  describe_location(addr, &x.location);
  VG_(maybe_record_error)(vg, kRaceError, addr, nullptr, &x);
}

void print_error_stats() {
  VG_(dmsg)("racemap: %llu distinct races reported, %llu over --max-races\n", n_reported,
            n_dropped);
}

}  // namespace rm
