// rm_x86_decode.cpp -- see rm_x86_decode.h.
//
// The tables follow the opcode maps of the Intel SDM, volume 2, appendix A,
// for 64-bit mode.
#include "rm_x86_decode.h"

namespace rm {

namespace {

// Immediate operand kinds.
enum Imm : u8 {
  kNone,
  kIb,     // 1 byte
  kIw,     // 2 bytes
  kIz,     // 2 bytes with an operand-size prefix, else 4
  kIv,     // 8 bytes with REX.W, 2 with an operand-size prefix, else 4
  kIwIb,   // enter: 3 bytes
  kRel8,   // a 1-byte branch displacement
  kRel32,  // a 4-byte branch displacement
  kMoffs,  // an 8-byte address (4 with an address-size prefix)
  kGrp3,   // test r/m, imm (reg 0, 1) takes kIb or kIz: see decode_x86
  kBad,    // not an instruction in 64-bit mode
};

// One-byte map: does the opcode take a ModRM byte, and what immediate.
struct Op {
  bool modrm;
  Imm imm;
};

Op one_byte(u8 op) {
  if (op < 0x40) {
    u8 lo = op & 7;
    if ((op & 0xf8) == 0x38 || lo < 6) {  // ALU ops: r/m forms, then AL/eAX, imm
      if (lo < 4) return {true, kNone};
      if (lo == 4) return {false, kIb};
      if (lo == 5) return {false, kIz};
    }
    return {false, kBad};  // push/pop segment, daa...: invalid in 64-bit mode
  }
  if (op < 0x60) return {false, kNone};  // (REX is a prefix) push, pop
  switch (op) {
    case 0x63: return {true, kNone};
    case 0x68: return {false, kIz};
    case 0x69: return {true, kIz};
    case 0x6a: return {false, kIb};
    case 0x6b: return {true, kIb};
    case 0x6c: case 0x6d: case 0x6e: case 0x6f: return {false, kNone};
    case 0x80: return {true, kIb};
    case 0x81: return {true, kIz};
    case 0x83: return {true, kIb};
    case 0xa0: case 0xa1: case 0xa2: case 0xa3: return {false, kMoffs};
    case 0xa8: return {false, kIb};
    case 0xa9: return {false, kIz};
    case 0xc0: case 0xc1: return {true, kIb};
    case 0xc2: return {false, kIw};
    case 0xc3: return {false, kNone};
    case 0xc6: return {true, kIb};
    case 0xc7: return {true, kIz};
    case 0xc8: return {false, kIwIb};
    case 0xc9: return {false, kNone};
    case 0xca: return {false, kIw};
    case 0xcb: case 0xcc: return {false, kNone};
    case 0xcd: return {false, kIb};
    case 0xcf: return {false, kNone};
    case 0xd7: return {false, kNone};
    case 0xe4: case 0xe5: case 0xe6: case 0xe7: return {false, kIb};
    case 0xe8: case 0xe9: return {false, kRel32};
    case 0xeb: return {false, kRel8};
    case 0xf1: case 0xf4: case 0xf5: return {false, kNone};
    case 0xf6: case 0xf7: return {true, kGrp3};
    case 0xfe: case 0xff: return {true, kNone};
    default: break;
  }
  if (op >= 0x70 && op <= 0x7f) return {false, kRel8};
  if (op >= 0x84 && op <= 0x8f) return {true, kNone};
  if (op >= 0x90 && op <= 0x9f) return {false, kNone};
  if (op >= 0xa4 && op <= 0xaf) return {false, kNone};
  if (op >= 0xb0 && op <= 0xb7) return {false, kIb};
  if (op >= 0xb8 && op <= 0xbf) return {false, kIv};
  if (op >= 0xd0 && op <= 0xd3) return {true, kNone};
  if (op >= 0xd8 && op <= 0xdf) return {true, kNone};  // x87
  if (op >= 0xe0 && op <= 0xe3) return {false, kRel8};  // loop, jrcxz
  if (op >= 0xec && op <= 0xef) return {false, kNone};
  if (op >= 0xf8 && op <= 0xfd) return {false, kNone};
  return {false, kBad};  // 0x60-0x62 (0x62 is EVEX, handled before), 0x82, 0xce, 0xd4-0xd6, 0xea
}

// The 0F map (after the 0F escape byte), for opcodes other than 38 and 3A.
Op two_byte(u8 op) {
  switch (op) {
    case 0x05: case 0x06: case 0x07: case 0x08: case 0x09: case 0x0b: case 0x0e:
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x37:
    case 0x77: case 0xa0: case 0xa1: case 0xa2: case 0xa8: case 0xa9: case 0xaa:
      return {false, kNone};
    case 0x0f: return {true, kIb};  // 3DNow!
    case 0x70: case 0x71: case 0x72: case 0x73:
    case 0xa4: case 0xac: case 0xba: case 0xc2: case 0xc4: case 0xc5: case 0xc6:
      return {true, kIb};
    case 0x04: case 0x0a: case 0x0c: case 0x24: case 0x25: case 0x26: case 0x27:
    case 0x36: case 0x39: case 0x3b: case 0x3c: case 0x3d: case 0x3e: case 0x3f:
      return {false, kBad};
    default: break;
  }
  if (op >= 0x80 && op <= 0x8f) return {false, kRel32};
  if (op >= 0xc8 && op <= 0xcf) return {false, kNone};  // bswap
  return {true, kNone};
}

// VEX- and EVEX-encoded: map 1 is 0F, 2 is 0F38, 3 is 0F3A.
Imm vex_imm(u8 map, u8 op) {
  if (map == 3) return kIb;
  if (map == 1 && ((op >= 0x70 && op <= 0x73) || op == 0xc2 || (op >= 0xc4 && op <= 0xc6)))
    return kIb;
  return kNone;
}

// The ModRM byte at p[0] and what follows it (SIB, displacement): returns
// their length, or 0 if `avail` cuts them short.
u32 modrm_length(const u8* p, usize avail) {
  if (avail < 1) return 0;
  u8 m = p[0], mod = m >> 6, rm = m & 7;
  u32 n = 1;
  if (mod == 3) return n;
  if (rm == 4) {
    if (avail < 2) return 0;
    u8 sib = p[1];
    n++;
    if (mod == 0 && (sib & 7) == 5) n += 4;
  } else if (mod == 0 && rm == 5) {
    n += 4;  // RIP-relative
  }
  if (mod == 1) n += 1;
  if (mod == 2) n += 4;
  return n <= avail ? n : 0;
}

// A branch displacement: signed, little-endian.
long rel32(const u8* p) {
  return long(int(u32(p[0]) | u32(p[1]) << 8 | u32(p[2]) << 16 | u32(p[3]) << 24));
}
long rel8(const u8* p) { return long(static_cast<signed char>(p[0])); }

}  // namespace

bool decode_x86(const u8* p, usize avail, uptr addr, X86Insn* out) {
  usize i = 0;
  bool opsize = false, addrsize = false, rex_w = false;
  // Legacy prefixes, then at most one REX right before the opcode.
  for (;; i++) {
    if (i >= avail || i >= 14) return false;
    u8 b = p[i];
    if (b == 0x66) opsize = true;
    else if (b == 0x67) addrsize = true;
    else if (b == 0xf0 || b == 0xf2 || b == 0xf3 || b == 0x2e || b == 0x36 || b == 0x3e ||
             b == 0x26 || b == 0x64 || b == 0x65) {
    } else {
      break;
    }
  }
  if ((p[i] & 0xf0) == 0x40) {
    rex_w = (p[i] & 8) != 0;
    if (++i >= avail) return false;
  }
  u8 op = p[i++];
  Op kind{true, kNone};
  bool vex = false;
  u8 map = 0;  // 0: one-byte; 1: 0F; 2: 0F38; 3: 0F3A
  if (op == 0xc4 || op == 0xc5 || op == 0x62) {
    // VEX (3 or 2 bytes) and EVEX (4 bytes): in 64-bit mode always so.
    usize payload = op == 0xc5 ? 1 : op == 0xc4 ? 2 : 3;
    if (i + payload >= avail) return false;
    map = op == 0xc5 ? 1 : (p[i] & (op == 0x62 ? 7 : 0x1f));
    if (map < 1 || map > 3) return false;
    i += payload;
    op = p[i++];
    vex = true;
    kind = Op{!(map == 1 && op == 0x77), vex_imm(map, op)};  // vzeroupper: no ModRM
  } else if (op == 0x0f) {
    if (i >= avail) return false;
    op = p[i++];
    if (op == 0x38 || op == 0x3a) {
      map = op == 0x38 ? 2 : 3;
      if (i >= avail) return false;
      op = p[i++];
      kind = Op{true, map == 3 ? kIb : kNone};
    } else {
      map = 1;
      kind = two_byte(op);
    }
  } else {
    kind = one_byte(op);
  }
  if (kind.imm == kBad) return false;
  u8 reg = 0;
  if (kind.modrm) {
    if (i >= avail) return false;
    reg = (p[i] >> 3) & 7;
    u32 n = modrm_length(p + i, avail - i);
    if (n == 0) return false;
    i += n;
  }
  usize imm = 0;
  switch (kind.imm) {
    case kIb: case kRel8: imm = 1; break;
    case kIw: imm = 2; break;
    case kIwIb: imm = 3; break;
    case kIz: imm = opsize ? 2 : 4; break;
    case kIv: imm = rex_w ? 8 : opsize ? 2 : 4; break;
    case kRel32: imm = 4; break;
    case kMoffs: imm = addrsize ? 4 : 8; break;
    case kGrp3: imm = reg >= 2 ? 0 : op == 0xf6 ? 1 : opsize ? 2 : 4; break;
    default: break;
  }
  if (i + imm > avail) return false;
  X86Insn r;
  r.length = u32(i + imm);
  uptr next = addr + r.length;
  if (!vex && map == 0) {
    if (op == 0xeb || (op >= 0x70 && op <= 0x7f) || (op >= 0xe0 && op <= 0xe3)) {
      r.target = next + uptr(rel8(p + i));
      r.flow = op == 0xeb ? X86Insn::kJump : X86Insn::kBranch;
    } else if (op == 0xe9 || op == 0xe8) {
      r.target = next + uptr(rel32(p + i));
      r.flow = op == 0xe9 ? X86Insn::kJump : X86Insn::kCall;
    } else if (op == 0xc3 || op == 0xc2 || op == 0xcb || op == 0xca || op == 0xcf ||
               op == 0xf4 || op == 0xcc || op == 0xf1) {
      r.flow = X86Insn::kStop;
    } else if (op == 0xff && (reg == 2 || reg == 3)) {
      r.flow = X86Insn::kCall;
    } else if (op == 0xff && (reg == 4 || reg == 5)) {
      r.flow = X86Insn::kIndirect;
    } else if ((op == 0xf6 || op == 0xf7) && (reg == 6 || reg == 7)) {
      r.divide = true;
    }
  } else if (!vex && map == 1) {
    if (op >= 0x80 && op <= 0x8f) {
      r.target = next + uptr(rel32(p + i));
      r.flow = X86Insn::kBranch;
    } else if (op == 0x0b || op == 0xb9 || op == 0xff) {
      r.flow = X86Insn::kStop;  // ud2, ud1, ud0
    }
  }
  *out = r;
  return true;
}

}  // namespace rm
