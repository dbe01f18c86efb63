// rm_atomics.cpp -- recognising the plain MOVs that are atomic accesses.
//
// On x86-64 an atomic read-modify-write is a LOCK-prefixed instruction or
// XCHG (Ist_CAS in the IR), and the instrumenter knows it for atomic.  But
// an acquire load and a release store are plain MOVs, exactly like the
// accesses of ordinary variables.  This file looks at the shape of the
// code around a MOV to tell the ones that synchronize (docs/atomics.md):
//
//  - An acquire load: a load from an address that does not change within
//    the superblock, whose value decides a conditional branch, either
//      . of at most 4 bytes (a flag, a state), compared with constants
//        only, and not otherwise used there -- as data, as an address, or
//        in arithmetic: the shape of `while (!flag.load(acquire))`,
//        `if (ready)`, `if (state == DONE)`; or
//      . a branch that loops back to the load or before it (a spin): even
//        if the value is used afterwards, as in
//        `while (!(p = head.load(acquire))) ; use(p)`, or compared with
//        another value, as in `while (tail.load(acquire) == head)` --
//        but a spin comparing two fields of a structure is a read-only
//        acquire (below).
//    A loop over a linked list or an array is not one: its load address
//    changes from one iteration to the next.  Nor is `if (n + 1 > limit)`,
//    the check of a data structure's field against another value, nor a
//    load from an address the superblock also stores to (a loop counter
//    kept in memory, an unguarded test-and-set).  Such a guessed acquire
//    made under a lock may yet be a plain read: see Detector::access.
//  - A read-only acquire: a load from such an address (not the thread's
//    own stack frame) whose value decides a branch together with another
//    value, and is neither dereferenced nor stored -- a ring buffer's
//    `if (rd != wr.load(acquire))`, `if (w - rd.load(acquire) >= N)`.  It
//    acquires only while its thread never stores to the location, else it
//    is a plain read (Detector::read_only_acquire): a std::vector's
//    `_M_finish != _M_end_of_storage` is tested by every thread that
//    pushes, and at -O1 and -O2 branches backwards like a spin.
//  - A release store: a store followed by MFENCE (gcc's seq_cst store).
//  - Either, when the debug info says so: any load or store whose source
//    line lies in the atomics of C++ (<atomic>, bits/atomic_base.h...) or
//    of Rust (core/src/sync/atomic.rs) -- std::atomic's and AtomicUsize's
//    members, inlined or not.
//  - Either, when the source line says so: a C11 atomic_load_explicit or
//    atomic_store_explicit (or GCC __atomic builtin) of the object the
//    access touches, where the line leaves no doubt which access that is
//    (source_says_atomic, rm_source_line.h).
//
// The engine then makes a location that any atomic access touched a sync
// location, and lets an acquire load synchronize with the plain store it
// read (Detector::acquire_stores): the store side needs no recognising.
#include "rm_options.h"
#include "rm_source_line.h"
#include "rm_x86_decode.h"
#include "rm_tool.h"

