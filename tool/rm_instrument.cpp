// rm_instrument.cpp -- racemap's instrumentation of each superblock.
//
// Every memory access of the guest code becomes a call to a checking helper
// placed just before it: loads, stores, guarded loads and stores, atomic
// read-modify-writes (Ist_CAS: LOCK-prefixed instructions and XCHG), and the
// memory effects of dirty helpers (rep movs/stos, fxsave, cpuid...).  A
// superblock that ends in a call also tells the engine about the call, for
// the shadow call stack.  Which code is checked: see classify_code.
#include "rm_tool.h"
#include "rm_options.h"

namespace rm {

namespace {

// Bits of the helpers' `info` argument: access size in the low byte, then
// the kind of access, then the kind of code it comes from.
constexpr UWord kWrite = 1u << 8;
constexpr UWord kAtomic = 1u << 9;             // an atomic load or store
constexpr UWord kRmw = 1u << 10;               // an atomic read-modify-write
constexpr UWord kFromRuntimeEntry = 1u << 11;  // see CodeKind::kRuntimeEntry
constexpr UWord kFromSyncOnly = 1u << 12;      // see CodeKind::kSyncOnly
constexpr UWord kGuessed = 1u << 13;           // atomic by the shape of the code alone
constexpr UWord kReadOnly = 1u << 14;          // kReadOnlyAcquire
constexpr UWord kReleaseOnly = 1u << 15;       // kReleaseRmw
constexpr UWord kKindBits = kWrite | kAtomic | kRmw | kFromRuntimeEntry | kFromSyncOnly |
                            kGuessed | kReadOnly | kReleaseOnly;
constexpr UInt kRangeShift = 16;  // check_range: size above the kind bits

// What is done with the accesses of a piece of code.
enum class CodeKind {
  kChecked,       // the program's own code and its libraries
  kRuntimeEntry,  // the C library's mem*/str* functions: checked when the
                  // program calls them, not when the C library does
  kSyncOnly,      // the unwinder (libgcc_s), the OpenMP runtime (libgomp):
                  // their atomics and accesses to sync locations order
                  // threads, nothing is checked (libgcc_s's FDE caches are
                  // guarded by the dynamic linker's lock)
  kIgnored,       // the C library's internals, the dynamic linker, Valgrind's
                  // preload libraries
};

// The text ranges of the C library and the dynamic linker, filled in as
// their code is first translated.
struct Range {
  Addr lo, hi;
};
Range runtime_text[8];
UInt n_runtime_text = 0;

void note_runtime_text(DebugInfo* di) {
  if (!di) return;
  Addr lo = VG_(DebugInfo_get_text_avma)(di);
  Addr hi = lo + VG_(DebugInfo_get_text_size)(di);
  for (UInt i = 0; i < n_runtime_text; i++)
    if (runtime_text[i].lo == lo) return;
  if (n_runtime_text < sizeof runtime_text / sizeof runtime_text[0])
    runtime_text[n_runtime_text++] = Range{lo, hi};
}

// Returns whether thread t, its stack pointer at `sp`, is running code that
// the C library or the dynamic linker called: its innermost live call site
// lies in one.
Bool called_by_runtime(Tid t, Addr sp) {
  const ShadowStack& stack = detector->thread(t)->stack;
  UInt live = stack.depth() - stack.stale_frames(sp);
  if (live == 0) return False;
  Addr site = stack.at(live - 1).pc;
  for (UInt i = 0; i < n_runtime_text; i++)
    if (site >= runtime_text[i].lo && site < runtime_text[i].hi) return True;
  return False;
}

// Returns whether a thread whose stack pointer is `sp` runs in the dynamic
// extent of a language runtime's bookkeeping function (forgetting it once
// the thread has returned from there).
Bool in_runtime_bookkeeping(HostThread* h, Addr sp) {
  if (!h->runtime_sp) return False;
  if (sp <= h->runtime_sp) return True;
  h->runtime_sp = 0;
  return False;
}

// The helper behind every instrumented access.
VG_REGPARM(3) void check_access(Addr addr, UWord info, Addr pc, Addr sp) {
  HostThread* h = current_host;
  if (!h || in_runtime_bookkeeping(h, sp)) return;
  Tid t = accessing_thread(current, h, addr);  // a piece's private variables (rm_omp.cpp)
  SizeT size = info & 0xff;
  Bool write = (info & kWrite) != 0;
  Bool atomic = (info & kAtomic) != 0;
  Bool acquire = (info & kReleaseOnly) == 0;
  if (info & kFromSyncOnly) {
    if (info & kRmw) detector->atomic_rmw(t, addr, size, nullptr, acquire);
    detector->sync_access(t, addr, size, write, atomic, pc, sp);
    return;
  }
  Bool unchecked = h->ignore || ((info & kFromRuntimeEntry) && called_by_runtime(t, sp)) ||
                   (!clo.check_stack_var && addr + 128 >= sp && addr <= h->stack_max);
  Conflict prev;
  if (info & kRmw) {
    // Orders threads even where nothing is checked.
    if (detector->atomic_rmw(t, addr, size, unchecked ? nullptr : &prev, acquire))
      report_race(h->vg_tid, addr, size, write, atomic, pc, prev);
  }
  if (unchecked) return;
  u64 learnt = clo.trace_atomics ? detector->stats().store_acquires : 0;
  // A guessed acquire that races was taken for a plain read (Detector::access).
  if (info & kReadOnly) {
    if (detector->read_only_acquire(t, addr, size, pc, sp, &prev))
      report_race(h->vg_tid, addr, size, False, False, pc, prev);
  } else if (detector->access(t, addr, size, write, atomic, pc, sp, &prev, (info & kGuessed) != 0)) {
    report_race(h->vg_tid, addr, size, write, atomic && !(info & kGuessed), pc, prev);
  }
  if (clo.trace_atomics && detector->stats().store_acquires != learnt)
    VG_(dmsg)("racemap: thread #%u acquires from a plain store at %#lx, by the load at %s\n",
              thread_nr(t), addr, VG_(describe_IP)(VG_(current_DiEpoch)(), pc, nullptr));
}

// Accesses larger than 255 bytes (xsave, big rep movs chunks) are split.
VG_REGPARM(3) void check_range(Addr addr, UWord size_and_kind, Addr pc, Addr sp) {
  SizeT size = size_and_kind >> kRangeShift;
  UWord kind = size_and_kind & kKindBits;
  while (size) {
    SizeT n = size > 128 ? 128 : size;
    check_access(addr, kind | n, pc, sp);
    addr += n;
    size -= n;
  }
}

// Code at pc starts an iteration of a static OpenMP loop, or leaves one.
VG_REGPARM(2) void on_loop_point(Addr pc, Addr sp) {
  static_loop_point(VG_(get_running_tid)(), pc, sp);
}

// A bookkeeping function of a language runtime starts (its stack pointer
// just below the return address).
VG_REGPARM(1) void on_runtime_entry(Addr sp) {
  HostThread* h = current_host;
  if (h && sp > h->runtime_sp) h->runtime_sp = sp;
}

VG_REGPARM(2) void on_call(Addr pc, Addr sp) {
  if (current != kNoTid) detector->call(current, pc, sp);
}

struct Instrumenter {
  IRSB* out;
  const VexGuestLayout* layout;
  UWord from;   // kFromRuntimeEntry, kFromSyncOnly or 0
  Addr pc = 0;  // the current instruction

