// Unit tests for rm_shadow.h: Cell packing, granule_mask, ShadowMemory.
#include <gtest/gtest.h>

#include <memory>

#include "rm_shadow.h"

using namespace rm;

namespace {
constexpr uptr kLeafBytes = 32 * 1024;  // 4096 granules of 8 bytes
constexpr uptr kBase = 0x10000000;       // leaf aligned

Cell marker(u8 mask, Tid tid, Clock c) { return Cell(mask, true, false, tid, c); }
}  // namespace

// ---- Cell

TEST(Cell, DefaultIsEmpty) {
  Cell c;
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(0ull, c.raw());
  EXPECT_EQ(0u, c.mask());
}

TEST(Cell, RoundTripsAllFields) {
  Cell c(0x3c, true, false, 1234, 987654);
  EXPECT_EQ(0x3c, c.mask());
  EXPECT_TRUE(c.write());
  EXPECT_FALSE(c.atomic());
  EXPECT_EQ(1234u, c.tid());
  EXPECT_EQ(987654ull, c.clock());
  EXPECT_FALSE(c.empty());
}

TEST(Cell, RoundTripsAtomicRead) {
  Cell c(0x01, false, true, 7, 3);
  EXPECT_EQ(0x01, c.mask());
  EXPECT_FALSE(c.write());
  EXPECT_TRUE(c.atomic());
  EXPECT_EQ(7u, c.tid());
  EXPECT_EQ(3ull, c.clock());
}

TEST(Cell, RoundTripsMaximumValues) {
  Cell c(0xff, true, true, 65535, kMaxClock);
  EXPECT_EQ(0xff, c.mask());
  EXPECT_TRUE(c.write());
  EXPECT_TRUE(c.atomic());
  EXPECT_EQ(65535u, c.tid());
  EXPECT_EQ(kMaxClock, c.clock());
  EXPECT_EQ((1ull << 36) - 1, c.clock());
}

TEST(Cell, MaxTidDoesNotLeakIntoNeighbours) {
  Cell c(0x80, false, false, 65535, 0);
  EXPECT_EQ(0x80, c.mask());
  EXPECT_FALSE(c.write());
  EXPECT_FALSE(c.atomic());
  EXPECT_EQ(0ull, c.clock());
  Cell d(0x80, false, false, 0, kMaxClock);
  EXPECT_EQ(0u, d.tid());
  EXPECT_FALSE(d.atomic());
}

TEST(Cell, LayoutMatchesDocumentedBits) {
  Cell c(0x0f, true, false, 3, 5);
  EXPECT_EQ(0x0full | (1ull << 8) | (3ull << 10) | (5ull << 28), c.raw());
  Cell a(0x01, false, true, 0, 0);
  EXPECT_EQ(0x01ull | (1ull << 9), a.raw());
  Cell l(0x01, true, false, 0, 1, true);
  EXPECT_EQ(0x01ull | (1ull << 8) | (1ull << 26) | (1ull << 28), l.raw());
  Cell r(0x01, false, false, 0, 1, false, true);
  EXPECT_EQ(0x01ull | (1ull << 27) | (1ull << 28), r.raw());
  EXPECT_FALSE(c.read_only_acquire());
}

TEST(Cell, RawConstructorRoundTrips) {
  Cell c(0xa5, false, true, 42, 1ull << 35, true, true);
  Cell d(c.raw());
  EXPECT_EQ(c.raw(), d.raw());
  EXPECT_EQ(42u, d.tid());
  EXPECT_TRUE(d.locked());
  EXPECT_TRUE(d.read_only_acquire());
  EXPECT_EQ(1ull << 35, d.clock());
}

TEST(Cell, WithMaskChangesOnlyMask) {
  Cell c(0xff, true, true, 65535, kMaxClock);
  Cell d = c.with_mask(0x10);
  EXPECT_EQ(0x10, d.mask());
  EXPECT_TRUE(d.write());
  EXPECT_TRUE(d.atomic());
  EXPECT_EQ(65535u, d.tid());
  EXPECT_EQ(kMaxClock, d.clock());
}

TEST(Cell, WithZeroMaskIsEmpty) {
  Cell c(0x0f, true, false, 1, 1);
  EXPECT_TRUE(c.with_mask(0).empty());
}

// ---- granule_mask

TEST(GranuleMask, AlignedFullGranule) {
  u32 taken = 0;
  EXPECT_EQ(0xff, granule_mask(0x1000, 8, &taken));
  EXPECT_EQ(8u, taken);
}

