// Unit tests for rm_sync.h: SyncTable.
#include <gtest/gtest.h>

#include <memory>

#include "rm_sync.h"

using namespace rm;

namespace {
constexpr uptr kBase = 0x601000;

class SyncTableTest : public testing::Test {
 protected:
  std::unique_ptr<SyncTable> t{new SyncTable};
};
}  // namespace

TEST_F(SyncTableTest, StartsEmpty) {
  EXPECT_EQ(0u, t->count());
  EXPECT_EQ(nullptr, t->find(kBase));
}

TEST_F(SyncTableTest, GetCreatesObjectWithAddrAndKind) {
  SyncObject* s = t->get(kBase, SyncKind::kMutex);
  ASSERT_NE(nullptr, s);
  EXPECT_EQ(kBase, s->addr);
  EXPECT_EQ(SyncKind::kMutex, s->kind);
  EXPECT_EQ(0u, s->vc.size());
  EXPECT_EQ(0u, s->writer);
  EXPECT_EQ(1u, t->count());
}

TEST_F(SyncTableTest, GetTwiceReturnsSameObject) {
  SyncObject* s = t->get(kBase, SyncKind::kMutex);
  s->vc.set(3, 9);
  SyncObject* again = t->get(kBase, SyncKind::kMutex);
  EXPECT_EQ(s, again);
  EXPECT_EQ(9ull, again->vc.get(3));
  EXPECT_EQ(1u, t->count());
}

TEST_F(SyncTableTest, GetKeepsExistingKindButRefinesPlain) {
  SyncObject* s = t->get(kBase, SyncKind::kMutex);
  EXPECT_EQ(s, t->get(kBase, SyncKind::kRwlock));
  EXPECT_EQ(SyncKind::kMutex, s->kind);
  SyncObject* p = t->get(kBase + 8, SyncKind::kPlain);
  EXPECT_EQ(p, t->get(kBase + 8, SyncKind::kSem));
  EXPECT_EQ(SyncKind::kSem, p->kind);
}

TEST_F(SyncTableTest, FindReturnsExistingOrNull) {
  SyncObject* s = t->get(kBase, SyncKind::kCond);
  EXPECT_EQ(s, t->find(kBase));
  EXPECT_EQ(nullptr, t->find(kBase + 4));
  EXPECT_EQ(nullptr, t->find(kBase + 8));
  EXPECT_EQ(1u, t->count());  // find never creates
}

TEST_F(SyncTableTest, NeighbouringAddressesAreDistinctObjects) {
  // 0x..00 and 0x..04 share addr >> 3, so they share a hash chain.
  SyncObject* a = t->get(kBase, SyncKind::kMutex);
  SyncObject* b = t->get(kBase + 4, SyncKind::kMutex);
  SyncObject* c = t->get(kBase + 1, SyncKind::kMutex);
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(b, c);
  EXPECT_EQ(a, t->find(kBase));
  EXPECT_EQ(b, t->find(kBase + 4));
  EXPECT_EQ(c, t->find(kBase + 1));
  EXPECT_EQ(3u, t->count());
}

TEST_F(SyncTableTest, RemoveForgetsOnlyThatObject) {
  SyncObject* a = t->get(kBase, SyncKind::kMutex);
  t->get(kBase + 4, SyncKind::kMutex);
  (void)a;
  t->remove(kBase + 4);
  EXPECT_EQ(nullptr, t->find(kBase + 4));
  EXPECT_EQ(a, t->find(kBase));
  EXPECT_EQ(1u, t->count());
}

TEST_F(SyncTableTest, RemoveOfHeadOfChainKeepsRest) {
  SyncObject* a = t->get(kBase, SyncKind::kMutex);
  SyncObject* b = t->get(kBase + 4, SyncKind::kMutex);  // same chain, now head
  t->remove(kBase + 4);
  EXPECT_EQ(a, t->find(kBase));
  (void)b;
  t->get(kBase + 4, SyncKind::kMutex);
  t->remove(kBase);
  EXPECT_EQ(nullptr, t->find(kBase));
  EXPECT_NE(nullptr, t->find(kBase + 4));
}

TEST_F(SyncTableTest, RemoveMissingIsHarmless) {
  t->get(kBase, SyncKind::kMutex);
  t->remove(kBase + 64);
  EXPECT_EQ(1u, t->count());
  EXPECT_NE(nullptr, t->find(kBase));
}

TEST_F(SyncTableTest, GetAfterRemoveCreatesFreshObject) {
  SyncObject* s = t->get(kBase, SyncKind::kMutex);
  s->vc.set(1, 5);
  t->remove(kBase);
  SyncObject* n = t->get(kBase, SyncKind::kBarrier);
  EXPECT_EQ(SyncKind::kBarrier, n->kind);
  EXPECT_EQ(0ull, n->vc.get(1));
}

TEST_F(SyncTableTest, RemoveRangeSmallRemovesInsideOnly) {
  for (uptr a = kBase - 16; a < kBase + 48; a += 8) t->get(a, SyncKind::kMutex);
  ASSERT_EQ(8u, t->count());
  t->remove_range(kBase, 32);  // kBase, +8, +16, +24
  EXPECT_EQ(4u, t->count());
  EXPECT_NE(nullptr, t->find(kBase - 16));
  EXPECT_NE(nullptr, t->find(kBase - 8));
  for (uptr a = kBase; a < kBase + 32; a += 8) EXPECT_EQ(nullptr, t->find(a)) << a - kBase;
  EXPECT_NE(nullptr, t->find(kBase + 32));
  EXPECT_NE(nullptr, t->find(kBase + 40));
}