namespace rm {

namespace {

// A set of IR temporaries.
struct TempSet {
  UChar* bits;
  Int n;
  explicit TempSet(Int count) : n(count) {
    bits = static_cast<UChar*>(VG_(calloc)("racemap.tempset", (count + 7) / 8 + 1, 1));
  }
  ~TempSet() { VG_(free)(bits); }
  TempSet(const TempSet&) = delete;
  TempSet& operator=(const TempSet&) = delete;
  Bool has(IRTemp t) const { return t < UInt(n) && (bits[t / 8] >> (t % 8) & 1); }
  void add(IRTemp t) {
    if (t < UInt(n)) bits[t / 8] |= UChar(1u << (t % 8));
  }
  void clear() { VG_(memset)(bits, 0, (n + 7) / 8 + 1); }
};

// Guest register ranges [offset, offset+size).
struct RegSet {
  static constexpr Int kMax = 64;
  Int lo[kMax], hi[kMax];
  Int n = 0;
  Bool all = False;  // overflowed, or written by an indexed PUT
  void add(Int offset, Int size) {
    if (n == kMax) {
      all = True;
      return;
    }
    lo[n] = offset;
    hi[n] = offset + size;
    n++;
  }
  Bool overlaps(Int offset, Int size) const {
    if (all) return True;
    for (Int i = 0; i < n; i++)
      if (offset < hi[i] && lo[i] < offset + size) return True;
    return False;
  }
};

// Returns whether expression e reads a temporary of `set`, or (with
// `regs`) a guest register of `regs`.
Bool reads(const IRExpr* e, const TempSet& set, const RegSet* regs) {
  if (!e) return False;
  switch (e->tag) {
    case Iex_RdTmp:
      return set.has(e->Iex.RdTmp.tmp);
    case Iex_Get:
      return regs && regs->overlaps(e->Iex.Get.offset, sizeofIRType(e->Iex.Get.ty));
    case Iex_GetI:
      return regs != nullptr && (regs->all || regs->n > 0);
    case Iex_Unop:
      return reads(e->Iex.Unop.arg, set, regs);
    case Iex_Binop:
      return reads(e->Iex.Binop.arg1, set, regs) || reads(e->Iex.Binop.arg2, set, regs);
    case Iex_Triop:
      return reads(e->Iex.Triop.details->arg1, set, regs) ||
             reads(e->Iex.Triop.details->arg2, set, regs) ||
             reads(e->Iex.Triop.details->arg3, set, regs);
    case Iex_Qop:
      return reads(e->Iex.Qop.details->arg1, set, regs) ||
             reads(e->Iex.Qop.details->arg2, set, regs) ||
             reads(e->Iex.Qop.details->arg3, set, regs) ||
             reads(e->Iex.Qop.details->arg4, set, regs);
    case Iex_ITE:
      return reads(e->Iex.ITE.cond, set, regs) || reads(e->Iex.ITE.iftrue, set, regs) ||
             reads(e->Iex.ITE.iffalse, set, regs);
    case Iex_CCall:
      for (Int i = 0; e->Iex.CCall.args[i]; i++)
        if (reads(e->Iex.CCall.args[i], set, regs)) return True;
      return False;
    case Iex_Load:
      return reads(e->Iex.Load.addr, set, regs);
    default:
      return False;
  }
}

// Returns whether expression e reads anything but temporaries of `set`
// (or of `also`), guest registers of `regs` and constants.
Bool reads_other(const IRExpr* e, const TempSet& set, const RegSet& regs,
                 const TempSet* also = nullptr) {
  if (!e) return False;
  switch (e->tag) {
    case Iex_Const:
      return False;
    case Iex_RdTmp:
      return !set.has(e->Iex.RdTmp.tmp) && !(also && also->has(e->Iex.RdTmp.tmp));
    case Iex_Get:
      return regs.all || !regs.overlaps(e->Iex.Get.offset, sizeofIRType(e->Iex.Get.ty));
    case Iex_Unop:
      return reads_other(e->Iex.Unop.arg, set, regs, also);
    case Iex_Binop:
      return reads_other(e->Iex.Binop.arg1, set, regs, also) ||
             reads_other(e->Iex.Binop.arg2, set, regs, also);
    case Iex_ITE:
      return reads_other(e->Iex.ITE.cond, set, regs, also) ||
             reads_other(e->Iex.ITE.iftrue, set, regs, also) ||
             reads_other(e->Iex.ITE.iffalse, set, regs, also);
    case Iex_CCall:
      for (Int i = 0; e->Iex.CCall.args[i]; i++)
        if (reads_other(e->Iex.CCall.args[i], set, regs, also)) return True;
      return False;
    default:
      return True;
  }
}

Bool is_comparison(IROp op) {
  switch (op) {
    case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
    case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
    case Iop_CmpLT32S: case Iop_CmpLT64S: case Iop_CmpLE32S: case Iop_CmpLE64S:
    case Iop_CmpLT32U: case Iop_CmpLT64U: case Iop_CmpLE32U: case Iop_CmpLE64U:
    case Iop_CasCmpEQ8: case Iop_CasCmpEQ16: case Iop_CasCmpEQ32: case Iop_CasCmpEQ64:
    case Iop_CasCmpNE8: case Iop_CasCmpNE16: case Iop_CasCmpNE32: case Iop_CasCmpNE64:
    case Iop_ExpCmpNE8: case Iop_ExpCmpNE16: case Iop_ExpCmpNE32: case Iop_ExpCmpNE64:
      return True;
    default:
      return False;
  }
}

// Returns whether e, computed from the loaded value, only tests it: a
// width change, a comparison, a bit mask, a condition -- not arithmetic
// (`if (n + 1 > limit)`, a conversion to floating point), which makes the
// value data.
Bool only_tests(const IRExpr* e, const TempSet& taint, const RegSet& regs) {
  switch (e->tag) {
    case Iex_RdTmp:
    case Iex_Get:
    case Iex_CCall:  // the flags helpers: a condition
      return True;
    case Iex_ITE:    // a select on the value is fine, selecting it is data
      return !reads(e->Iex.ITE.iftrue, taint, &regs) && !reads(e->Iex.ITE.iffalse, taint, &regs);
    case Iex_Unop:
      switch (e->Iex.Unop.op) {
        case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64: case Iop_16Uto32: case Iop_16Uto64:
        case Iop_32Uto64: case Iop_8Sto16: case Iop_8Sto32: case Iop_8Sto64: case Iop_16Sto32:
        case Iop_16Sto64: case Iop_32Sto64: case Iop_64to32: case Iop_64to16: case Iop_64to8:
        case Iop_32to16: case Iop_32to8: case Iop_16to8: case Iop_64to1: case Iop_32to1:
        case Iop_1Uto8: case Iop_1Uto32: case Iop_1Uto64: case Iop_1Sto8: case Iop_1Sto16:
        case Iop_1Sto32: case Iop_1Sto64: case Iop_Not1: case Iop_CmpNEZ8: case Iop_CmpNEZ16:
        case Iop_CmpNEZ32: case Iop_CmpNEZ64: case Iop_CmpwNEZ32: case Iop_CmpwNEZ64:
          return True;
        default:
          return False;
      }
    case Iex_Binop:
      if (is_comparison(e->Iex.Binop.op)) return True;
      switch (e->Iex.Binop.op) {
        case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
        case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
        case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
          return True;
        default:
          return False;
      }
    default:
      return False;
  }
}

Bool dirty_reads(const IRDirty* d, const TempSet& set, const RegSet* regs) {
  if (reads(d->guard, set, regs) || reads(d->mAddr, set, regs)) return True;
  for (Int i = 0; d->args[i]; i++)
    if (reads(d->args[i], set, regs)) return True;
  return False;
}

// The definitions of the superblock's temporaries (flat IR: each is
// written once).
struct Defs {
  const IRExpr** def;
  Int n;
  explicit Defs(const IRSB* sb) : n(sb->tyenv->types_used) {
    def = static_cast<const IRExpr**>(VG_(calloc)("racemap.defs", n + 1, sizeof(IRExpr*)));
    for (Int i = 0; i < sb->stmts_used; i++)
      if (sb->stmts[i]->tag == Ist_WrTmp && sb->stmts[i]->Ist.WrTmp.tmp < UInt(n))
        def[sb->stmts[i]->Ist.WrTmp.tmp] = sb->stmts[i]->Ist.WrTmp.data;
  }
  ~Defs() { VG_(free)(def); }
  Defs(const Defs&) = delete;
  Defs& operator=(const Defs&) = delete;
  // The expression that computed e (through copies of temporaries).
  const IRExpr* of(const IRExpr* e) const {
    for (Int hops = 0; e && e->tag == Iex_RdTmp && hops < 8; hops++) {
      const IRExpr* d = e->Iex.RdTmp.tmp < UInt(n) ? def[e->Iex.RdTmp.tmp] : nullptr;
      if (!d || d->tag != Iex_RdTmp) return d;
      e = d;
    }
    return nullptr;
  }
};

constexpr Int kFrameReg = __builtin_offsetof(VexGuestAMD64State, guest_RBP);
constexpr Int kStackReg = __builtin_offsetof(VexGuestAMD64State, guest_RSP);

// Returns whether e is the stack pointer, or the stack pointer plus a
// constant, as read in the superblock.
Bool from_stack_pointer(const Defs& defs, const IRExpr* e) {
  if (e->tag == Iex_RdTmp) e = defs.of(e);
  if (e && e->tag == Iex_Binop && (e->Iex.Binop.op == Iop_Add64 || e->Iex.Binop.op == Iop_Sub64) &&
      e->Iex.Binop.arg2->tag == Iex_Const) {
    e = e->Iex.Binop.arg1;
    if (e->tag == Iex_RdTmp) e = defs.of(e);
  }
  return e && e->tag == Iex_Get && e->Iex.Get.offset == kStackReg;
}

// The guest registers that the superblock writes, but for the stack
// pointer (loops push and pop in balance, and a call's push is undone by
// its return) and a frame pointer set from it (a function's prologue:
// its frame is where it was the last time).
void written_registers(const IRSB* sb, const Defs& defs, RegSet* regs) {
  for (Int i = 0; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    if (st->tag == Ist_Put && (st->Ist.Put.offset == kStackReg ||
                               (st->Ist.Put.offset == kFrameReg &&
                                from_stack_pointer(defs, st->Ist.Put.data)))) {
      continue;
    } else if (st->tag == Ist_Put) {
      regs->add(st->Ist.Put.offset, sizeofIRType(typeOfIRExpr(sb->tyenv, st->Ist.Put.data)));
    } else if (st->tag == Ist_PutI) {
      regs->all = True;
    } else if (st->tag == Ist_Dirty) {
      const IRDirty* d = st->Ist.Dirty.details;
      for (Int k = 0; k < d->nFxState; k++)
        if (d->fxState[k].fx != Ifx_Read)
          regs->add(d->fxState[k].offset,
                    d->fxState[k].size + d->fxState[k].nRepeats * d->fxState[k].repeatLen);
    }
  }
}

// The temporaries whose value may differ between two runs of the
// superblock from the same registers: what is computed from registers the
// superblock itself writes (an index, a cursor).  A value loaded from an
// unchanging address counts as unchanging: a pointer to a shared variable,
// reloaded each time (the data block of an OpenMP region).
void varying_temps(const IRSB* sb, const RegSet& written, TempSet* varying) {
  for (Int i = 0; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    switch (st->tag) {
      case Ist_WrTmp: {
        const IRExpr* e = st->Ist.WrTmp.data;
        if (reads(e, *varying, &written)) varying->add(st->Ist.WrTmp.tmp);
        break;
      }
      case Ist_LoadG:
        varying->add(st->Ist.LoadG.details->dst);
        break;
      case Ist_CAS:
        varying->add(st->Ist.CAS.details->oldLo);
        if (st->Ist.CAS.details->oldHi != IRTemp_INVALID) varying->add(st->Ist.CAS.details->oldHi);
        break;
      case Ist_LLSC:
        varying->add(st->Ist.LLSC.result);
        break;
      case Ist_Dirty:
        if (st->Ist.Dirty.details->tmp != IRTemp_INVALID) varying->add(st->Ist.Dirty.details->tmp);
        break;
      default:
        break;
    }
  }
}

// Returns whether no instruction follows statement `at`.
Bool ends_block(const IRSB* sb, Int at) {
  for (Int i = at + 1; i < sb->stmts_used; i++)
    if (sb->stmts[i]->tag == Ist_IMark || sb->stmts[i]->tag == Ist_Exit) return False;
  return True;
}

Addr const_target(const IRConst* c) {
  return c->tag == Ico_U64 ? Addr(c->Ico.U64) : c->tag == Ico_U32 ? Addr(c->Ico.U32) : 0;
}

// Returns whether addr is a slot of the stack frame (frame or stack
// pointer plus a constant), with *key naming it.
Bool stack_slot(const Defs& defs, const IRExpr* addr, Long* key) {
  const IRExpr* e = defs.of(addr);
  Long offset = 0;
  // In a function's first block the frame pointer is the stack pointer
  // less a constant: (%rsp - 8) - 0x30.
  for (Int hops = 0; hops < 3 && e && e->tag == Iex_Binop &&
                     (e->Iex.Binop.op == Iop_Add64 || e->Iex.Binop.op == Iop_Sub64) &&
                     e->Iex.Binop.arg2->tag == Iex_Const &&
                     e->Iex.Binop.arg2->Iex.Const.con->tag == Ico_U64;
       hops++) {
    Long c = Long(e->Iex.Binop.arg2->Iex.Const.con->Ico.U64);
    offset += e->Iex.Binop.op == Iop_Sub64 ? -c : c;
    e = defs.of(e->Iex.Binop.arg1);
  }
  if (!e || e->tag != Iex_Get || (e->Iex.Get.offset != kFrameReg && e->Iex.Get.offset != kStackReg))
    return False;
  *key = (Long(e->Iex.Get.offset) << 40) ^ offset;
  return True;
}

// Stack slots holding the loaded value (unoptimised code keeps every
// value in its frame).
struct Slots {
  static constexpr Int kMax = 8;
  Long key[kMax];
  Bool pure[kMax];
  Bool mixed[kMax];  // combined with another value (see acquire_kind)
  Int n = 0;
  Int find(Long k) const {
    for (Int i = 0; i < n; i++)
      if (key[i] == k) return i;
    return -1;
  }
  void put(Long k, Bool is_pure, Bool is_mixed) {
    Int i = find(k);
    if (i < 0 && n < kMax) i = n++;
    if (i >= 0) {
      key[i] = k;
      pure[i] = is_pure;
      mixed[i] = is_mixed;
    }
  }
  // The %rbp offset of slot i, if it is one of the frame pointer's.
  Bool frame_offset(Int i, Long* offset) const;
  void forget(Long k) {
    Int i = find(k);
    if (i >= 0) key[i] = key[--n], pure[i] = pure[n], mixed[i] = mixed[n];
  }
};

// Unoptimised code tests a loop's condition in a block of its own:
//     body:  mov (flag),%eax ; mov %eax,-4(%rbp) ; jmp test
//     test:  cmpl $0,-4(%rbp) ; je body
// or at the top of the loop's block, which the body jumps back to:
//     top:   cmpl $0,-4(%rbp) ; jne out ; mov (flag),%eax ;
//            mov %eax,-4(%rbp) ; jmp top
// Returns whether the guest code at `test` compares the frame slot at
// `offset` from %rbp (as gcc -O0 does: `cmp $k, slot` or `mov slot, reg`
// then `test`/`cmp $k`) and branches: to *taken, else to *next.
Bool slot_test(Addr test, Long offset, Addr* taken, Addr* next) {
  if (!VG_(am_is_valid_for_client)(test, 24, VKI_PROT_READ | VKI_PROT_EXEC)) return False;
  const UChar* p = reinterpret_cast<const UChar*>(test);
  // The slot operand: ModRM 0x45/0x7D (disp8) or 0x85/0xBD (disp32), base %rbp.
  auto slot_at = [&](const UChar* m, UInt reg, const UChar** after) -> Bool {
    Long disp;
    if (m[0] == (0x45 | (reg << 3))) {
      disp = static_cast<signed char>(m[1]);
      *after = m + 2;
    } else if (m[0] == (0x85 | (reg << 3))) {
      Int d32;
      VG_(memcpy)(&d32, m + 1, 4);
      disp = d32;
      *after = m + 5;
    } else {
      return False;
    }
    return disp == offset;
  };
  const UChar* q = nullptr;
  if (p[0] == 0x48) p++;  // REX.W: a 64-bit slot
  if ((p[0] == 0x83 || p[0] == 0x80) && slot_at(p + 1, 7, &q)) {
    q += 1;  // cmp $imm8, slot
  } else if (p[0] == 0x8B && slot_at(p + 1, 0, &q)) {
    // mov slot, %eax (or %rax); then test %eax,%eax or cmp $imm8, %eax
    if (q[0] == 0x48) q++;
    if (q[0] == 0x85 && q[1] == 0xC0) q += 2;
    else if (q[0] == 0x83 && q[1] == 0xF8) q += 3;
    else return False;
  } else if (p[0] == 0x0F && p[1] == 0xB6 && slot_at(p + 2, 0, &q)) {
    // movzbl slot, %eax; then test %al,%al or cmp $imm8, %al
    if (q[0] == 0x84 && q[1] == 0xC0) q += 2;
    else if (q[0] == 0x3C) q += 2;
    else return False;
  } else {
    return False;
  }
  if ((q[0] & 0xF0) == 0x70) {
    *next = Addr(q + 2);
    *taken = *next + static_cast<signed char>(q[1]);
  } else if (q[0] == 0x0F && (q[1] & 0xF0) == 0x80) {
    Int rel;
    VG_(memcpy)(&rel, q + 2, 4);
    *next = Addr(q + 6);
    *taken = *next + rel;
  } else {
    return False;
  }
  return True;
}

// Returns whether the slot named `key` (see stack_slot) is the frame
// pointer's, at *offset from it.
Bool frame_pointer_offset(Long key, Long* offset) {
  Long off = key ^ (Long(kFrameReg) << 40);
  if (off <= -(Long(1) << 39) || off >= (Long(1) << 39)) return False;  // %rsp's
  *offset = off;
  return True;
}

Bool Slots::frame_offset(Int i, Long* offset) const { return frame_pointer_offset(key[i], offset); }

// Finds the comparison that branch condition `guard` makes, one side of
// which is computed from the loaded value (*mine) and the other not
// (*other).
Bool comparison_sides(const Defs& defs, const IRExpr* guard, const TempSet& taint,
                      const RegSet& regs, const IRExpr** mine, const IRExpr** other) {
  const IRExpr* e = guard;
  for (Int hops = 0; hops < 8 && e; hops++) {
    if (e->tag == Iex_RdTmp) {
      e = defs.of(e);
    } else if (e->tag == Iex_Unop) {
      e = e->Iex.Unop.arg;  // 64to1, 1Uto64, Not1, widening
    } else {
      break;
    }
  }
  if (!e || e->tag != Iex_Binop || !is_comparison(e->Iex.Binop.op)) return False;
  const IRExpr* x = e->Iex.Binop.arg1;
  const IRExpr* y = e->Iex.Binop.arg2;
  Bool tx = reads(x, taint, &regs), ty = reads(y, taint, &regs);
  if (tx == ty) return False;
  *mine = tx ? x : y;
  *other = tx ? y : x;
  return True;
}

// Returns whether branch condition `guard` compares the loaded value with
// another value: the other side is no constant (`rd != wr`), or the loaded
// value was combined with another value before (`w - rd >= N`).  Both
// sides computed from the loaded value (a loop bound derived from a
// counter, `i < n + k` with i from n) or a constant compared with the
// value alone is no comparison with another thread's.
Bool compares_with_other(const Defs& defs, const IRExpr* guard, const TempSet& taint,
                         const RegSet& regs, const TempSet& consts, const TempSet& mixed) {
  const IRExpr *mine, *other;
  if (!comparison_sides(defs, guard, taint, regs, &mine, &other)) return False;
  return reads_other(other, taint, regs, &consts) || reads(mine, mixed, nullptr);
}

// Returns whether addr is a local variable of the thread's frame: below
// the frame pointer, or above the stack pointer.  (Optimised code uses
// %rbp for anything; a field of the structure it points to lies above it.)
Bool frame_local(const Defs& defs, const IRExpr* addr) {
  Long key, offset;
  if (!stack_slot(defs, addr, &key)) return False;
  return !frame_pointer_offset(key, &offset) || offset < 0;
}

// Returns whether branch condition `guard` compares the loaded value with
// one loaded from memory that is no local variable: two fields of one
// structure, as a std::vector's `_M_finish != _M_end_of_storage`, or a
// ring's `tail == head`.
Bool compares_with_field(const Defs& defs, const IRExpr* guard, const TempSet& taint,
                         const RegSet& regs) {
  const IRExpr *mine, *e;
  if (!comparison_sides(defs, guard, taint, regs, &mine, &e)) return False;
  for (Int hops = 0; hops < 8 && e && e->tag != Iex_Load; hops++) {
    if (e->tag == Iex_RdTmp) e = defs.of(e);
    else if (e->tag == Iex_Unop) e = e->Iex.Unop.arg;  // a width change
    else if (e->tag == Iex_Binop && e->Iex.Binop.arg2->tag == Iex_Const) e = e->Iex.Binop.arg1;
    else break;
  }
  return e && e->tag == Iex_Load && !frame_local(defs, e->Iex.Load.addr);
}

// Whether guest code fails within a few instructions, and whether a
// superblock goes on to fail past its side exits (defined below).
Bool traps(Addr a);
Bool continues_to_fail(const IRSB* sb);

// Follows the value of the load at statement `at` (loading temp `t` at
// guest address `pc`) through the rest of the superblock, and returns what
// kind of acquire it is, if any: kGuessedAcquire for a spin or a flag test,
// kReadOnlyAcquire for a value that decides a branch otherwise (compared
// with another value, or after arithmetic) and is neither dereferenced nor
// stored.  `pure`: the temporaries computed from that value and constants
// alone, by tests; `consts`: from constants alone; `mixed`: from that value
// and some other one.
UChar acquire_kind(const IRSB* sb, const Defs& defs, Int at, IRTemp t, Addr pc, TempSet* taint,
                   TempSet* pure, TempSet* consts, TempSet* mixed) {
  taint->clear();
  taint->add(t);
  pure->clear();
  pure->add(t);
  consts->clear();
  mixed->clear();
  RegSet regs;       // guest registers holding a value computed from it
  RegSet pure_regs;  // ... from it and constants alone
  // guard: the value decides a branch; flag_test: compared with constants
  // only (a flag, a state, a null pointer); back_edge: the branch loops;
  // data: the value is dereferenced, stored or passed on; arithmetic: it
  // is computed with (which makes it no flag, but it may yet be an index
  // compared with another thread's); compared: a branch on it also reads
  // another value, not a constant; field: that value is loaded from memory
  // other than the frame's locals.
  Bool guard = False, flag_test = False, back_edge = False, data = False, arithmetic = False,
       compared = False, field = False;
  Slots slots;
  Long key;
  for (Int i = at + 1; i < sb->stmts_used && !(data && guard); i++) {
    const IRStmt* st = sb->stmts[i];
    switch (st->tag) {
      case Ist_WrTmp: {
        const IRExpr* e = st->Ist.WrTmp.data;
        if (e->tag == Iex_Load) {
          if (reads(e->Iex.Load.addr, *taint, &regs)) {
            data = True;  // dereferenced
          } else if (stack_slot(defs, e->Iex.Load.addr, &key) && slots.find(key) >= 0) {
            taint->add(st->Ist.WrTmp.tmp);  // the value again, from its slot
            if (slots.pure[slots.find(key)]) pure->add(st->Ist.WrTmp.tmp);
            if (slots.mixed[slots.find(key)]) mixed->add(st->Ist.WrTmp.tmp);
          }
        } else if (reads(e, *taint, &regs)) {
          taint->add(st->Ist.WrTmp.tmp);
          if (!only_tests(e, *taint, regs)) arithmetic = True;
          else if (!reads_other(e, *pure, pure_regs)) pure->add(st->Ist.WrTmp.tmp);
          if (reads(e, *mixed, nullptr) || reads_other(e, *taint, regs, consts))
            mixed->add(st->Ist.WrTmp.tmp);
        } else if (!reads_other(e, *consts, RegSet())) {
          consts->add(st->Ist.WrTmp.tmp);
        }
        break;
      }
      case Ist_Put: {
        Int size = sizeofIRType(typeOfIRExpr(sb->tyenv, st->Ist.Put.data));
        if (reads(st->Ist.Put.data, *taint, &regs)) {
          regs.add(st->Ist.Put.offset, size);
          if (!reads_other(st->Ist.Put.data, *pure, pure_regs)) pure_regs.add(st->Ist.Put.offset, size);
        }
        break;
      }
      case Ist_Store:
        if (stack_slot(defs, st->Ist.Store.addr, &key)) {
          // Kept in the frame: followed, not used.
          if (reads(st->Ist.Store.data, *taint, &regs))
            slots.put(key, !reads_other(st->Ist.Store.data, *pure, pure_regs),
                      reads(st->Ist.Store.data, *mixed, nullptr));
          else
            slots.forget(key);
        } else if (reads(st->Ist.Store.addr, *taint, &regs) ||
                   reads(st->Ist.Store.data, *taint, &regs)) {
          data = True;
        }
        break;
      case Ist_StoreG:
        if (reads(st->Ist.StoreG.details->addr, *taint, &regs) ||
            reads(st->Ist.StoreG.details->data, *taint, &regs))
          data = True;
        break;
      case Ist_LoadG:
        if (reads(st->Ist.LoadG.details->addr, *taint, &regs)) data = True;
        break;
      case Ist_CAS:
        if (reads(st->Ist.CAS.details->addr, *taint, &regs) ||
            reads(st->Ist.CAS.details->dataLo, *taint, &regs) ||
            reads(st->Ist.CAS.details->expdLo, *taint, &regs))
          data = True;
        break;
      case Ist_Dirty:
        if (dirty_reads(st->Ist.Dirty.details, *taint, &regs)) data = True;
        break;
      case Ist_Exit:
        if (reads(st->Ist.Exit.guard, *taint, &regs)) {
          // A check whose failing side panics or aborts (Rust's overflow
          // and bounds checks: `s += x` is an add, then a branch on the
          // carry to a panic) decides nothing the program goes on with.
          Addr fail = const_target(st->Ist.Exit.dst);
          if ((fail && traps(fail)) || (ends_block(sb, i) && continues_to_fail(sb))) break;
          guard = True;
          if (!reads_other(st->Ist.Exit.guard, *pure, pure_regs)) flag_test = True;
          if (compares_with_other(defs, st->Ist.Exit.guard, *taint, regs, *consts, *mixed))
            compared = True;
          if (compares_with_field(defs, st->Ist.Exit.guard, *taint, regs)) field = True;
          Addr dst = const_target(st->Ist.Exit.dst);
          if (dst && dst <= pc) back_edge = True;
          // A conditional jump that ends the superblock: its other target
          // is the superblock's next.
          if (ends_block(sb, i) && sb->next->tag == Iex_Const) {
            Addr next = const_target(sb->next->Iex.Const.con);
            if (next && next <= pc) back_edge = True;
          }
        }
        break;
      default:
        break;
    }
  }
  // Unoptimised code parks the value in its frame and jumps to the loop's
  // test, in a block of its own: a spin if that test branches back here.
  if (!guard && !data && !back_edge && slots.n > 0 && sb->jumpkind == Ijk_Boring &&
      sb->next->tag == Iex_Const) {
    Addr test = const_target(sb->next->Iex.Const.con);
    Addr start = 0;
    for (Int i = 0; i < sb->stmts_used && !start; i++)
      if (sb->stmts[i]->tag == Ist_IMark) start = sb->stmts[i]->Ist.IMark.addr + sb->stmts[i]->Ist.IMark.delta;
    Long offset;
    Addr taken, next;
    for (Int k = 0; k < slots.n && !back_edge; k++)
      if (slots.frame_offset(k, &offset) && slot_test(test, offset, &taken, &next) &&
          (test == start || taken == start || next == start))
        back_edge = True;
  }
  // A pointer tested and used in a later superblock would look like a
  // flag here: only values of flag size (bool, int, enum) qualify.
  Bool flag_sized = sizeofIRType(typeOfIRTemp(sb->tyenv, t)) <= 4;
  // A loop that compares two fields of one structure may be a ring's
  // consumer waiting for the producer's index -- or a std::vector's
  // push_back, whose out-of-line reallocation gcc lays out before the loop
  // (`if (_M_finish == _M_end_of_storage)` then branches backwards), run by
  // two threads: taken for an acquire only while the thread never stores
  // there.
  if (back_edge && field && !data) return kReadOnlyAcquire;
  if (back_edge || (flag_test && flag_sized && !data && !arithmetic)) return kGuessedAcquire;
  // A value tested against constants only, but computed with first, is
  // data (`if (len == 15 || len == 0)`): only one compared with another
  // value may be an index of another thread's.
  return compared && !data ? kReadOnlyAcquire : 0;
}

// Returns whether expressions a and b compute the same value, seen through
// the temporaries that hold them (the superblock's registers that they read
// are taken as unchanged: the caller checks that).
Bool same_value(const Defs& defs, const IRExpr* a, const IRExpr* b, Int depth = 0) {
  if (depth > 8) return False;
  if (a->tag == Iex_RdTmp && b->tag == Iex_RdTmp && a->Iex.RdTmp.tmp == b->Iex.RdTmp.tmp) return True;
  if (a->tag == Iex_RdTmp) a = defs.of(a);
  if (b->tag == Iex_RdTmp) b = defs.of(b);
  if (!a || !b || a->tag != b->tag) return False;
  switch (a->tag) {
    case Iex_Const:
      return eqIRConst(a->Iex.Const.con, b->Iex.Const.con);
    case Iex_Get:
      return a->Iex.Get.offset == b->Iex.Get.offset && a->Iex.Get.ty == b->Iex.Get.ty;
    case Iex_Unop:
      return a->Iex.Unop.op == b->Iex.Unop.op && same_value(defs, a->Iex.Unop.arg, b->Iex.Unop.arg, depth + 1);
    case Iex_Binop:
      return a->Iex.Binop.op == b->Iex.Binop.op &&
             same_value(defs, a->Iex.Binop.arg1, b->Iex.Binop.arg1, depth + 1) &&
             same_value(defs, a->Iex.Binop.arg2, b->Iex.Binop.arg2, depth + 1);
    case Iex_Load: {
      // Unoptimised code reloads a pointer from its frame slot before each
      // use (`*j` through the slot holding j, OpenMP's .omp_data_i): two
      // loads of one slot are one value (a store to the slot in between
      // would be a store to a frame slot, which no caller compares).
      Long ka, kb;
      return a->Iex.Load.ty == b->Iex.Load.ty && stack_slot(defs, a->Iex.Load.addr, &ka) &&
             stack_slot(defs, b->Iex.Load.addr, &kb) && ka == kb;
    }
    default:
      return False;
  }
}

// Returns whether the superblock has a plain store to address `addr` (one
// that does not change within it): then a test of the value loaded from
// there is the thread's own loop counter or its unguarded test-and-set
// (`for (*j = 0; *j < n; (*j)++)`, `if (!done) done = 1`), not a wait for
// another thread.
Bool stored_to(const IRSB* sb, const Defs& defs, const IRExpr* addr) {
  for (Int i = 0; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    const IRExpr* to = st->tag == Ist_Store    ? st->Ist.Store.addr
                       : st->tag == Ist_StoreG ? st->Ist.StoreG.details->addr
                                               : nullptr;
    if (to && same_value(defs, to, addr)) return True;
  }
  return False;
}

// Returns whether the instruction after the one holding statement `at` is
// a full fence (MFENCE).
Bool fence_follows(const IRSB* sb, Int at) {
  Int marks = 0;
  for (Int i = at + 1; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    if (st->tag == Ist_IMark && ++marks == 2) return False;
    if (st->tag == Ist_MBE && st->Ist.MBE.event == Imbe_Fence) return marks == 1;
    if (st->tag == Ist_Store) return False;
  }
  return False;
}

// Returns whether the debug info puts the instruction at pc in the source
// of a language's atomic types.
Bool in_atomics_source(Addr pc) {
  const HChar* file = nullptr;
  UInt line;
  if (!VG_(get_filename_linenum)(VG_(current_DiEpoch)(), pc, &file, nullptr, &line) || !file)
    return False;
  const HChar* base = VG_(strrchr)(file, '/');
  base = base ? base + 1 : file;
  static const HChar* const kAtomicsSources[] = {
      "atomic",        "atomic_base.h", "atomic_wait.h", "atomic_timed_wait.h",
      "atomic_futex.h", "atomicity.h",  "stdatomic.h",   "atomic.rs",
  };
  for (const HChar* name : kAtomicsSources)
    if (VG_(strcmp)(base, name) == 0) return True;
  return False;
}

// Returns the address of the instruction holding statement `at`.
Addr pc_of(const IRSB* sb, Int at) {
  for (Int j = at; j >= 0; j--)
    if (sb->stmts[j]->tag == Ist_IMark) return sb->stmts[j]->Ist.IMark.addr + sb->stmts[j]->Ist.IMark.delta;
  return 0;
}

// The address a load or store statement accesses (null for others).
const IRExpr* access_addr(const IRStmt* st, Bool* store) {
  if (st->tag == Ist_WrTmp && st->Ist.WrTmp.data->tag == Iex_Load) {
    *store = False;
    return st->Ist.WrTmp.data->Iex.Load.addr;
  }
  if (st->tag == Ist_Store) {
    *store = True;
    return st->Ist.Store.addr;
  }
  return nullptr;
}

// Returns whether the source line of the load (or store) at statement
// `at`, instruction `pc`, says it is a C11 atomic one (rm_source_line.h),
// and which of the line's accesses it is leaves no doubt: a global whose
// name is the object of one of the line's atomic loads (stores), or, when
// the line accesses nothing else through a pointer, an index or a member,
// one of no more loads (stores) through registers in this superblock than
// the line has atomic calls of that kind.  The thread's own frame (where
// unoptimised code parks the value) is never the object.
Bool source_says_atomic(const IRSB* sb, const Defs& defs, Int at, Addr pc) {
  Bool store;
  const IRExpr* addr = access_addr(sb->stmts[at], &store);
  const HChar* text;
  SizeT len;
  const HChar* file;
  UInt line;
  auto in_frame = [&](const IRExpr* a) { return frame_local(defs, a) || from_stack_pointer(defs, a); };
  if (!addr || in_frame(addr) || !source_line(pc, &text, &len, &file, &line))
    return False;
  LineAtomics calls = scan_line(text, len);
  UInt wanted = store ? calls.stores : calls.loads;
  if (wanted == 0) return False;
  const IRExpr* a = addr->tag == Iex_RdTmp ? defs.of(addr) : addr;
  if (a && a->tag == Iex_Const) {
    const HChar* name = nullptr;
    PtrdiffT offset;
    return VG_(get_datasym_and_offset)(VG_(current_DiEpoch)(), const_target(a->Iex.Const.con),
                                       &name, &offset) &&
           name && names_atomic_object(text, len, name, store);
  }
  if (calls.other_memory) return False;
  UInt same_line = 0;
  for (Int i = 0; i < sb->stmts_used; i++) {
    Bool s2;
    const IRExpr* other = access_addr(sb->stmts[i], &s2);
    if (!other || s2 != store || in_frame(other)) continue;
    const IRExpr* o = other->tag == Iex_RdTmp ? defs.of(other) : other;
    if (o && o->tag == Iex_Const) continue;
    const HChar* f2 = nullptr;
    UInt l2 = 0;
    if (VG_(get_filename_linenum)(VG_(current_DiEpoch)(), pc_of(sb, i), &f2, nullptr, &l2) &&
        l2 == line && f2 && VG_(strcmp)(f2, file) == 0)
      same_line++;
  }
  return same_line <= wanted;
}

// Returns whether the function at `a` only fails: abort
// (std::process::abort, the C library's abort, its PLT entry), a panic
// (core::panicking::*), or an overflow handler (Rust's
// ScopeData::overflow, which panics).
Bool fails(Addr a) {
  const HChar* fn = nullptr;
  if (!a || !VG_(get_fnname)(VG_(current_DiEpoch)(), a, &fn) || !fn) return False;
  const HChar* tail = VG_(strrchr)(fn, ':');
  tail = tail ? tail + 1 : fn;
  auto named = [&](const HChar* name) {
    SizeT n = VG_(strlen)(name);
    return VG_(strncmp)(tail, name, n) == 0 && (tail[n] == '\0' || tail[n] == '@');
  };
  return named("abort") || named("overflow") || VG_(strstr)(fn, "panicking::");
}

// Decodes the program's instruction at `a` (rm_x86_decode.h).
Bool decode_client(Addr a, X86Insn* in) {
  SizeT n = 16;
  while (n > 0 && !VG_(am_is_valid_for_client)(a, n, VKI_PROT_READ | VKI_PROT_EXEC)) n--;
  return a && n > 0 && decode_x86(reinterpret_cast<const u8*>(a), n, a, in);
}

// Returns whether the guest code at `a` fails, within a few instructions
// (jumps followed): `ud2` (Rust's intrinsics::abort, and what follows a
// call that never returns), or a call of a function that fails (above),
// directly or through its GOT slot.
Bool traps(Addr a) {
  for (Int steps = 0; steps < 6; steps++) {
    X86Insn in;
    if (!decode_client(a, &in)) return False;
    const UChar* p = reinterpret_cast<const UChar*>(a);
    if (in.length == 2 && p[0] == 0x0F && p[1] == 0x0B) return True;  // ud2
    if (in.flow == X86Insn::kJump && in.target) {
      a = in.target;
      continue;
    }
    if (in.flow == X86Insn::kNext) {  // setting up the call: push %rbp...
      a += in.length;
      continue;
    }
    if (in.flow != X86Insn::kCall) return False;
    Addr callee = in.target;
    if (!callee && in.length == 6 && p[0] == 0xFF && p[1] == 0x15) {  // call *rel32(%rip)
      Int rel;
      VG_(memcpy)(&rel, p + 2, 4);
      Addr slot = a + 6 + rel;
      if (VG_(am_is_valid_for_client)(slot, 8, VKI_PROT_READ))
        VG_(memcpy)(&callee, reinterpret_cast<const void*>(slot), 8);
    }
    if (fails(callee)) return True;
    // A call the compiler knows does not return is followed by `ud2`
    // (unoptimised Rust calls its panics through a register).
    a += in.length;
  }
  return False;
}

// Returns whether the superblock, past its side exits, goes on to fail
// (`lock inc; jg ok; jmp abort`: the branch to the normal path is taken).
Bool continues_to_fail(const IRSB* sb) {
  if (sb->next->tag != Iex_Const) return False;
  Addr next = const_target(sb->next->Iex.Const.con);
  if (sb->jumpkind == Ijk_Call) return fails(next);
  return sb->jumpkind == Ijk_Boring && traps(next);
}

// Returns the statement that loads the old value of the atomic
// read-modify-write at statement `at` (an Ist_CAS), or -1.  x86's
// `lock add` is a load, the new value computed from it, the CAS, a branch
// back to the instruction if the CAS failed, and the flags thunk; that
// load is part of the RMW, not an access of its own.  (A `cmpxchg`
// compares with a register: it has none.)
Int rmw_load(const IRSB* sb, const Defs& defs, Int at) {
  const IRCAS* cas = sb->stmts[at]->Ist.CAS.details;
  if (cas->oldHi != IRTemp_INVALID || cas->expdLo->tag != Iex_RdTmp) return -1;
  const IRExpr* ld = defs.of(cas->expdLo);
  if (!ld || ld->tag != Iex_Load || !same_value(defs, ld->Iex.Load.addr, cas->addr)) return -1;
  for (Int i = 0; i < at; i++)
    if (sb->stmts[i]->tag == Ist_WrTmp && sb->stmts[i]->Ist.WrTmp.data == ld) return i;
  return -1;
}

// Returns whether the code reads the old value of the atomic
// read-modify-write at statement `at` (instruction `pc`), loaded at
// statement `load`.  It
// does not if nothing but the CAS, its retry and an overflow check that
// fails (traps) reads it: `counter.fetch_add(1)` with the result dropped,
// a reduction's `lock add`, Rust's Arc::clone.  The flags count as read
// only when the superblock ends by
// falling through to its next instruction (VEX cut it there): a compiler
// tests them right after the instruction, and a later flag-setting
// instruction in the superblock removes the thunk.
Bool rmw_result_used(const IRSB* sb, const Defs& defs, Int at, Int load, Addr pc) {
  const IRCAS* cas = sb->stmts[at]->Ist.CAS.details;
  Addr end = 0;  // the address after the superblock's last instruction
  for (Int i = sb->stmts_used - 1; i >= 0 && !end; i--)
    if (sb->stmts[i]->tag == Ist_IMark)
      end = sb->stmts[i]->Ist.IMark.addr + sb->stmts[i]->Ist.IMark.delta + sb->stmts[i]->Ist.IMark.len;
  Bool cut = sb->jumpkind == Ijk_Boring && sb->next->tag == Iex_Const &&
             const_target(sb->next->Iex.Const.con) == end;
  Bool ends_with_branch = False;  // the last instruction is a conditional jump
  for (Int i = sb->stmts_used - 1; i >= 0 && sb->stmts[i]->tag != Ist_IMark; i--)
    if (sb->stmts[i]->tag == Ist_Exit) ends_with_branch = True;
  Bool flags_die = !cut || ends_with_branch;
  TempSet old(sb->tyenv->types_used);
  old.add(sb->stmts[load]->Ist.WrTmp.tmp);
  old.add(cas->oldLo);
  // Unoptimised code parks the value in its frame, reloads it and parks
  // it again (Rust's Arc::clone at opt-level 0): followed through those
  // slots, and no use as long as the value is checked for overflow here
  // (a register still holding it then is dead: such code reloads every
  // value from its frame).  Otherwise a parked value may be read later,
  // out of sight.
  constexpr Int kMaxSpills = 8;
  Long spilled[kMaxSpills];
  Int nspilled = 0;
  Bool checked = False;
  Bool in_register = False;  // a register holds it (unoptimised code: until the next statement)
  for (Int i = load + 1; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    switch (st->tag) {
      case Ist_WrTmp: {
        const IRExpr* d = st->Ist.WrTmp.data;
        Long key;
        if (reads(d, old, nullptr)) old.add(st->Ist.WrTmp.tmp);
        else if (d->tag == Iex_Load && stack_slot(defs, d->Iex.Load.addr, &key))
          for (Int k = 0; k < nspilled; k++)
            if (spilled[k] == key) old.add(st->Ist.WrTmp.tmp);
        break;
      }
      case Ist_Put:
        if (reads(st->Ist.Put.data, old, nullptr)) {
          Int off = st->Ist.Put.offset;
          Bool thunk = off == __builtin_offsetof(VexGuestAMD64State, guest_CC_DEP1) ||
                       off == __builtin_offsetof(VexGuestAMD64State, guest_CC_DEP2) ||
                       off == __builtin_offsetof(VexGuestAMD64State, guest_CC_NDEP);
          if (thunk && !flags_die) return True;
          if (!thunk) in_register = True;
        }
        break;
      case Ist_Exit:
        // The retry of a failed CAS branches back to the instruction; an
        // overflow check fails on one side (`if old > MAX { abort() }`,
        // Rust's Arc::clone and Sender::clone).
        if (reads(st->Ist.Exit.guard, old, nullptr) && const_target(st->Ist.Exit.dst) != pc) {
          if (!traps(const_target(st->Ist.Exit.dst)) && !continues_to_fail(sb)) return True;
          checked = True;
        }
        break;
      case Ist_CAS:
        if (i != at && (reads(st->Ist.CAS.details->addr, old, nullptr) ||
                        reads(st->Ist.CAS.details->dataLo, old, nullptr) ||
                        reads(st->Ist.CAS.details->expdLo, old, nullptr)))
          return True;
        break;
      case Ist_Store: {
        Long key;
        if (reads(st->Ist.Store.addr, old, nullptr)) return True;
        if (!reads(st->Ist.Store.data, old, nullptr)) break;
        if (nspilled == kMaxSpills || !stack_slot(defs, st->Ist.Store.addr, &key)) return True;
        spilled[nspilled++] = key;
        break;
      }
      case Ist_StoreG:
      case Ist_LoadG:
      case Ist_Dirty:
      case Ist_LLSC:
        return True;  // rare beside an RMW: not followed
      default:
        break;
    }
  }
  if (reads(sb->next, old, nullptr)) return True;
  if (nspilled > 0) return !checked;
  return in_register;
}

// Returns whether `a` lies in a global offset table.
Bool in_got(Addr a) {
  for (const DebugInfo* di = VG_(next_DebugInfo)(nullptr); di; di = VG_(next_DebugInfo)(di)) {
    Addr got = VG_(DebugInfo_get_got_avma)(di), gotplt = VG_(DebugInfo_get_gotplt_avma)(di);
    if ((got && a >= got && a - got < VG_(DebugInfo_get_got_size)(di)) ||
        (gotplt && a >= gotplt && a - gotplt < VG_(DebugInfo_get_gotplt_size)(di)))
      return True;
  }
  return False;
}

}  // namespace

void find_atomic_movs(const IRSB* sb, UChar* atomic) {
  Defs defs(sb);
  RegSet written;
  written_registers(sb, defs, &written);
  TempSet varying(sb->tyenv->types_used);
  varying_temps(sb, written, &varying);
  TempSet taint(sb->tyenv->types_used), pure(sb->tyenv->types_used), consts(sb->tyenv->types_used),
      mixed(sb->tyenv->types_used);
  Addr pc = 0;
  for (Int i = 0; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    atomic[i] = 0;
    if (st->tag == Ist_IMark) {
      pc = st->Ist.IMark.addr + st->Ist.IMark.delta;
    } else if (st->tag == Ist_WrTmp && st->Ist.WrTmp.data->tag == Iex_Load) {
      const IRExpr* ld = st->Ist.WrTmp.data;
      if (sizeofIRType(ld->Iex.Load.ty) > 8) continue;
      // A load the source line names is as good as one of the shapes: under
      // a lock it may still read the lock's data (Detector::access).
      if (in_atomics_source(pc))
        atomic[i] = kAtomicMov;
      else if (source_says_atomic(sb, defs, i, pc))
        atomic[i] = kGuessedAcquire;
      else if (!reads(ld->Iex.Load.addr, varying, &written) && !stored_to(sb, defs, ld->Iex.Load.addr))
        atomic[i] = acquire_kind(sb, defs, i, st->Ist.WrTmp.tmp, pc, &taint, &pure, &consts, &mixed);
      // A local variable of the frame is no other thread's index.
      if (atomic[i] == kReadOnlyAcquire && frame_local(defs, ld->Iex.Load.addr)) atomic[i] = 0;
    } else if (st->tag == Ist_Store) {
      if (sizeofIRType(typeOfIRExpr(sb->tyenv, st->Ist.Store.data)) > 8) continue;
      if (fence_follows(sb, i) || in_atomics_source(pc) || source_says_atomic(sb, defs, i, pc))
        atomic[i] = kAtomicMov;
    }
    if (atomic[i] && clo.trace_atomics)
      VG_(dmsg)("racemap: %s at %s\n",
                st->tag == Ist_Store                 ? "seq_cst store"
                : atomic[i] == kReadOnlyAcquire      ? "read-only acquire load"
                                                     : "acquire load",
                VG_(describe_IP)(VG_(current_DiEpoch)(), pc, nullptr));
  }
}

void find_rmw_loads(const IRSB* sb, UChar* marks) {
  Defs defs(sb);
  for (Int i = 0; i < sb->stmts_used; i++) {
    if (sb->stmts[i]->tag != Ist_CAS) continue;
    Int load = rmw_load(sb, defs, i);
    if (load < 0) continue;
    marks[load] = kRmwLoad;
    Addr pc = pc_of(sb, load);
    if (rmw_result_used(sb, defs, i, load, pc)) continue;
    marks[i] = kReleaseRmw;
    if (clo.trace_atomics)
      VG_(dmsg)("racemap: release-only read-modify-write at %s\n",
                VG_(describe_IP)(VG_(current_DiEpoch)(), pc, nullptr));
  }
}

// A call or push stores at the stack pointer it sets; a return or pop
// loads at the one it adds to, all within one instruction.  A PLT stub, or
// a call compiled with -fno-plt, loads a constant address in a GOT.  (Such
// accesses are not checked: a race on a return address is not the
// program's, and a critical section that only calls the unlock has nothing
// in it -- Detector::lock_begin.)
void find_bookkeeping(const IRSB* sb, Int sp_offset, UChar* marks) {
  for (Int i = 0; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    if (marks[i] || st->tag != Ist_WrTmp || st->Ist.WrTmp.data->tag != Iex_Load) continue;
    const IRExpr* addr = st->Ist.WrTmp.data->Iex.Load.addr;
    if (addr->tag == Iex_Const && addr->Iex.Const.con->tag == Ico_U64 &&
        in_got(addr->Iex.Const.con->Ico.U64))
      marks[i] = kBookkeeping;
  }
  Defs defs(sb);
  Int insn = 0;  // the current instruction's first statement
  for (Int i = 0; i < sb->stmts_used; i++) {
    const IRStmt* st = sb->stmts[i];
    if (st->tag == Ist_IMark) insn = i;
    if (st->tag != Ist_Put || st->Ist.Put.offset != sp_offset || st->Ist.Put.data->tag != Iex_RdTmp)
      continue;
    IRTemp new_sp = st->Ist.Put.data->Iex.RdTmp.tmp;
    const IRExpr* d = defs.of(st->Ist.Put.data);
    Bool pop = d && d->tag == Iex_Binop && d->Iex.Binop.op == Iop_Add64 &&
               d->Iex.Binop.arg1->tag == Iex_RdTmp && d->Iex.Binop.arg2->tag == Iex_Const;
    IRTemp old_sp = pop ? d->Iex.Binop.arg1->Iex.RdTmp.tmp : IRTemp_INVALID;
    for (Int j = insn; j < sb->stmts_used; j++) {
      const IRStmt* s = sb->stmts[j];
      if (j > insn && s->tag == Ist_IMark) break;
      if (marks[j]) continue;
      if (s->tag == Ist_Store && s->Ist.Store.addr->tag == Iex_RdTmp &&
          s->Ist.Store.addr->Iex.RdTmp.tmp == new_sp)
        marks[j] = kBookkeeping;
      else if (old_sp != IRTemp_INVALID && s->tag == Ist_WrTmp &&
               s->Ist.WrTmp.data->tag == Iex_Load &&
               s->Ist.WrTmp.data->Iex.Load.addr->tag == Iex_RdTmp &&
               s->Ist.WrTmp.data->Iex.Load.addr->Iex.RdTmp.tmp == old_sp)
        marks[j] = kBookkeeping;
    }
  }
}

}  // namespace rm
