// Unit tests for rm_history.h: ShadowStack and History.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "rm_history.h"

using namespace rm;

namespace {

// Drives a ShadowStack and a History the way the detector does: each event
// is appended with the stack as it is before the event.
struct Recorder {
  ShadowStack stack;
  std::unique_ptr<History> h{new History};

  Clock push(uptr pc, uptr sp) {
    Clock c = h->append(EventKind::kPush, pc, stack);
    EXPECT_TRUE(stack.push(pc, sp));
    return c;
  }
  Clock pop(u32 n) {
    Clock c = h->append(EventKind::kPop, n, stack);
    stack.pop(n);
    return c;
  }
  Clock access(uptr pc, usize size = 4) { return h->append_access(pc, size, stack); }
  // Appends accesses until the next event will be the first of a part.
  void fill_to_part_end(uptr pc) {
    while (h->last() % History::kPartEvents != 0) access(pc);
  }
  std::vector<uptr> stack_at(Clock c, u32 max = 64) const {
    std::vector<uptr> out(max ? max : 1);
    u32 n = h->stack_at(c, out.data(), max);
    out.resize(n);
    return out;
  }
};

typedef std::vector<uptr> Pcs;

}  // namespace

// ---- ShadowStack

TEST(ShadowStack, StartsEmpty) {
  ShadowStack s;
  EXPECT_EQ(0u, s.depth());
  EXPECT_EQ(0u, s.stale_frames(0));
  EXPECT_EQ(0u, s.stale_frames(~uptr(0)));
}

TEST(ShadowStack, PushRecordsFramesOutermostFirst) {
  ShadowStack s;
  EXPECT_TRUE(s.push(0x100, 0x7000));
  EXPECT_TRUE(s.push(0x200, 0x6f00));
  ASSERT_EQ(2u, s.depth());
  EXPECT_EQ(0x100u, s.at(0).pc);
  EXPECT_EQ(0x7000u, s.at(0).sp);
  EXPECT_EQ(0x200u, s.at(1).pc);
  EXPECT_EQ(0x6f00u, s.at(1).sp);
}

TEST(ShadowStack, PushGrowsBeyondInitialCapacity) {
  ShadowStack s;
  for (uptr i = 0; i < 1000; i++) ASSERT_TRUE(s.push(0x1000 + i, 0x800000 - 16 * i));
  EXPECT_EQ(1000u, s.depth());
  for (u32 i = 0; i < 1000; i++) {
    EXPECT_EQ(0x1000u + i, s.at(i).pc);
    EXPECT_EQ(0x800000u - 16 * i, s.at(i).sp);
  }
}

TEST(ShadowStack, PushFailsWhenFullAndKeepsStack) {
  ShadowStack s;
  for (u32 i = 0; i < ShadowStack::kMaxDepth; i++) ASSERT_TRUE(s.push(i + 1, 0x10000000 - i));
  EXPECT_FALSE(s.push(0xdead, 1));
  EXPECT_EQ(ShadowStack::kMaxDepth, s.depth());
  EXPECT_EQ(uptr(ShadowStack::kMaxDepth), s.at(ShadowStack::kMaxDepth - 1).pc);
}

TEST(ShadowStack, FrameIsNotStaleAtItsOwnSpOrBelow) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  EXPECT_EQ(0u, s.stale_frames(0x7000));
  EXPECT_EQ(0u, s.stale_frames(0x6ff8));
}

TEST(ShadowStack, FrameIsStaleOnceSpIsAbove) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  EXPECT_EQ(1u, s.stale_frames(0x7001));
  EXPECT_EQ(1u, s.stale_frames(0x7008));
}

TEST(ShadowStack, StaleFramesCountsFromInnermost) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  s.push(0x200, 0x6f00);
  s.push(0x300, 0x6e00);
  EXPECT_EQ(0u, s.stale_frames(0x6e00));
  EXPECT_EQ(1u, s.stale_frames(0x6e08));
  EXPECT_EQ(1u, s.stale_frames(0x6f00));
  EXPECT_EQ(2u, s.stale_frames(0x6f08));
  EXPECT_EQ(3u, s.stale_frames(0x7008));
  EXPECT_EQ(3u, s.stale_frames(~uptr(0)));
  EXPECT_EQ(3u, s.depth());  // counting does not pop
}

