// rm_x86_decode.h -- the length and control flow of one x86-64 instruction.
//
// Just enough of the instruction set to follow the control flow of
// compiler-generated code (rm_static_loop.cpp): how long an instruction
// is, and whether it falls through, jumps (to where), calls or returns.
// Everything GCC and Clang emit for x86-64 user code is covered: legacy
// prefixes, REX, the one-byte, 0F, 0F38 and 0F3A opcode maps, VEX and
// EVEX.  No Valgrind calls: unit-tested natively.
#ifndef RM_X86_DECODE_H
#define RM_X86_DECODE_H

#include "rm_platform.h"

namespace rm {

struct X86Insn {
  enum Flow : u8 {
    kNext,      // falls through to the next instruction
    kJump,      // jumps to `target`, never falls through
    kBranch,    // jumps to `target` or falls through
    kCall,      // calls (directly or not), then falls through
    kStop,      // returns, halts or traps: no successor here
    kIndirect,  // jumps through a register or memory: successor unknown
  };
  u32 length = 0;
  Flow flow = kNext;
  uptr target = 0;  // kJump, kBranch; kCall when direct (else 0)
  // The division instructions the OpenMP static schedule uses: div, idiv.
  bool divide = false;
};

// Decodes the instruction at `addr`, whose first `avail` bytes are at `p`.
// Returns false for bytes that are not a valid instruction, or are cut
// short by `avail`.
bool decode_x86(const u8* p, usize avail, uptr addr, X86Insn* out);

}  // namespace rm

#endif  // RM_X86_DECODE_H
