// rm_x86_decode_test.cpp -- instruction lengths and control flow.
#include <gtest/gtest.h>

#include "rm_x86_decode.h"

namespace rm {
namespace {

X86Insn decode(std::initializer_list<u8> bytes, uptr addr = 0x1000) {
  u8 buf[16] = {};
  usize n = 0;
  for (u8 b : bytes) buf[n++] = b;
  X86Insn in;
  EXPECT_TRUE(decode_x86(buf, n, addr, &in));
  EXPECT_EQ(in.length, n);
  return in;
}

TEST(X86Decode, PlainInstructions) {
  EXPECT_EQ(decode({0x55}).flow, X86Insn::kNext);                          // push %rbp
  EXPECT_EQ(decode({0x48, 0x89, 0xe5}).flow, X86Insn::kNext);              // mov %rsp,%rbp
  decode({0x8b, 0x44, 0x24, 0x08});                                        // mov 0x8(%rsp),%eax
  decode({0x48, 0x8b, 0x05, 0x10, 0x20, 0x00, 0x00});                      // mov 0x2010(%rip),%rax
  decode({0x48, 0xb8, 1, 2, 3, 4, 5, 6, 7, 8});                            // movabs $imm64,%rax
  decode({0x66, 0xc7, 0x45, 0xfe, 0x34, 0x12});                            // movw $0x1234,-0x2(%rbp)
  decode({0xc7, 0x45, 0xfc, 0x01, 0x00, 0x00, 0x00});                      // movl $1,-0x4(%rbp)
  decode({0xf6, 0x40, 0x08, 0x01});                                        // testb $1,0x8(%rax)
  decode({0xf7, 0xc1, 0xff, 0x00, 0x00, 0x00});                            // test $0xff,%ecx
  decode({0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00});   // nopw %cs:0(%rax,%rax)
  decode({0xf3, 0x0f, 0x1e, 0xfa});                                        // endbr64
  decode({0xf0, 0x48, 0x0f, 0xb1, 0x0a});                                  // lock cmpxchg %rcx,(%rdx)
  decode({0xf2, 0x0f, 0x58, 0x45, 0xf8});                                  // addsd -0x8(%rbp),%xmm0
  decode({0x66, 0x0f, 0x3a, 0x0f, 0xc1, 0x08});                            // palignr $8,%xmm1,%xmm0
  decode({0x66, 0x0f, 0x38, 0x00, 0xc1});                                  // pshufb %xmm1,%xmm0
  decode({0xc5, 0xfb, 0x58, 0xc1});                                        // vaddsd %xmm1,%xmm0,%xmm0
  decode({0xc4, 0xe3, 0x79, 0x17, 0xc0, 0x01});                            // vextractps $1,%xmm0,%eax
  decode({0x62, 0xf1, 0xfd, 0x48, 0x28, 0x44, 0x24, 0x01});                // vmovapd 0x40(%rsp),%zmm0
  decode({0xc5, 0xf8, 0x77});                                              // vzeroupper
}

TEST(X86Decode, Divisions) {
  EXPECT_TRUE(decode({0x41, 0xf7, 0xfc}).divide);        // idiv %r12d
  EXPECT_TRUE(decode({0x48, 0xf7, 0xf1}).divide);        // div %rcx
  EXPECT_FALSE(decode({0xf7, 0xe1}).divide);             // mul %ecx
}

TEST(X86Decode, ControlFlow) {
  X86Insn in = decode({0xeb, 0xfe}, 0x1000);  // jmp to itself
  EXPECT_EQ(in.flow, X86Insn::kJump);
  EXPECT_EQ(in.target, 0x1000u);
  in = decode({0x7c, 0x10}, 0x1000);  // jl +0x10
  EXPECT_EQ(in.flow, X86Insn::kBranch);
  EXPECT_EQ(in.target, 0x1012u);
  in = decode({0x0f, 0x8d, 0x00, 0xff, 0xff, 0xff}, 0x1000);  // jge -0x100
  EXPECT_EQ(in.flow, X86Insn::kBranch);
  EXPECT_EQ(in.target, 0x1006u - 0x100);
  in = decode({0xe9, 0x10, 0x00, 0x00, 0x00}, 0x1000);
  EXPECT_EQ(in.flow, X86Insn::kJump);
  EXPECT_EQ(in.target, 0x1015u);
  in = decode({0xe8, 0xfb, 0xff, 0xff, 0xff}, 0x1000);  // call to itself
  EXPECT_EQ(in.flow, X86Insn::kCall);
  EXPECT_EQ(in.target, 0x1000u);
  EXPECT_EQ(decode({0xff, 0xd0}).flow, X86Insn::kCall);            // call *%rax
  EXPECT_EQ(decode({0xff, 0xe0}).flow, X86Insn::kIndirect);        // jmp *%rax
  EXPECT_EQ(decode({0x3e, 0xff, 0xe0}).flow, X86Insn::kIndirect);  // notrack jmp *%rax
  EXPECT_EQ(decode({0xc3}).flow, X86Insn::kStop);                  // ret
  EXPECT_EQ(decode({0xf3, 0xc3}).flow, X86Insn::kStop);            // repz ret
  EXPECT_EQ(decode({0x0f, 0x0b}).flow, X86Insn::kStop);            // ud2
}

TEST(X86Decode, RejectsWhatIsNotAnInstruction) {
  X86Insn in;
  const u8 bad[] = {0x06};  // push %es: invalid in 64-bit mode
  EXPECT_FALSE(decode_x86(bad, sizeof bad, 0, &in));
  const u8 cut[] = {0x48, 0x8b, 0x05, 0x10};  // a RIP-relative mov cut short
  EXPECT_FALSE(decode_x86(cut, sizeof cut, 0, &in));
  EXPECT_FALSE(decode_x86(cut, 0, 0, &in));
}

}  // namespace
}  // namespace rm
