// Unit tests for rm_clock.h: VectorClock.
#include <gtest/gtest.h>

#include "rm_clock.h"

using namespace rm;

TEST(VectorClock, FreshClockIsEmptyAndKnowsNothing) {
  VectorClock vc;
  EXPECT_EQ(0u, vc.size());
  EXPECT_EQ(0ull, vc.get(0));
  EXPECT_EQ(0ull, vc.get(1000));
}

TEST(VectorClock, SetThenGetReturnsValue) {
  VectorClock vc;
  vc.set(2, 17);
  EXPECT_EQ(17ull, vc.get(2));
  EXPECT_EQ(0ull, vc.get(0));
  EXPECT_EQ(0ull, vc.get(1));
  EXPECT_EQ(0ull, vc.get(3));
}

TEST(VectorClock, SetGrowsSizeToTidPlusOne) {
  VectorClock vc;
  vc.set(0, 1);
  EXPECT_EQ(1u, vc.size());
  vc.set(5, 9);
  EXPECT_EQ(6u, vc.size());
  vc.set(2, 3);  // lower tid does not shrink
  EXPECT_EQ(6u, vc.size());
}

TEST(VectorClock, SetBeyondInitialCapacityKeepsEarlierEntries) {
  VectorClock vc;
  for (Tid t = 0; t < 100; t++) vc.set(t, Clock(t) * 3 + 1);
  EXPECT_EQ(100u, vc.size());
  for (Tid t = 0; t < 100; t++) EXPECT_EQ(Clock(t) * 3 + 1, vc.get(t)) << t;
}

TEST(VectorClock, SetOverwritesAndCanLower) {
  VectorClock vc;
  vc.set(1, 10);
  vc.set(1, 4);
  EXPECT_EQ(4ull, vc.get(1));
}

TEST(VectorClock, SetHoldsLargeClock) {
  VectorClock vc;
  vc.set(3, kMaxClock);
  EXPECT_EQ(kMaxClock, vc.get(3));
}

TEST(VectorClock, JoinTakesMaxPerEntry) {
  VectorClock a, b;
  a.set(0, 5);
  a.set(1, 2);
  a.set(2, 7);
  b.set(0, 3);
  b.set(1, 8);
  b.set(2, 7);
  EXPECT_TRUE(a.join(b));
  EXPECT_EQ(5ull, a.get(0));
  EXPECT_EQ(8ull, a.get(1));
  EXPECT_EQ(7ull, a.get(2));
  // other unchanged
  EXPECT_EQ(3ull, b.get(0));
  EXPECT_EQ(8ull, b.get(1));
}

TEST(VectorClock, JoinReturnsFalseWhenNothingGrows) {
  VectorClock a, b;
  a.set(0, 5);
  a.set(1, 6);
  b.set(0, 5);
  b.set(1, 1);
  EXPECT_FALSE(a.join(b));
  EXPECT_EQ(5ull, a.get(0));
  EXPECT_EQ(6ull, a.get(1));
}

TEST(VectorClock, JoinWithEmptyReturnsFalse) {
  VectorClock a, empty;
  a.set(3, 2);
  EXPECT_FALSE(a.join(empty));
  EXPECT_EQ(4u, a.size());
  EXPECT_EQ(2ull, a.get(3));
}

TEST(VectorClock, JoinEmptyIntoEmpty) {
  VectorClock a, b;
  EXPECT_FALSE(a.join(b));
  EXPECT_EQ(0u, a.size());
}

TEST(VectorClock, JoinGrowsToLargerOther) {
  VectorClock a, b;
  a.set(0, 4);
  b.set(9, 11);
  EXPECT_TRUE(a.join(b));
  EXPECT_EQ(10u, a.size());
  EXPECT_EQ(4ull, a.get(0));
  EXPECT_EQ(11ull, a.get(9));
  for (Tid t = 1; t < 9; t++) EXPECT_EQ(0ull, a.get(t)) << t;
}

TEST(VectorClock, JoinFromLargerWithZeroEntriesReturnsFalse) {
  VectorClock a, b;
  a.set(0, 4);
  b.set(0, 1);
  b.set(20, 0);  // larger, but nothing above a
  EXPECT_FALSE(a.join(b));
  EXPECT_EQ(21u, a.size());
  EXPECT_EQ(4ull, a.get(0));
}

TEST(VectorClock, JoinDoesNotShrink) {
  VectorClock a, b;
  a.set(7, 1);
  b.set(1, 2);
  EXPECT_TRUE(a.join(b));
  EXPECT_EQ(8u, a.size());
  EXPECT_EQ(1ull, a.get(7));
  EXPECT_EQ(2ull, a.get(1));
}

TEST(VectorClock, AssignCopiesExactly) {
  VectorClock a, b;
  a.set(0, 100);
  a.set(1, 100);
  b.set(0, 1);
  b.set(1, 2);
  a.assign(b);
  EXPECT_EQ(1ull, a.get(0));  // lowered, not joined
  EXPECT_EQ(2ull, a.get(1));
}

TEST(VectorClock, AssignFromSmallerZeroesTheRest) {
  VectorClock a, b;
  for (Tid t = 0; t < 6; t++) a.set(t, 50);
  b.set(1, 3);
  a.assign(b);
  EXPECT_EQ(0ull, a.get(0));
  EXPECT_EQ(3ull, a.get(1));
  for (Tid t = 2; t < 6; t++) EXPECT_EQ(0ull, a.get(t)) << t;
}

TEST(VectorClock, AssignFromLargerGrows) {
  VectorClock a, b;
  a.set(0, 9);
  for (Tid t = 0; t < 40; t++) b.set(t, t + 1);
  a.assign(b);
  EXPECT_EQ(40u, a.size());
  for (Tid t = 0; t < 40; t++) EXPECT_EQ(Clock(t + 1), a.get(t)) << t;
}

TEST(VectorClock, AssignIsIndependentCopy) {
  VectorClock a, b;
  b.set(2, 5);
  a.assign(b);
  b.set(2, 6);
  EXPECT_EQ(5ull, a.get(2));
}

TEST(VectorClock, ClearZeroesAllEntries) {
  VectorClock a;
  for (Tid t = 0; t < 10; t++) a.set(t, 7);
  a.clear();
  for (Tid t = 0; t < 10; t++) EXPECT_EQ(0ull, a.get(t)) << t;
}

TEST(VectorClock, ClearThenJoinRestores) {
  VectorClock a, b;
  a.set(3, 9);
  a.clear();
  b.set(3, 2);
  EXPECT_TRUE(a.join(b));
  EXPECT_EQ(2ull, a.get(3));
}

TEST(VectorClock, ClearThenSetOtherEntryKeepsZeros) {
  VectorClock a;
  for (Tid t = 0; t < 4; t++) a.set(t, 7);
  a.clear();
  a.set(20, 1);  // grows past old capacity: earlier entries stay 0
  for (Tid t = 0; t < 20; t++) EXPECT_EQ(0ull, a.get(t)) << t;
  EXPECT_EQ(1ull, a.get(20));
}