TEST(ShadowStack, AtCallAFrameAtTheSameSpIsStale) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  s.push(0x200, 0x6f00);
  EXPECT_EQ(1u, s.stale_frames_at_call(0x6f00));  // a sibling call
  EXPECT_EQ(0u, s.stale_frames_at_call(0x6ef8));  // a nested call
  EXPECT_EQ(1u, s.stale_frames_at_call(0x6f80));
  EXPECT_EQ(2u, s.stale_frames_at_call(0x7000));
  EXPECT_EQ(0u, s.stale_frames(0x6f00));  // an access there is still inside
  EXPECT_EQ(2u, s.depth());
}

TEST(ShadowStack, PopRemovesInnermostFrames) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  s.push(0x200, 0x6f00);
  s.push(0x300, 0x6e00);
  s.pop(2);
  ASSERT_EQ(1u, s.depth());
  EXPECT_EQ(0x100u, s.at(0).pc);
  s.push(0x400, 0x6f80);
  EXPECT_EQ(0x400u, s.at(1).pc);
}

TEST(ShadowStack, PopMoreThanDepthEmpties) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  s.pop(5);
  EXPECT_EQ(0u, s.depth());
  s.pop(1);
  EXPECT_EQ(0u, s.depth());
}

TEST(ShadowStack, ClearEmpties) {
  ShadowStack s;
  s.push(0x100, 0x7000);
  s.push(0x200, 0x6f00);
  s.clear();
  EXPECT_EQ(0u, s.depth());
  EXPECT_EQ(0u, s.stale_frames(~uptr(0)));
}

// ---- History

TEST(History, AppendReturnsConsecutiveClocksFromOne) {
  Recorder r;
  EXPECT_EQ(0ull, r.h->last());
  EXPECT_EQ(1ull, r.access(0x10));
  EXPECT_EQ(2ull, r.push(0x20, 0x7000));
  EXPECT_EQ(3ull, r.pop(1));
  EXPECT_EQ(4ull, r.access(0x30));
  EXPECT_EQ(4ull, r.h->last());
}

TEST(History, AccessPcReturnsAccessAddress) {
  Recorder r;
  Clock a = r.access(0x401000);
  r.push(0x402000, 0x7000);
  Clock b = r.access(0x403000);
  EXPECT_EQ(0x401000u, r.h->access_pc(a));
  EXPECT_EQ(0x403000u, r.h->access_pc(b));
}

TEST(History, AccessPcOfNonAccessEventIsZero) {
  Recorder r;
  Clock p = r.push(0x402000, 0x7000);
  Clock q = r.pop(1);
  EXPECT_EQ(0u, r.h->access_pc(p));
  EXPECT_EQ(0u, r.h->access_pc(q));
  uptr out[4];
  EXPECT_EQ(0u, r.h->stack_at(p, out, 4));
}

TEST(History, AccessPcOutOfRangeIsZero) {
  Recorder r;
  EXPECT_EQ(0u, r.h->access_pc(1));
  r.access(0x10);
  EXPECT_EQ(0u, r.h->access_pc(0));
  EXPECT_EQ(0u, r.h->access_pc(2));
  uptr out[4];
  EXPECT_EQ(0u, r.h->stack_at(0, out, 4));
  EXPECT_EQ(0u, r.h->stack_at(2, out, 4));
}

TEST(History, AccessSizeIsRemembered) {
  Recorder r;
  Clock one = r.access(0x4010, 1);
  Clock eight = r.access(0x4020, 8);
  Clock big = r.access(0x4030, 255);
  EXPECT_EQ(1u, r.h->access_size(one));
  EXPECT_EQ(8u, r.h->access_size(eight));
  EXPECT_EQ(255u, r.h->access_size(big));
  EXPECT_EQ(0x4010u, r.h->access_pc(one));
  EXPECT_EQ(0x4020u, r.h->access_pc(eight));
  EXPECT_EQ(0x4030u, r.h->access_pc(big));
}