TEST(GranuleMask, AlignedSmallAccesses) {
  u32 taken = 0;
  EXPECT_EQ(0x01, granule_mask(0x1000, 1, &taken));
  EXPECT_EQ(1u, taken);
  EXPECT_EQ(0x03, granule_mask(0x1000, 2, &taken));
  EXPECT_EQ(2u, taken);
  EXPECT_EQ(0x0f, granule_mask(0x1000, 4, &taken));
  EXPECT_EQ(4u, taken);
}

TEST(GranuleMask, UnalignedInsideGranule) {
  u32 taken = 0;
  EXPECT_EQ(0x80, granule_mask(0x1007, 1, &taken));
  EXPECT_EQ(1u, taken);
  EXPECT_EQ(0x3c, granule_mask(0x1002, 4, &taken));
  EXPECT_EQ(4u, taken);
  EXPECT_EQ(0xf0, granule_mask(0x1004, 4, &taken));
  EXPECT_EQ(4u, taken);
}

TEST(GranuleMask, StraddlingTakesOnlyFirstGranulesBytes) {
  u32 taken = 0;
  EXPECT_EQ(0xc0, granule_mask(0x1006, 4, &taken));
  EXPECT_EQ(2u, taken);
  EXPECT_EQ(0xf0, granule_mask(0x1004, 8, &taken));
  EXPECT_EQ(4u, taken);
  // the remainder in the next granule
  EXPECT_EQ(0x0f, granule_mask(0x1008, 4, &taken));
  EXPECT_EQ(4u, taken);
}

TEST(GranuleMask, LargeAccessCapsAtGranuleEnd) {
  u32 taken = 0;
  EXPECT_EQ(0xff, granule_mask(0x1000, 64, &taken));
  EXPECT_EQ(8u, taken);
  EXPECT_EQ(0xfe, granule_mask(0x1001, 64, &taken));
  EXPECT_EQ(7u, taken);
}

// ---- ShadowMemory

class ShadowMemoryTest : public testing::Test {
 protected:
  std::unique_ptr<ShadowMemory> sm{new ShadowMemory};
};

TEST_F(ShadowMemoryTest, StartsWithNothingAllocated) { EXPECT_EQ(0u, sm->bytes_used()); }

TEST_F(ShadowMemoryTest, GranuleCreatesOnDemandZeroed) {
  Granule* g = sm->granule(kBase + 0x40);
  ASSERT_NE(nullptr, g);
  EXPECT_GT(sm->bytes_used(), 0u);
  for (const Cell& c : g->cells) EXPECT_TRUE(c.empty());
}

TEST_F(ShadowMemoryTest, SameGranuleForAllBytesOfAGranule) {
  Granule* g = sm->granule(kBase + 0x40);
  for (uptr i = 0; i < 8; i++) EXPECT_EQ(g, sm->granule(kBase + 0x40 + i)) << i;
  EXPECT_NE(g, sm->granule(kBase + 0x48));
  EXPECT_NE(g, sm->granule(kBase + 0x3f));
}

TEST_F(ShadowMemoryTest, NeighbouringGranulesAreAdjacent) {
  Granule* g = sm->granule(kBase + 0x40);
  EXPECT_EQ(g + 1, sm->granule(kBase + 0x48));
}

TEST_F(ShadowMemoryTest, GranuleKeepsWhatIsStored) {
  sm->granule(kBase + 3)->cells[2] = marker(0x08, 5, 77);
  Cell c = sm->granule(kBase + 1)->cells[2];
  EXPECT_EQ(0x08, c.mask());
  EXPECT_EQ(5u, c.tid());
  EXPECT_EQ(77ull, c.clock());
}

TEST_F(ShadowMemoryTest, SecondGranuleInSameLeafAllocatesNothingMore) {
  sm->granule(kBase);
  usize used = sm->bytes_used();
  sm->granule(kBase + kLeafBytes - 8);
  EXPECT_EQ(used, sm->bytes_used());
  sm->granule(kBase + kLeafBytes);  // next leaf
  EXPECT_GT(sm->bytes_used(), used);
}

TEST_F(ShadowMemoryTest, DistinctLeavesAreDistinct) {
  Granule* a = sm->granule(kBase);
  Granule* b = sm->granule(kBase + kLeafBytes);
  Granule* c = sm->granule(uptr(1) << 40);
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  a->cells[0] = marker(0xff, 1, 1);
  EXPECT_TRUE(b->cells[0].empty());
  EXPECT_TRUE(c->cells[0].empty());
}