  IRTemp sp_temp() {
    IRTemp t = newIRTemp(out->tyenv, Ity_I64);
    addStmtToIRSB(out, IRStmt_WrTmp(t, IRExpr_Get(layout->offset_SP, Ity_I64)));
    return t;
  }

  // Declares that the helper reads SP and IP, so the core keeps them up to
  // date for the stack trace of a report (as Memcheck does).
  void annotate(IRDirty* di) {
    di->nFxState = 2;
    di->fxState[0].fx = Ifx_Read;
    di->fxState[0].offset = layout->offset_SP;
    di->fxState[0].size = layout->sizeof_SP;
    di->fxState[0].nRepeats = 0;
    di->fxState[0].repeatLen = 0;
    di->fxState[1].fx = Ifx_Read;
    di->fxState[1].offset = layout->offset_IP;
    di->fxState[1].size = layout->sizeof_IP;
    di->fxState[1].nRepeats = 0;
    di->fxState[1].repeatLen = 0;
  }

  void access(IRExpr* addr, SizeT size, Bool write, Bool atomic, IRExpr* guard, Bool rmw = False,
              UWord guess = 0) {
    if (size == 0) return;
    UWord kind = (write ? kWrite : 0) | (atomic ? kAtomic : 0) | (rmw ? kRmw : 0) | guess | from;
    IRTemp sp = sp_temp();
    IRDirty* di;
    if (size <= 255) {
      di = unsafeIRDirty_0_N(3, "check_access", VG_(fnptr_to_fnentry)(reinterpret_cast<void*>(&check_access)),
                             mkIRExprVec_4(addr, mkIRExpr_HWord(kind | size), mkIRExpr_HWord(pc),
                                           IRExpr_RdTmp(sp)));
    } else {
      di = unsafeIRDirty_0_N(3, "check_range", VG_(fnptr_to_fnentry)(reinterpret_cast<void*>(&check_range)),
                             mkIRExprVec_4(addr, mkIRExpr_HWord((size << kRangeShift) | kind), mkIRExpr_HWord(pc),
                                           IRExpr_RdTmp(sp)));
    }
    if (guard) di->guard = guard;
    annotate(di);
    addStmtToIRSB(out, IRStmt_Dirty(di));
  }