TEST(History, AccessSizeAbove255IsCapped) {
  Recorder r;
  Clock c = r.access(0x4010, 4096);
  EXPECT_EQ(255u, r.h->access_size(c));
  EXPECT_EQ(0x4010u, r.h->access_pc(c));
}

TEST(History, AccessSizeDoesNotLeakIntoStackPc) {
  Recorder r;
  r.push(0x100, 0x7000);
  uptr pc = (uptr(1) << 47) - 16;
  Clock c = r.access(pc, 200);
  EXPECT_EQ(Pcs({pc, 0x100}), r.stack_at(c));
}

TEST(History, AccessSizeOfGoneOrNonAccessEventIsZero) {
  Recorder r;
  Clock p = r.push(0x100, 0x7000);
  EXPECT_EQ(0u, r.h->access_size(p));
  EXPECT_EQ(0u, r.h->access_size(5));
}

TEST(History, AccessPcKeepsHighAddresses) {
  Recorder r;
  uptr pc = (uptr(1) << 47) - 16;
  Clock c = r.access(pc);
  EXPECT_EQ(pc, r.h->access_pc(c));
}

TEST(History, StackAtWithEmptyStackIsJustTheAccess) {
  Recorder r;
  Clock c = r.access(0x500);
  EXPECT_EQ(Pcs({0x500}), r.stack_at(c));
}

TEST(History, StackAtIsInnermostFirst) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.push(0x200, 0x6f00);
  r.push(0x300, 0x6e00);
  Clock c = r.access(0x999);
  EXPECT_EQ(Pcs({0x999, 0x300, 0x200, 0x100}), r.stack_at(c));
}

TEST(History, StackAtFollowsPushesAndPops) {
  Recorder r;
  r.push(0x100, 0x7000);
  Clock a1 = r.access(0x1001);
  r.push(0x200, 0x6f00);
  r.push(0x300, 0x6e00);
  Clock a2 = r.access(0x1002);
  r.pop(2);
  Clock a3 = r.access(0x1003);
  r.push(0x400, 0x6f00);
  Clock a4 = r.access(0x1004);
  r.pop(5);  // more than the depth
  Clock a5 = r.access(0x1005);
  EXPECT_EQ(Pcs({0x1001, 0x100}), r.stack_at(a1));
  EXPECT_EQ(Pcs({0x1002, 0x300, 0x200, 0x100}), r.stack_at(a2));
  EXPECT_EQ(Pcs({0x1003, 0x100}), r.stack_at(a3));
  EXPECT_EQ(Pcs({0x1004, 0x400, 0x100}), r.stack_at(a4));
  EXPECT_EQ(Pcs({0x1005}), r.stack_at(a5));
}

TEST(History, StackAtRespectsMax) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.push(0x200, 0x6f00);
  r.push(0x300, 0x6e00);
  Clock c = r.access(0x999);
  EXPECT_EQ(Pcs({0x999, 0x300}), r.stack_at(c, 2));
  EXPECT_EQ(Pcs({0x999}), r.stack_at(c, 1));
  EXPECT_EQ(Pcs(), r.stack_at(c, 0));
}

TEST(History, StackAtFirstEventOfSecondPartUsesSnapshot) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.push(0x200, 0x6f00);
  r.fill_to_part_end(0x1);
  Clock c = r.access(0x777);
  EXPECT_EQ(Clock(History::kPartEvents) + 1, c);
  EXPECT_EQ(Pcs({0x777, 0x200, 0x100}), r.stack_at(c));
}

TEST(History, StackAtLastEventOfFirstPart) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.push(0x200, 0x6f00);
  while (r.h->last() < History::kPartEvents - 1) r.access(0x1);
  Clock c = r.access(0x778);
  EXPECT_EQ(Clock(History::kPartEvents), c);
  r.pop(1);
  r.access(0x2);
  EXPECT_EQ(Pcs({0x778, 0x200, 0x100}), r.stack_at(c));
  EXPECT_EQ(0x778u, r.h->access_pc(c));
}