TEST_F(ShadowMemoryTest, HighestUserAddressHasAGranule) {
  uptr top = (uptr(1) << 47) - 1;
  Granule* g = sm->granule(top);
  ASSERT_NE(nullptr, g);
  EXPECT_EQ(g, sm->granule(top - 7));
}

TEST_F(ShadowMemoryTest, NullOutsideUserAddressSpace) {
  EXPECT_EQ(nullptr, sm->granule(uptr(1) << 47));
  EXPECT_EQ(nullptr, sm->granule((uptr(1) << 47) + 0x1000));
  EXPECT_EQ(nullptr, sm->granule(~uptr(0)));
  EXPECT_EQ(0u, sm->bytes_used());
}

TEST_F(ShadowMemoryTest, ClearPartialGranuleKeepsOtherBytes) {
  Granule* g = sm->granule(kBase);
  g->cells[0] = marker(0xff, 1, 10);
  g->cells[1] = marker(0x03, 2, 20);
  g->cells[2] = marker(0xf0, 3, 30);
  sm->clear(kBase + 2, 4);  // bytes 2..5 -> mask 0x3c
  g = sm->granule(kBase);
  EXPECT_EQ(0xc3, g->cells[0].mask());
  EXPECT_EQ(1u, g->cells[0].tid());
  EXPECT_EQ(10ull, g->cells[0].clock());
  EXPECT_TRUE(g->cells[0].write());
  EXPECT_EQ(0x03, g->cells[1].mask());
  EXPECT_EQ(0xc0, g->cells[2].mask());
  EXPECT_EQ(3u, g->cells[2].tid());
}

TEST_F(ShadowMemoryTest, ClearPartialGranuleEmptiesCellsFullyInside) {
  Granule* g = sm->granule(kBase);
  g->cells[0] = marker(0x0c, 1, 10);
  g->cells[3] = marker(0x01, 2, 20);
  sm->clear(kBase + 2, 2);
  EXPECT_TRUE(g->cells[0].empty());
  EXPECT_EQ(0x01, g->cells[3].mask());
}

TEST_F(ShadowMemoryTest, ClearWholeGranuleEmptiesItOnly) {
  Granule* g = sm->granule(kBase + 8);
  Granule* before = sm->granule(kBase);
  Granule* after = sm->granule(kBase + 16);
  for (u32 i = 0; i < kCellsPerGranule; i++) {
    g->cells[i] = marker(0xff, i, i + 1);
    before->cells[i] = marker(0xff, i, i + 1);
    after->cells[i] = marker(0xff, i, i + 1);
  }
  sm->clear(kBase + 8, 8);
  for (u32 i = 0; i < kCellsPerGranule; i++) {
    EXPECT_TRUE(g->cells[i].empty()) << i;
    EXPECT_EQ(0xff, before->cells[i].mask()) << i;
    EXPECT_EQ(0xff, after->cells[i].mask()) << i;
  }
}

TEST_F(ShadowMemoryTest, ClearUnalignedRangeOverSeveralGranules) {
  // [base+6, base+26): granule 0 bytes 6,7; granules 1,2 whole; granule 3 bytes 0,1.
  Granule* g[4];
  for (int i = 0; i < 4; i++) {
    g[i] = sm->granule(kBase + 8 * i);
    g[i]->cells[0] = marker(0xff, 1, 1);
  }
  sm->clear(kBase + 6, 20);
  EXPECT_EQ(0x3f, g[0]->cells[0].mask());
  EXPECT_TRUE(g[1]->cells[0].empty());
  EXPECT_TRUE(g[2]->cells[0].empty());
  EXPECT_EQ(0xfc, g[3]->cells[0].mask());
}

TEST_F(ShadowMemoryTest, ClearOfUnshadowedRangeAllocatesNothing) {
  sm->clear(kBase, 3 * kLeafBytes);
  EXPECT_EQ(0u, sm->bytes_used());
}

TEST_F(ShadowMemoryTest, ClearWholeLeafFreesIt) {
  sm->granule(kBase + 0x100)->cells[0] = marker(0xff, 1, 1);
  sm->granule(kBase + kLeafBytes - 8)->cells[1] = marker(0xff, 1, 2);
  usize used = sm->bytes_used();
  sm->clear(kBase, kLeafBytes);
  EXPECT_LT(sm->bytes_used(), used);
  EXPECT_TRUE(sm->granule(kBase + 0x100)->cells[0].empty());
  EXPECT_TRUE(sm->granule(kBase + kLeafBytes - 8)->cells[1].empty());
}