TEST_F(SyncTableTest, RemoveRangeEndIsExclusive) {
  t->get(kBase + 12, SyncKind::kMutex);
  t->get(kBase + 16, SyncKind::kMutex);
  t->remove_range(kBase, 16);
  EXPECT_EQ(nullptr, t->find(kBase + 12));
  EXPECT_NE(nullptr, t->find(kBase + 16));
}

TEST_F(SyncTableTest, RemoveRangeSmallKeepsObjectBeforeUnalignedStart) {
  // [kBase+2, kBase+10) does not contain kBase.
  t->get(kBase, SyncKind::kMutex);
  t->get(kBase + 4, SyncKind::kMutex);
  t->remove_range(kBase + 2, 8);
  EXPECT_NE(nullptr, t->find(kBase)) << "object outside the range was removed";
  EXPECT_EQ(nullptr, t->find(kBase + 4));
}

TEST_F(SyncTableTest, RemoveRangeSmallRemovesObjectAtUnalignedAddress) {
  // Generic happens-before annotations may name any address.
  t->get(kBase + 1, SyncKind::kPlain);
  t->get(kBase + 6, SyncKind::kPlain);
  t->remove_range(kBase, 8);
  EXPECT_EQ(nullptr, t->find(kBase + 1));
  EXPECT_EQ(nullptr, t->find(kBase + 6));
  EXPECT_EQ(0u, t->count());
}

TEST_F(SyncTableTest, RemoveRangeOnEmptyTable) {
  t->remove_range(kBase, 1 << 20);
  EXPECT_EQ(0u, t->count());
}

TEST_F(SyncTableTest, RemoveRangeLargeRemovesInsideOnly) {
  const uptr len = 1 << 20;  // len / 4 >= bucket count: the scan path
  t->get(kBase - 8, SyncKind::kMutex);
  t->get(kBase, SyncKind::kMutex);
  t->get(kBase + 3, SyncKind::kPlain);
  t->get(kBase + len / 2, SyncKind::kMutex);
  t->get(kBase + len - 4, SyncKind::kMutex);
  t->get(kBase + len, SyncKind::kMutex);
  t->remove_range(kBase, len);
  EXPECT_EQ(2u, t->count());
  EXPECT_NE(nullptr, t->find(kBase - 8));
  EXPECT_EQ(nullptr, t->find(kBase));
  EXPECT_EQ(nullptr, t->find(kBase + 3));
  EXPECT_EQ(nullptr, t->find(kBase + len / 2));
  EXPECT_EQ(nullptr, t->find(kBase + len - 4));
  EXPECT_NE(nullptr, t->find(kBase + len));
}

TEST_F(SyncTableTest, RemoveRangeLargeKeepsChainsIntact) {
  // Many objects, half inside the range, interleaved in the same chains.
  for (uptr i = 0; i < 3000; i++) t->get(kBase + 8 * i, SyncKind::kMutex);
  const uptr len = 8 * 1500;
  // Start the range 1 MiB lower so that it is long enough for the scan path
  // while still ending just before object 1500.
  t->remove_range(kBase - (1 << 20), (1 << 20) + len);
  EXPECT_EQ(1500u, t->count());
  for (uptr i = 0; i < 3000; i++) {
    if (i < 1500) {
      EXPECT_EQ(nullptr, t->find(kBase + 8 * i)) << i;
    } else {
      EXPECT_NE(nullptr, t->find(kBase + 8 * i)) << i;
    }
  }
}

TEST_F(SyncTableTest, GrowthKeepsAllObjectsFindable) {
  const uptr n = 5000;  // beyond the initial 1024 buckets, several doublings
  for (uptr i = 0; i < n; i++) {
    SyncObject* s = t->get(kBase + 16 * i, SyncKind::kMutex);
    s->vc.set(0, i + 1);
  }
  EXPECT_EQ(u32(n), t->count());
  for (uptr i = 0; i < n; i++) {
    SyncObject* s = t->find(kBase + 16 * i);
    ASSERT_NE(nullptr, s) << i;
    EXPECT_EQ(kBase + 16 * i, s->addr);
    EXPECT_EQ(Clock(i + 1), s->vc.get(0));
  }
  EXPECT_EQ(nullptr, t->find(kBase + 8));
}

TEST_F(SyncTableTest, GrowthThenGetReturnsExisting) {
  SyncObject* first = t->get(kBase, SyncKind::kMutex);
  for (uptr i = 1; i < 3000; i++) t->get(kBase + 8 * i, SyncKind::kMutex);
  EXPECT_EQ(first, t->get(kBase, SyncKind::kMutex));
  EXPECT_EQ(3000u, t->count());
}

TEST_F(SyncTableTest, RemoveAfterGrowth) {
  for (uptr i = 0; i < 3000; i++) t->get(kBase + 8 * i, SyncKind::kMutex);
  for (uptr i = 0; i < 3000; i += 2) t->remove(kBase + 8 * i);
  EXPECT_EQ(1500u, t->count());
  for (uptr i = 0; i < 3000; i++) {
    if (i % 2) {
      EXPECT_NE(nullptr, t->find(kBase + 8 * i)) << i;
    } else {
      EXPECT_EQ(nullptr, t->find(kBase + 8 * i)) << i;
    }
  }
}

TEST_F(SyncTableTest, RemoveRangeSmallAfterGrowth) {
  for (uptr i = 0; i < 3000; i++) t->get(kBase + 8 * i, SyncKind::kMutex);
  t->remove_range(kBase + 8 * 100, 8 * 10);
  EXPECT_EQ(2990u, t->count());
  EXPECT_NE(nullptr, t->find(kBase + 8 * 99));
  EXPECT_EQ(nullptr, t->find(kBase + 8 * 100));
  EXPECT_EQ(nullptr, t->find(kBase + 8 * 109));
  EXPECT_NE(nullptr, t->find(kBase + 8 * 110));
}