TEST(History, StackAtAcrossPartBoundaryWithPushesAndPops) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.push(0x200, 0x6f00);
  r.push(0x300, 0x6e00);
  r.fill_to_part_end(0x1);
  // part 2: snapshot is [0x100 0x200 0x300]
  r.pop(1);
  r.push(0x400, 0x6e80);
  Clock a = r.access(0x1001);
  r.push(0x500, 0x6e00);
  Clock b = r.access(0x1002);
  r.pop(2);
  Clock c = r.access(0x1003);
  EXPECT_EQ(Pcs({0x1001, 0x400, 0x200, 0x100}), r.stack_at(a));
  EXPECT_EQ(Pcs({0x1002, 0x500, 0x400, 0x200, 0x100}), r.stack_at(b));
  EXPECT_EQ(Pcs({0x1003, 0x200, 0x100}), r.stack_at(c));
}

TEST(History, PopReachingBelowSnapshot) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.push(0x200, 0x6f00);
  r.push(0x300, 0x6e00);
  r.fill_to_part_end(0x1);
  Clock a = r.pop(2);  // first event of part 2 pops two snapshot frames
  EXPECT_EQ(Clock(History::kPartEvents) + 1, a);
  Clock b = r.access(0x1001);
  r.pop(1);  // the last snapshot frame
  Clock c = r.access(0x1002);
  r.push(0x600, 0x6ff0);
  Clock d = r.access(0x1003);
  EXPECT_EQ(Pcs({0x1001, 0x100}), r.stack_at(b));
  EXPECT_EQ(Pcs({0x1002}), r.stack_at(c));
  EXPECT_EQ(Pcs({0x1003, 0x600}), r.stack_at(d));
}

TEST(History, PushAsFirstEventOfPartIsReplayed) {
  Recorder r;
  r.push(0x100, 0x7000);
  r.fill_to_part_end(0x1);
  r.push(0x200, 0x6f00);  // first event of part 2
  Clock c = r.access(0x1001);
  EXPECT_EQ(Pcs({0x1001, 0x200, 0x100}), r.stack_at(c));
}

TEST(History, EarlierPartsStayReplayableAfterNewOnes) {
  Recorder r;
  r.push(0x100, 0x7000);
  Clock early = r.access(0x1001);
  for (int part = 0; part < 5; part++) {
    r.push(0x200 + part, 0x6f00 - part * 16);
    r.fill_to_part_end(0x1);
  }
  Clock late = r.access(0x1002);
  EXPECT_EQ(Pcs({0x1001, 0x100}), r.stack_at(early));
  EXPECT_EQ(Pcs({0x1002, 0x204, 0x203, 0x202, 0x201, 0x200, 0x100}), r.stack_at(late));
}

TEST(History, StacksDeeperThanSnapshotKeepInnermostFrames) {
  Recorder r;
  const u32 depth = History::kSnapshotFrames + 10;
  for (u32 i = 0; i < depth; i++) r.push(0x10000 + i, 0x800000 - 16 * i);
  r.fill_to_part_end(0x1);
  Clock c = r.access(0x999);
  Pcs got = r.stack_at(c, 1000);
  ASSERT_EQ(History::kSnapshotFrames + 1, got.size());
  EXPECT_EQ(0x999u, got[0]);
  EXPECT_EQ(0x10000u + depth - 1, got[1]);
  EXPECT_EQ(0x10000u + depth - History::kSnapshotFrames, got.back());
}