TEST_F(ShadowMemoryTest, ClearWholeLeafKeepsNeighbourLeaves) {
  sm->granule(kBase - 8)->cells[0] = marker(0xff, 1, 1);
  sm->granule(kBase)->cells[0] = marker(0xff, 1, 2);
  sm->granule(kBase + kLeafBytes)->cells[0] = marker(0xff, 1, 3);
  sm->clear(kBase, kLeafBytes);
  EXPECT_EQ(0xff, sm->granule(kBase - 8)->cells[0].mask());
  EXPECT_EQ(1ull, sm->granule(kBase - 8)->cells[0].clock());
  EXPECT_TRUE(sm->granule(kBase)->cells[0].empty());
  EXPECT_EQ(0xff, sm->granule(kBase + kLeafBytes)->cells[0].mask());
  EXPECT_EQ(3ull, sm->granule(kBase + kLeafBytes)->cells[0].clock());
}

TEST_F(ShadowMemoryTest, ClearRangeSpanningLeaves) {
  // From the middle of leaf 0, over the whole of leaf 1, to the middle of leaf 2.
  uptr start = kBase + kLeafBytes / 2 + 4;
  uptr end = kBase + 2 * kLeafBytes + 1000 + 3;
  sm->granule(start - 8)->cells[0] = marker(0xff, 1, 1);    // before: kept
  sm->granule(start - 4)->cells[0] = marker(0xff, 1, 2);    // straddles start
  sm->granule(start + 64)->cells[0] = marker(0xff, 1, 3);   // inside leaf 0
  sm->granule(kBase + kLeafBytes + 512)->cells[0] = marker(0xff, 1, 4);  // leaf 1
  sm->granule(end - 3)->cells[0] = marker(0xff, 1, 5);      // straddles end
  sm->granule(end + 5)->cells[0] = marker(0xff, 1, 6);      // after: kept
  sm->granule(kBase + 3 * kLeafBytes - 8)->cells[0] = marker(0xff, 1, 7);  // end of leaf 2
  sm->clear(start, end - start);
  EXPECT_EQ(0xff, sm->granule(start - 8)->cells[0].mask());
  EXPECT_EQ(0x0f, sm->granule(start - 4)->cells[0].mask());  // start is at byte 4
  EXPECT_TRUE(sm->granule(start + 64)->cells[0].empty());
  EXPECT_TRUE(sm->granule(kBase + kLeafBytes + 512)->cells[0].empty());
  // end = ...1000 + 3: its granule's bytes 0..2 are cleared
  EXPECT_EQ(0xf8, sm->granule(end - 3)->cells[0].mask());
  EXPECT_EQ(0xff, sm->granule(end + 5)->cells[0].mask());
  EXPECT_EQ(6ull, sm->granule(end + 5)->cells[0].clock());
  EXPECT_EQ(0xff, sm->granule(kBase + 3 * kLeafBytes - 8)->cells[0].mask());
}

TEST_F(ShadowMemoryTest, ClearSeveralWholeLeaves) {
  for (int i = 0; i < 4; i++) sm->granule(kBase + i * kLeafBytes + 64)->cells[0] = marker(0xff, 1, 1);
  sm->clear(kBase + kLeafBytes, 2 * kLeafBytes);
  EXPECT_EQ(0xff, sm->granule(kBase + 64)->cells[0].mask());
  EXPECT_TRUE(sm->granule(kBase + kLeafBytes + 64)->cells[0].empty());
  EXPECT_TRUE(sm->granule(kBase + 2 * kLeafBytes + 64)->cells[0].empty());
  EXPECT_EQ(0xff, sm->granule(kBase + 3 * kLeafBytes + 64)->cells[0].mask());
}

TEST_F(ShadowMemoryTest, ClearStartingAtLeafButEndingInsideIsPartial) {
  sm->granule(kBase)->cells[0] = marker(0xff, 1, 1);
  sm->granule(kBase + 4096)->cells[0] = marker(0xff, 1, 2);
  sm->clear(kBase, 4096);
  EXPECT_TRUE(sm->granule(kBase)->cells[0].empty());
  EXPECT_EQ(0xff, sm->granule(kBase + 4096)->cells[0].mask());
}

TEST_F(ShadowMemoryTest, ClearToEndOfAddressSpaceIsClamped) {
  uptr top = (uptr(1) << 47) - 8;
  sm->granule(top)->cells[0] = marker(0xff, 1, 1);
  sm->granule(top - 8)->cells[0] = marker(0xff, 1, 2);
  sm->clear(top, ~uptr(0) - top);  // overflows past 2^47
  EXPECT_TRUE(sm->granule(top)->cells[0].empty());
  EXPECT_EQ(0xff, sm->granule(top - 8)->cells[0].mask());
}