  void loop_point(Addr at) {
    IRTemp sp = sp_temp();
    IRDirty* di = unsafeIRDirty_0_N(2, "on_loop_point", VG_(fnptr_to_fnentry)(reinterpret_cast<void*>(&on_loop_point)),
                                    mkIRExprVec_2(mkIRExpr_HWord(at), IRExpr_RdTmp(sp)));
    annotate(di);
    addStmtToIRSB(out, IRStmt_Dirty(di));
  }

  void runtime_entry() {
    IRTemp sp = sp_temp();
    IRDirty* di = unsafeIRDirty_0_N(1, "on_runtime_entry", VG_(fnptr_to_fnentry)(reinterpret_cast<void*>(&on_runtime_entry)),
                                    mkIRExprVec_1(IRExpr_RdTmp(sp)));
    addStmtToIRSB(out, IRStmt_Dirty(di));
  }

  void call(Addr call_pc) {
    IRTemp sp = sp_temp();
    IRDirty* di = unsafeIRDirty_0_N(2, "on_call", VG_(fnptr_to_fnentry)(reinterpret_cast<void*>(&on_call)),
                                    mkIRExprVec_2(mkIRExpr_HWord(call_pc), IRExpr_RdTmp(sp)));
    addStmtToIRSB(out, IRStmt_Dirty(di));
  }