TEST(History, SetLimitRecyclesOldestParts) {
  Recorder r;
  r.h->set_limit(2 * History::kPartEvents);  // two parts
  r.push(0x100, 0x7000);
  Clock first = r.access(0x1001);
  r.fill_to_part_end(0x1);
  Clock second = r.access(0x1002);  // part 2
  r.fill_to_part_end(0x1);
  // both parts are still there
  EXPECT_EQ(0x1001u, r.h->access_pc(first));
  EXPECT_EQ(0x1002u, r.h->access_pc(second));
  Clock third = r.access(0x1003);  // part 3 recycles part 1
  r.access(0x1);
  EXPECT_EQ(0u, r.h->access_pc(first));
  uptr out[8];
  EXPECT_EQ(0u, r.h->stack_at(first, out, 8));
  EXPECT_EQ(0x1002u, r.h->access_pc(second));
  EXPECT_EQ(Pcs({0x1002, 0x100}), r.stack_at(second));
  EXPECT_EQ(0x1003u, r.h->access_pc(third));
  EXPECT_EQ(Pcs({0x1003, 0x100}), r.stack_at(third));
}

TEST(History, SetLimitRoundsUpToAPowerOfTwoOfParts) {
  Recorder r;
  r.h->set_limit(2 * History::kPartEvents + 1);  // three parts, rounded to four
  Clock first = r.access(0x1001);
  r.fill_to_part_end(0x1);
  for (int part = 1; part < 3; part++) {
    r.access(0x2);
    r.fill_to_part_end(0x1);
  }
  Clock fourth = r.access(0x1004);
  r.fill_to_part_end(0x1);
  EXPECT_EQ(0x1001u, r.h->access_pc(first));
  r.access(0x5);  // part 5 recycles part 1
  EXPECT_EQ(0u, r.h->access_pc(first));
  EXPECT_EQ(0x1004u, r.h->access_pc(fourth));
}

TEST(History, SetLimitBelowTwoPartsKeepsTwo) {
  Recorder r;
  r.h->set_limit(1);
  Clock first = r.access(0x1001);
  r.fill_to_part_end(0x1);
  Clock second = r.access(0x1002);
  EXPECT_EQ(0x1001u, r.h->access_pc(first));
  EXPECT_EQ(0x1002u, r.h->access_pc(second));
  r.fill_to_part_end(0x1);
  r.access(0x3);
  EXPECT_EQ(0u, r.h->access_pc(first));
  EXPECT_EQ(0x1002u, r.h->access_pc(second));
}

TEST(History, LimitNotPowerOfTwoAcrossRingGrowth) {
  // Five parts round up to eight: the ring grows from 4 to 8 slots, then
  // recycles.
  Recorder r;
  r.h->set_limit(5 * History::kPartEvents);
  std::vector<Clock> starts;
  for (int part = 0; part < 10; part++) {
    starts.push_back(r.access(0x5000 + part));
    r.fill_to_part_end(0x1);
  }
  EXPECT_EQ(0u, r.h->access_pc(starts[0]));
  EXPECT_EQ(0u, r.h->access_pc(starts[1]));
  for (int part = 2; part < 10; part++)
    EXPECT_EQ(uptr(0x5000 + part), r.h->access_pc(starts[part])) << part;
}

TEST(History, RecycledPartsUseNoMoreMemory) {
  Recorder r;
  r.h->set_limit(2 * History::kPartEvents);
  for (int part = 0; part < 2; part++) {
    r.access(0x1);
    r.fill_to_part_end(0x1);
  }
  usize used = r.h->bytes_used();
  EXPECT_GT(used, 0u);
  for (int part = 0; part < 3; part++) {
    r.access(0x1);
    r.fill_to_part_end(0x1);
  }
  EXPECT_EQ(used, r.h->bytes_used());
}

TEST(History, DefaultLimitKeepsSixtyFourParts) {
  Recorder r;
  std::vector<Clock> starts;
  for (int part = 0; part < 65; part++) {
    starts.push_back(r.access(0x9000 + part));
    r.fill_to_part_end(0x1);
  }
  EXPECT_EQ(0u, r.h->access_pc(starts[0]));
  EXPECT_EQ(0x9001u, r.h->access_pc(starts[1]));
  EXPECT_EQ(uptr(0x9000 + 64), r.h->access_pc(starts[64]));
}