  // `atomic_mov`: a plain load or store that find_atomic_movs recognised
  // (kAtomicMov, kGuessedAcquire, kReadOnlyAcquire), or a read-modify-write
  // that find_rmw_loads did (its load kRmwLoad, and kReleaseRmw).
  void statement(IRStmt* st, UChar atomic_mov) {
    IRTypeEnv* env = out->tyenv;
    switch (st->tag) {
      case Ist_IMark:
        pc = st->Ist.IMark.addr + st->Ist.IMark.delta;
        break;
      case Ist_WrTmp:
        if (st->Ist.WrTmp.data->tag == Iex_Load && atomic_mov != kRmwLoad &&
            atomic_mov != kBookkeeping) {
          IRExpr* ld = st->Ist.WrTmp.data;
          UWord guess = atomic_mov == kGuessedAcquire    ? kGuessed
                        : atomic_mov == kReadOnlyAcquire ? kReadOnly
                                                         : 0;
          access(ld->Iex.Load.addr, sizeofIRType(ld->Iex.Load.ty), False,
                 atomic_mov == kAtomicMov || atomic_mov == kGuessedAcquire, nullptr, False, guess);
        }
        break;
      case Ist_Store:
        if (atomic_mov == kBookkeeping) break;
        access(st->Ist.Store.addr, sizeofIRType(typeOfIRExpr(env, st->Ist.Store.data)), True,
               atomic_mov != 0, nullptr);
        break;
      case Ist_StoreG: {
        IRStoreG* sg = st->Ist.StoreG.details;
        access(sg->addr, sizeofIRType(typeOfIRExpr(env, sg->data)), True, False, sg->guard);
        break;
      }
      case Ist_LoadG: {
        IRLoadG* lg = st->Ist.LoadG.details;
        IRType ty = Ity_INVALID, widened = Ity_INVALID;
        typeOfIRLoadGOp(lg->cvt, &widened, &ty);
        access(lg->addr, sizeofIRType(ty), False, False, lg->guard);
        break;
      }
      case Ist_CAS: {
        IRCAS* cas = st->Ist.CAS.details;
        SizeT size = sizeofIRType(typeOfIRExpr(env, cas->dataLo));
        if (cas->dataHi) size *= 2;  // cmpxchg16b
        access(cas->addr, size, True, True, nullptr, True,
               atomic_mov == kReleaseRmw ? kReleaseOnly : 0);
        break;
      }
      case Ist_LLSC: {
        if (st->Ist.LLSC.storedata == nullptr)
          access(st->Ist.LLSC.addr, sizeofIRType(typeOfIRTemp(env, st->Ist.LLSC.result)), False,
                 True, nullptr);
        else
          access(st->Ist.LLSC.addr, sizeofIRType(typeOfIRExpr(env, st->Ist.LLSC.storedata)),
                 True, True, nullptr);
        break;
      }
      case Ist_Dirty: {
        IRDirty* d = st->Ist.Dirty.details;
        if (d->mFx != Ifx_None && d->mAddr) {
          // Ifx_Modify is a read then a write: the write is the stronger.
          access(d->mAddr, d->mSize, d->mFx != Ifx_Read, False, d->guard);
        }
        break;
      }
      default:
        break;
    }
  }
};

Bool has_prefix(const HChar* s, const HChar* prefix) {
  return VG_(strncmp)(s, prefix, VG_(strlen)(prefix)) == 0;
}

// Returns whether the code at `a` is a language runtime's own bookkeeping
// that a program links in: Rust's std keeps every thread's stack guard in
// a table under one global lock, taken when a thread starts and again
// when it exits, so that a thread that exits before another starts would
// appear to hand it everything it did (two threads racing on a `static
// mut` would never be reported).  Like the C library's internals, it is
// not the program's synchronization.
// What it calls (the table's BTreeMap, the allocator) is left alone too,
// as long as the thread runs below the bookkeeping function's frame
// (HostThread::runtime_sp).  With `entry`, only the first instruction of
// such a function counts.
Bool in_language_runtime(DiEpoch ep, Addr a, Bool entry = False) {
  static const HChar* const kBookkeeping[] = {
      "std::sys::pal::unix::stack_overflow::",  // Rust 1.80 and later
      "std::sys::unix::stack_overflow::",
  };
  const HChar* fn = nullptr;
  if (!(entry ? VG_(get_fnname_if_entry)(ep, a, &fn) : VG_(get_fnname)(ep, a, &fn)) || !fn)
    return False;
  for (const HChar* prefix : kBookkeeping)
    if (has_prefix(fn, prefix)) return True;
  return False;
}

// Returns what is done with the memory accesses of code at `a`.
//
// The C library's internal state is guarded by its internal locks and
// counters, which a user-level race detector must neither report on nor
// learn spurious orderings from (ThreadSanitizer does not see them
// either); its memory and string functions touch the user's memory on the
// user's behalf.  libstdc++ is checked like the program (std::string's
// out-of-line members work on the program's strings); its own private
// state is left out at report time (rm_errors.cpp).
CodeKind classify_code(Addr a) {
  DiEpoch ep = VG_(current_DiEpoch)();
  const HChar* obj = nullptr;
  if (!VG_(get_objname)(ep, a, &obj) || !obj) return CodeKind::kChecked;
  const HChar* base = VG_(strrchr)(obj, '/');
  base = base ? base + 1 : obj;
  if (has_prefix(base, "vgpreload_")) return CodeKind::kIgnored;
  if (has_prefix(base, "libgcc_s.so")) return CodeKind::kSyncOnly;
  // GCC's OpenMP runtime: its barriers, locks and queues order the team's
  // threads (rm_gomp.c adds what they cannot say); its own bookkeeping is
  // not the program's.
  if (has_prefix(base, "libgomp.so")) return CodeKind::kSyncOnly;
  Bool libc = has_prefix(base, "libc.so") || has_prefix(base, "libpthread.so");
  Bool ldso = has_prefix(base, "ld-linux");
  if (!libc && !ldso) return in_language_runtime(ep, a) ? CodeKind::kIgnored : CodeKind::kChecked;
  note_runtime_text(VG_(find_DebugInfo)(ep, a));
  if (ldso) return CodeKind::kIgnored;
  const HChar* fn = nullptr;
  if (!VG_(get_fnname)(ep, a, &fn) || !fn) return CodeKind::kIgnored;
  while (*fn == '_') fn++;
  static const HChar* const kUserMemory[] = {"mem", "str", "stp", "wmem", "wcs", "bzero", "bcopy",
                                             "rawmemchr"};
  for (const HChar* p : kUserMemory)
    if (has_prefix(fn, p)) return CodeKind::kRuntimeEntry;
  return CodeKind::kIgnored;
}

}  // namespace

Bool is_checked_code(Addr a) {
  CodeKind kind = classify_code(a);
  return kind != CodeKind::kIgnored && kind != CodeKind::kSyncOnly;
}

Bool in_runtime_internals(Tid t, Addr ip, Addr sp) {
  HostThread* h = host_of(t);
  if (h && in_runtime_bookkeeping(h, sp)) return True;
  return classify_code(ip) == CodeKind::kIgnored && called_by_runtime(t, sp);
}

IRSB* instrument(VgCallbackClosure* closure, IRSB* in, const VexGuestLayout* layout,
                 const VexGuestExtents*, const VexArchInfo*, IRType gWordTy, IRType hWordTy) {
  if (gWordTy != hWordTy) VG_(tool_panic)("racemap: host and guest word sizes differ");
  IRSB* out = deepCopyIRSBExceptStmts(in);
  CodeKind kind = classify_code(closure->readdr);  // the code that runs: a wrapper, not what it wraps
  UWord from = kind == CodeKind::kRuntimeEntry ? kFromRuntimeEntry
               : kind == CodeKind::kSyncOnly   ? kFromSyncOnly
                                               : 0;
  Instrumenter ins{out, layout, from};
  Bool checked = kind != CodeKind::kIgnored;
  UChar* atomic_movs = nullptr;
  if (checked) {
    atomic_movs = static_cast<UChar*>(VG_(malloc)("racemap.atomicmovs", in->stmts_used + 1));
    if (clo.infer_atomics) find_atomic_movs(in, atomic_movs);
    else VG_(memset)(atomic_movs, 0, in->stmts_used + 1);
    find_rmw_loads(in, atomic_movs);
    find_bookkeeping(in, layout->offset_SP, atomic_movs);
  }
  Addr last_pc = 0;
  for (Int i = 0; i < in->stmts_used; i++) {
    IRStmt* st = in->stmts[i];
    if (!st || st->tag == Ist_NoOp) continue;
    if (st->tag == Ist_IMark) {
      // A call ends a superblock: a function's entry starts one.
      Bool first = last_pc == 0;
      last_pc = st->Ist.IMark.addr + st->Ist.IMark.delta;
      if (first && kind == CodeKind::kIgnored &&
          in_language_runtime(VG_(current_DiEpoch)(), last_pc, True)) {
        addStmtToIRSB(out, st);
        ins.runtime_entry();
        continue;
      }
    }
    if (checked) ins.statement(st, atomic_movs[i]);
    addStmtToIRSB(out, st);
    if (checked && st->tag == Ist_IMark && is_static_loop_point(last_pc)) ins.loop_point(last_pc);
  }
  if (atomic_movs) VG_(free)(atomic_movs);
  if (in->jumpkind == Ijk_Call) ins.call(last_pc);
  return out;
}

}  // namespace rm
