// Unit tests for rm_detector.h: the race engine as the host drives it.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "rm_detector.h"

using namespace rm;

namespace {

constexpr uptr kX = 0x10000000;  // granule aligned data addresses
constexpr uptr kY = 0x10000100;
constexpr uptr kM = 0x20000000;  // sync objects
constexpr uptr kM2 = 0x20000040;

class DetectorTest : public testing::Test {
 protected:
  void SetUp() override {
    root = d->start_thread(kNoTid);
    a = d->start_thread(root);
    b = d->start_thread(root);
  }

  // Unless a test names the instruction, each access comes from a distinct
  // one (accesses by the same instruction may merge into one cell).
  uptr next_pc() { return pc_counter += 4; }
  bool acc(Tid t, uptr addr, usize size, bool write, bool atomic, uptr pc = 0, uptr sp = 0) {
    prev = Conflict{};
    return d->access(t, addr, size, write, atomic, pc ? pc : next_pc(), sp, &prev);
  }
  bool wr(Tid t, uptr addr, usize size = 8, uptr pc = 0) {
    return acc(t, addr, size, true, false, pc);
  }
  bool rd(Tid t, uptr addr, usize size = 8, uptr pc = 0) {
    return acc(t, addr, size, false, false, pc);
  }
  bool awr(Tid t, uptr addr, usize size = 8) { return acc(t, addr, size, true, true); }
  bool ard(Tid t, uptr addr, usize size = 8) { return acc(t, addr, size, false, true); }

  std::vector<uptr> stack_of(const Conflict& c, u32 max = 16) {
    std::vector<uptr> out(max);
    u32 n = d->thread(c.tid)->history.stack_at(c.clock, out.data(), max);
    out.resize(n);
    return out;
  }

  std::unique_ptr<Detector> d{new Detector};
  Tid root = kNoTid, a = kNoTid, b = kNoTid;
  Conflict prev{};
  uptr pc_counter = 0x500000;
};

typedef std::vector<uptr> Pcs;

}  // namespace

// ---- threads

TEST_F(DetectorTest, StartThreadNumbersThreadsFromZero) {
  EXPECT_EQ(0u, root);
  EXPECT_EQ(1u, a);
  EXPECT_EQ(2u, b);
  EXPECT_EQ(3u, d->thread_count());
  EXPECT_EQ(kNoTid, d->thread(root)->parent);
  EXPECT_EQ(root, d->thread(a)->parent);
  EXPECT_EQ(a, d->thread(a)->tid);
  EXPECT_EQ(nullptr, d->thread(3));
  EXPECT_EQ(nullptr, d->thread(kNoTid));
}

TEST_F(DetectorTest, NewThreadHasNoEventsYet) {
  EXPECT_EQ(0ull, d->thread(a)->clock());
  EXPECT_FALSE(d->thread(a)->finished);
  wr(a, kX);
  EXPECT_EQ(1ull, d->thread(a)->clock());
}

TEST_F(DetectorTest, ChildInheritsParentsClock) {
  wr(root, kX);
  wr(root, kY);
  Tid c = d->start_thread(root);
  EXPECT_EQ(2ull, d->thread(c)->vc.get(root));
  EXPECT_EQ(0ull, d->thread(c)->vc.get(c));
}

TEST_F(DetectorTest, ManyThreadsGrowTheThreadTable) {
  std::vector<Tid> ts;
  for (int i = 0; i < 40; i++) ts.push_back(d->start_thread(root));
  EXPECT_EQ(43u, d->thread_count());
  for (int i = 0; i < 40; i++) {
    ASSERT_NE(nullptr, d->thread(ts[i]));
    EXPECT_EQ(ts[i], d->thread(ts[i])->tid);
  }
  // Threads made before the table grew are intact.
  wr(a, kX);
  EXPECT_TRUE(wr(ts[39], kX));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, StartThreadFailsBeyondMaxThreads) {
  Tid last = kNoTid;
  while (d->thread_count() < kMaxThreads) {
    last = d->start_thread(root);
    ASSERT_NE(kNoTid, last);
  }
  EXPECT_EQ(kMaxThreads - 1, last);
  EXPECT_EQ(kNoTid, d->start_thread(root));
  EXPECT_EQ(kMaxThreads, d->thread_count());
}

TEST_F(DetectorTest, FinishThreadMarksFinished) {
  d->finish_thread(a);
  EXPECT_TRUE(d->thread(a)->finished);
  EXPECT_FALSE(d->thread(b)->finished);
}

TEST_F(DetectorTest, AccessByUnknownThreadOrOfSizeZeroIsIgnored) {
  EXPECT_FALSE(d->access(77, kX, 8, true, false, 0x1, 0, &prev));
  EXPECT_FALSE(d->access(a, kX, 0, true, false, 0x1, 0, &prev));
  EXPECT_EQ(0ull, d->stats().accesses);
  EXPECT_EQ(0ull, d->thread(a)->clock());
}

// ---- basic races

TEST_F(DetectorTest, WriteWriteRaceBetweenChildrenReportsConflict) {
  EXPECT_FALSE(wr(a, kX, 8, 0x401111));
  Clock ca = d->thread(a)->clock();
  EXPECT_TRUE(wr(b, kX, 8, 0x402222));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(ca, prev.clock);
  EXPECT_EQ(kX, prev.addr);
  EXPECT_EQ(8u, prev.size);
  EXPECT_TRUE(prev.write);
  EXPECT_FALSE(prev.atomic);
  EXPECT_EQ(0x401111u, d->thread(prev.tid)->history.access_pc(prev.clock));
  EXPECT_EQ(1ull, d->stats().races);
}

TEST_F(DetectorTest, ConflictClockNamesTheRightEventAmongMany) {
  wr(a, kY, 8, 0x400001);
  wr(a, kY + 8, 8, 0x400002);
  wr(a, kX, 4, 0x400003);
  Clock cx = d->thread(a)->clock();
  wr(a, kY + 16, 8, 0x400004);
  EXPECT_TRUE(rd(b, kX, 4));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(cx, prev.clock);
  EXPECT_EQ(0x400003u, d->thread(a)->history.access_pc(prev.clock));
  EXPECT_EQ(4u, prev.size);
}

TEST_F(DetectorTest, WriteThenReadRaces) {
  wr(a, kX);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(a, prev.tid);
  EXPECT_TRUE(prev.write);
}

TEST_F(DetectorTest, ReadThenWriteRaces) {
  rd(a, kX, 4);
  EXPECT_TRUE(wr(b, kX, 4));
  EXPECT_EQ(a, prev.tid);
  EXPECT_FALSE(prev.write);
  EXPECT_FALSE(prev.atomic);
  EXPECT_EQ(kX, prev.addr);
  EXPECT_EQ(4u, prev.size);
}

TEST_F(DetectorTest, ReadReadNeverRaces) {
  EXPECT_FALSE(rd(a, kX));
  EXPECT_FALSE(rd(b, kX));
  EXPECT_FALSE(rd(root, kX));
  EXPECT_FALSE(rd(a, kX, 1));
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, SameThreadNeverRaces) {
  EXPECT_FALSE(wr(a, kX));
  EXPECT_FALSE(rd(a, kX));
  EXPECT_FALSE(wr(a, kX + 3, 1));
  EXPECT_FALSE(rd(a, kX + 2, 4));
  EXPECT_FALSE(wr(a, kX, 8));
  EXPECT_FALSE(awr(a, kX));
  EXPECT_FALSE(rd(a, kX));
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, ConflictReportsFirstRacingCellAndCountsOneRace) {
  wr(a, kX, 8);
  wr(b, kX, 8);  // races with a
  Tid c = d->start_thread(root);
  // c's one access races with both a's and b's cells: one race counted.
  u64 before = d->stats().races;
  EXPECT_TRUE(rd(c, kX, 8));
  EXPECT_EQ(before + 1, d->stats().races);
  EXPECT_TRUE(prev.tid == a || prev.tid == b);
  EXPECT_TRUE(prev.write);
}

TEST_F(DetectorTest, NullConflictPointerIsAllowed) {
  wr(a, kX);
  EXPECT_TRUE(d->access(b, kX, 8, true, false, 0x1, 0, nullptr));
}

// ---- thread creation and join

TEST_F(DetectorTest, ParentWriteBeforeStartDoesNotRaceWithChild) {
  EXPECT_FALSE(wr(root, kX));
  Tid c = d->start_thread(root);
  EXPECT_FALSE(rd(c, kX));
  EXPECT_FALSE(wr(c, kX));
}

TEST_F(DetectorTest, ParentWriteAfterStartRacesWithChild) {
  Tid c = d->start_thread(root);
  EXPECT_FALSE(wr(root, kX, 8, 0x40aaaa));
  EXPECT_TRUE(rd(c, kX));
  EXPECT_EQ(root, prev.tid);
  EXPECT_EQ(0x40aaaau, d->thread(root)->history.access_pc(prev.clock));
}

TEST_F(DetectorTest, ParentRepeatingAWriteAfterStartRacesWithChild) {
  // The parent's second write is after the start: it must be recorded anew.
  wr(root, kX);
  Tid c = d->start_thread(root);
  EXPECT_FALSE(wr(root, kX));
  EXPECT_TRUE(rd(c, kX));
  EXPECT_EQ(root, prev.tid);
}

TEST_F(DetectorTest, GrandchildInheritsThroughChild) {
  wr(root, kX);
  Tid c = d->start_thread(root);
  wr(c, kY);
  Tid g = d->start_thread(c);
  EXPECT_FALSE(wr(g, kX));
  EXPECT_FALSE(wr(g, kY));
}

TEST_F(DetectorTest, ChildWriteRacesWithParentWithoutJoin) {
  wr(a, kX);
  EXPECT_TRUE(rd(root, kX));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, JoinOrdersChildBeforeJoinersLaterAccesses) {
  wr(a, kX);
  rd(a, kY);
  d->finish_thread(a);
  d->join(root, a);
  EXPECT_FALSE(wr(root, kX));
  EXPECT_FALSE(wr(root, kY));
}

TEST_F(DetectorTest, JoinOrdersChildBeforeThreadsStartedAfterTheJoin) {
  wr(a, kX);
  d->finish_thread(a);
  d->join(root, a);
  Tid c = d->start_thread(root);
  EXPECT_FALSE(wr(c, kX));
}

TEST_F(DetectorTest, JoinDoesNotOrderAnUnjoinedSibling) {
  wr(a, kX);
  wr(b, kY);
  d->finish_thread(a);
  d->join(root, a);
  EXPECT_FALSE(wr(root, kX));
  EXPECT_TRUE(wr(root, kY));
  EXPECT_EQ(b, prev.tid);
}

TEST_F(DetectorTest, JoinWithoutFinishStillOrdersWhatWasDone) {
  wr(a, kX);
  d->join(b, a);
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, JoinWithSelfOrUnknownIsHarmless) {
  wr(a, kX);
  d->join(a, a);
  d->join(b, 99);
  d->join(99, a);
  EXPECT_TRUE(wr(b, kX));
}

// ---- the memory-model verbs

TEST_F(DetectorTest, ReleaseJoinsAndReleaseStoreAssigns) {
  wr(a, kX);
  wr(a, kY);
  VectorClock v;
  v.set(b, 100);
  d->release(a, v);
  EXPECT_EQ(2ull, v.get(a));
  EXPECT_EQ(100ull, v.get(b));  // joined, not replaced
  VectorClock w;
  w.set(b, 100);
  d->release_store(a, w);
  EXPECT_EQ(2ull, w.get(a));
  EXPECT_EQ(0ull, w.get(b));  // replaced
}

TEST_F(DetectorTest, AcquireOrdersReleasedAccesses) {
  wr(a, kX);
  VectorClock v;
  d->release(a, v);
  d->acquire(b, v);
  EXPECT_FALSE(wr(b, kX));
}

// ---- mutexes

TEST_F(DetectorTest, MutexOrdersCriticalSections) {
  d->mutex_lock(a, kM);
  EXPECT_FALSE(wr(a, kX));
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(rd(b, kX));
  EXPECT_FALSE(wr(b, kX));
  d->mutex_unlock(b, kM);
  d->mutex_lock(a, kM);
  EXPECT_FALSE(wr(a, kX));
  d->mutex_unlock(a, kM);
  EXPECT_EQ(0ull, d->stats().races);
  EXPECT_EQ(SyncKind::kMutex, d->syncs().find(kM)->kind);
}

TEST_F(DetectorTest, EmptyCriticalSectionOrdersNothing) {
  // DRB201: b's `lock; unlock;` could as well have come first.
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  d->mutex_unlock(b, kM);
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, CriticalSectionThatReadsOrders) {
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(rd(b, kY));
  d->mutex_unlock(b, kM);
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, EmptyCriticalSectionOrdersAfterAHolderItKnewOf) {
  // b learnt that a held the lock (a posted while inside): b's `lock;
  // unlock;` waits for a to leave, as the program meant.
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->signal(a, kM2);
  d->wait_done(b, kM2);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  d->mutex_unlock(b, kM);
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, EmptyCriticalSectionOrdersAfterAnyTakingItKnewOf) {
  // However often the lock was taken since the taking b learnt of.
  d->mutex_lock(a, kM);
  d->signal(a, kM2);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->wait_done(b, kM2);
  for (int i = 0; i < 20; i++) {
    d->mutex_lock(a, kM);
    d->mutex_unlock(a, kM);
  }
  d->mutex_lock(b, kM);
  d->mutex_unlock(b, kM);
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, EmptyCriticalSectionThatAcquiresElsewhereOrders) {
  // A condition variable's wait re-takes the mutex, then acquires the
  // signal: an acquire settles what the lock handed over.
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  d->wait_done(b, kM2);
  d->mutex_unlock(b, kM);
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, EmptySectionOfALockTakenByAtomics) {
  // An OpenMP lock: libgomp's compare-and-swap orders, the host brackets it.
  auto take = [&](Tid t) {
    d->lock_begin(t);
    d->atomic_rmw(t, kM, 4, nullptr);
    d->lock_acquired(t, kM);
    d->lock_taken(t);
  };
  auto give_back = [&](Tid t) {
    d->unlock_begin(t, kM);
    d->lock_dropped(t);
    d->atomic_rmw(t, kM, 4, nullptr);  // an exchange that acquires, too
    d->unlock_done(t);
  };
  take(a);
  wr(a, kX);
  give_back(a);
  take(b);
  give_back(b);
  EXPECT_TRUE(wr(b, kX));
  // A section with something in it orders.
  take(a);
  wr(a, kY);
  give_back(a);
  take(b);
  EXPECT_FALSE(rd(b, kY));
  give_back(b);
  EXPECT_FALSE(wr(b, kY));
}

TEST_F(DetectorTest, DifferentMutexesDoNotOrder) {
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM2);
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, LockTakenBeforeTheUnlockDoesNotOrder) {
  d->mutex_lock(b, kM);  // acquires nothing yet
  wr(a, kX);
  d->mutex_unlock(a, kM);
  EXPECT_TRUE(wr(b, kX));
}

TEST_F(DetectorTest, AccessOutsideCriticalSectionStillRaces) {
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  wr(a, kY);  // after the unlock
  d->mutex_lock(b, kM);
  EXPECT_FALSE(rd(b, kX));
  EXPECT_TRUE(rd(b, kY));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, MutexOrderingIsTransitive) {
  Tid c = d->start_thread(root);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  d->mutex_unlock(b, kM2);
  d->mutex_lock(c, kM2);
  EXPECT_FALSE(wr(c, kX));
}

TEST_F(DetectorTest, UnlockJoinsEarlierUnlocks) {
  // An unlock by a thread that did not lock keeps the ordering already there.
  Tid c = d->start_thread(root);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  wr(b, kY);
  d->mutex_unlock(b, kM);
  d->mutex_lock(c, kM);
  EXPECT_FALSE(wr(c, kX));
  EXPECT_FALSE(wr(c, kY));
}

TEST_F(DetectorTest, DestroyForgetsTheMutexClock) {
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->destroy(kM);
  EXPECT_EQ(nullptr, d->syncs().find(kM));
  d->mutex_lock(b, kM);
  EXPECT_TRUE(wr(b, kX));
}

// ---- rwlocks

TEST_F(DetectorTest, ReadersUnderReadLocksAreNotOrdered) {
  d->rwlock_lock(a, kM, false);
  EXPECT_FALSE(wr(a, kX));
  d->rwlock_unlock(a, kM);
  d->rwlock_lock(b, kM, false);
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(a, prev.tid);
  d->rwlock_unlock(b, kM);
}

TEST_F(DetectorTest, WriterAfterReadersUnlockIsOrdered) {
  Tid w = d->start_thread(root);
  d->rwlock_lock(a, kM, false);
  wr(a, kX);
  d->rwlock_unlock(a, kM);
  d->rwlock_lock(b, kM, false);
  wr(b, kY);
  d->rwlock_unlock(b, kM);
  d->rwlock_lock(w, kM, true);
  EXPECT_FALSE(wr(w, kX));
  EXPECT_FALSE(wr(w, kY));
  d->rwlock_unlock(w, kM);
  EXPECT_EQ(SyncKind::kRwlock, d->syncs().find(kM)->kind);
}

TEST_F(DetectorTest, ReaderAfterWriterUnlockIsOrdered) {
  d->rwlock_lock(a, kM, true);
  wr(a, kX);
  d->rwlock_unlock(a, kM);
  d->rwlock_lock(b, kM, false);
  EXPECT_FALSE(rd(b, kX));
  d->rwlock_unlock(b, kM);
}

TEST_F(DetectorTest, WriterAfterWriterIsOrdered) {
  d->rwlock_lock(a, kM, true);
  wr(a, kX);
  d->rwlock_unlock(a, kM);
  d->rwlock_lock(b, kM, true);
  EXPECT_FALSE(wr(b, kX));
  d->rwlock_unlock(b, kM);
}

TEST_F(DetectorTest, ReaderDoesNotSeeAnotherReadersUnlockThroughAWriterFreeLock) {
  // Reader a's unlock goes to the readers' clock only; reader c, locking
  // for reading afterwards, is not ordered after a.
  Tid c = d->start_thread(root);
  d->rwlock_lock(a, kM, false);
  wr(a, kX);
  d->rwlock_unlock(a, kM);
  d->rwlock_lock(c, kM, false);
  EXPECT_TRUE(rd(c, kX));
  d->rwlock_unlock(c, kM);
}

TEST_F(DetectorTest, ReaderAfterWriterThatFollowedReadersIsOrderedWithAll) {
  Tid w = d->start_thread(root);
  Tid r = d->start_thread(root);
  d->rwlock_lock(a, kM, false);
  wr(a, kX);
  d->rwlock_unlock(a, kM);
  d->rwlock_lock(w, kM, true);
  d->rwlock_unlock(w, kM);
  d->rwlock_lock(r, kM, false);
  EXPECT_FALSE(wr(r, kX));
}

// ---- condition variables, semaphores

TEST_F(DetectorTest, SignalThenWaitDoneOrders) {
  wr(a, kX);
  d->signal(a, kM);
  d->wait_done(b, kM);
  EXPECT_FALSE(rd(b, kX));
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, WaitDoneBeforeSignalDoesNotOrder) {
  d->wait_done(b, kM);
  wr(a, kX);
  d->signal(a, kM);
  EXPECT_TRUE(rd(b, kX));
}

TEST_F(DetectorTest, SignalsFromSeveralThreadsAccumulate) {
  Tid c = d->start_thread(root);
  wr(a, kX);
  d->signal(a, kM);
  wr(b, kY);
  d->signal(b, kM);
  d->wait_done(c, kM);
  EXPECT_FALSE(wr(c, kX));
  EXPECT_FALSE(wr(c, kY));
}

TEST_F(DetectorTest, WriteAfterSignalIsNotOrdered) {
  wr(a, kX);
  d->signal(a, kM);
  wr(a, kY);
  d->wait_done(b, kM);
  EXPECT_FALSE(rd(b, kX));
  EXPECT_TRUE(rd(b, kY));
}

// ---- barriers

TEST_F(DetectorTest, BarrierRoundsOrderWritesBeforeWithReadsAfter) {
  Tid t[3] = {a, b, d->start_thread(root)};
  const uptr bar = kM;
  d->barrier_init(bar, 3);
  auto data = [](int round, int i) { return kX + 0x1000 * round + 8 * i; };
  for (int r = 0; r < 4; r++) {
    for (int i = 0; i < 3; i++) EXPECT_FALSE(wr(t[i], data(r, i))) << r << " " << i;
    u64 rounds[3];
    for (int i = 0; i < 3; i++) rounds[i] = d->barrier_arrive(t[i], bar);
    for (int i = 0; i < 3; i++) EXPECT_EQ(u64(r + 1), rounds[i]) << r << " " << i;
    for (int i = 0; i < 3; i++) d->barrier_leave(t[i], bar, rounds[i]);
    for (int i = 0; i < 3; i++)
      EXPECT_FALSE(rd(t[i], data(r, (i + 1) % 3))) << r << " " << i;
    // Rewriting last round's own data: its reader read it before this round.
    if (r > 0) {
      for (int i = 0; i < 3; i++) EXPECT_FALSE(wr(t[i], data(r - 1, i))) << r << " " << i;
    }
  }
  EXPECT_EQ(0ull, d->stats().races);
  // After the barrier, two threads are again unordered with each other.
  EXPECT_FALSE(wr(t[0], kY));
  EXPECT_TRUE(rd(t[1], kY));
  EXPECT_EQ(t[0], prev.tid);
}

TEST_F(DetectorTest, BarrierWriteAfterBarrierRacesWithReadAfterBarrier) {
  Tid t[3] = {a, b, d->start_thread(root)};
  d->barrier_init(kM, 3);
  for (int r = 0; r < 2; r++) {
    u64 rounds[3];
    for (int i = 0; i < 3; i++) rounds[i] = d->barrier_arrive(t[i], kM);
    for (int i = 0; i < 3; i++) d->barrier_leave(t[i], kM, rounds[i]);
  }
  EXPECT_FALSE(wr(t[2], kX));
  EXPECT_TRUE(rd(t[0], kX));
  EXPECT_EQ(t[2], prev.tid);
}

TEST_F(DetectorTest, BarrierDoesNotOrderBeforeTheRoundCompletes) {
  Tid t[3] = {a, b, d->start_thread(root)};
  d->barrier_init(kM, 3);
  wr(t[0], kX);
  d->barrier_arrive(t[0], kM);
  d->barrier_arrive(t[1], kM);
  // t[2] has not arrived: t[1] is not past the barrier and must not have
  // learnt of t[0]'s write.  Simulate t[1] reading before leaving.
  EXPECT_TRUE(rd(t[1], kX));
}

TEST_F(DetectorTest, BarrierLeaveAfterAnotherThreadArrivedAtNextRound) {
  Tid t[3] = {a, b, d->start_thread(root)};
  d->barrier_init(kM, 3);
  for (int i = 0; i < 3; i++) wr(t[i], kX + 8 * i);
  u64 rounds[3];
  for (int i = 0; i < 3; i++) rounds[i] = d->barrier_arrive(t[i], kM);
  d->barrier_leave(t[0], kM, rounds[0]);
  EXPECT_FALSE(rd(t[0], kX + 8));
  wr(t[0], kY);
  EXPECT_EQ(2ull, d->barrier_arrive(t[0], kM));  // next round, not complete
  // The slower threads leave round 1 now.
  d->barrier_leave(t[1], kM, rounds[1]);
  d->barrier_leave(t[2], kM, rounds[2]);
  EXPECT_FALSE(rd(t[1], kX));
  EXPECT_FALSE(rd(t[2], kX + 8));
  // t[0]'s write after round 1 is not ordered with them before round 2.
  EXPECT_TRUE(rd(t[1], kY));
  EXPECT_EQ(t[0], prev.tid);
  EXPECT_EQ(2ull, d->barrier_arrive(t[1], kM));
  EXPECT_EQ(2ull, d->barrier_arrive(t[2], kM));
  d->barrier_leave(t[0], kM, 2);
  d->barrier_leave(t[1], kM, 2);
  d->barrier_leave(t[2], kM, 2);
  EXPECT_FALSE(wr(t[2], kY));
}

TEST_F(DetectorTest, BarrierInitResetsRounds) {
  d->barrier_init(kM, 2);
  EXPECT_EQ(1ull, d->barrier_arrive(a, kM));
  EXPECT_EQ(1ull, d->barrier_arrive(b, kM));
  EXPECT_EQ(2ull, d->barrier_arrive(a, kM));
  d->barrier_init(kM, 2);
  EXPECT_EQ(1ull, d->barrier_arrive(a, kM));
}

// ---- byte precision

TEST_F(DetectorTest, AdjacentDistinctBytesDoNotRace) {
  EXPECT_FALSE(wr(a, kX, 1));
  EXPECT_FALSE(wr(b, kX + 1, 1));
  EXPECT_FALSE(wr(a, kX + 2, 2));
  EXPECT_FALSE(wr(b, kX + 4, 4));
  EXPECT_FALSE(rd(a, kX, 1));
  EXPECT_FALSE(rd(a, kX + 2, 2));
  EXPECT_FALSE(rd(b, kX + 1, 1));
  EXPECT_EQ(0ull, d->stats().races);
  // but a read of bytes 0..3 by a overlaps b's byte 1
  EXPECT_TRUE(rd(a, kX, 4));
  EXPECT_EQ(b, prev.tid);
  EXPECT_EQ(kX + 1, prev.addr);
  EXPECT_EQ(1u, prev.size);
}

TEST_F(DetectorTest, AdjacentHalvesOfAGranuleDoNotRace) {
  EXPECT_FALSE(wr(a, kX, 4));
  EXPECT_FALSE(wr(b, kX + 4, 4));
  EXPECT_FALSE(rd(a, kX, 4));
  EXPECT_FALSE(rd(b, kX + 4, 4));
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, EightByteWriteRacesWithReadOfItsLastByte) {
  wr(a, kX, 8);
  EXPECT_TRUE(rd(b, kX + 7, 1));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(kX, prev.addr);
  EXPECT_EQ(8u, prev.size);
  EXPECT_TRUE(prev.write);
}

TEST_F(DetectorTest, PartialCellReportsItsOwnBytes) {
  wr(a, kX + 2, 2);
  EXPECT_TRUE(wr(b, kX + 3, 1));
  EXPECT_EQ(kX + 2, prev.addr);
  EXPECT_EQ(2u, prev.size);
}

TEST_F(DetectorTest, StraddlingAccessRacesInSecondGranule) {
  wr(a, kX + 4, 8);  // bytes 4..7 of kX's granule, 0..3 of the next
  EXPECT_TRUE(rd(b, kX + 9, 1));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(kX + 8, prev.addr);
  EXPECT_EQ(4u, prev.size);
  EXPECT_TRUE(prev.write);
}

TEST_F(DetectorTest, StraddlingAccessRacesWithEarlierByteInSecondGranule) {
  rd(a, kX + 9, 1);
  EXPECT_TRUE(wr(b, kX + 4, 8));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(kX + 9, prev.addr);
  EXPECT_EQ(1u, prev.size);
  EXPECT_FALSE(prev.write);
}

TEST_F(DetectorTest, StraddlingAccessRacesInFirstGranule) {
  wr(a, kX + 6, 1);
  EXPECT_TRUE(rd(b, kX + 4, 8));
  EXPECT_EQ(kX + 6, prev.addr);
  EXPECT_EQ(1u, prev.size);
}

TEST_F(DetectorTest, StraddlingAccessDoesNotRaceOutsideItsBytes) {
  wr(a, kX + 4, 8);
  EXPECT_FALSE(rd(b, kX + 3, 1));
  EXPECT_FALSE(rd(b, kX + 12, 1));
  EXPECT_TRUE(rd(b, kX + 11, 1));
}

TEST_F(DetectorTest, LargeAccessChecksEveryGranule) {
  wr(a, kX, 64);
  EXPECT_TRUE(rd(b, kX + 45, 1));
  EXPECT_EQ(kX + 40, prev.addr);
  EXPECT_EQ(8u, prev.size);
  EXPECT_FALSE(rd(b, kX + 64, 1));
}

TEST_F(DetectorTest, AccessBeyondUserAddressSpaceIsIgnored) {
  uptr high = uptr(1) << 47;
  EXPECT_FALSE(wr(a, high));
  EXPECT_FALSE(wr(b, high));
}

// ---- new memory

TEST_F(DetectorTest, NewMemoryForgetsEarlierAccesses) {
  wr(a, kX, 8);
  wr(a, kX + 8, 8);
  d->new_memory(kX, 16);
  EXPECT_FALSE(wr(b, kX, 8));
  EXPECT_FALSE(rd(b, kX + 8, 8));
}

TEST_F(DetectorTest, NewMemoryKeepsAccessesOutsideTheRange) {
  wr(a, kX, 16);
  d->new_memory(kX, 8);
  EXPECT_FALSE(wr(b, kX, 8));
  EXPECT_TRUE(wr(b, kX + 8, 8));
}

TEST_F(DetectorTest, NewMemoryForgetsSyncObjectsInRange) {
  d->mutex_unlock(a, kM);
  d->mutex_unlock(a, kM2);
  d->new_memory(kM, 0x40);
  EXPECT_EQ(nullptr, d->syncs().find(kM));
  EXPECT_NE(nullptr, d->syncs().find(kM2));
}

TEST_F(DetectorTest, ClearShadowForgetsAccesses) {
  wr(a, kX);
  d->clear_shadow(kX, 8);
  EXPECT_FALSE(wr(b, kX));
}

TEST_F(DetectorTest, NewMemoryForgetsTheFastPathCell) {
  // After new_memory a's next write is recorded again, so b (unordered)
  // races with it.
  wr(a, kX);
  d->new_memory(kX, 8);
  EXPECT_FALSE(wr(a, kX));
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(a, prev.tid);
}

// ---- atomics (interim model: a race needs two plain accesses)

TEST_F(DetectorTest, AtomicWritesNeverRace) {
  EXPECT_FALSE(awr(a, kX));
  EXPECT_FALSE(awr(b, kX));
  EXPECT_FALSE(ard(a, kX));
  EXPECT_FALSE(awr(a, kX));
}

TEST_F(DetectorTest, AtomicReadAndWriteNeverRace) {
  EXPECT_FALSE(ard(a, kX));
  EXPECT_FALSE(awr(b, kX));
  EXPECT_FALSE(ard(a, kX, 4));
}

TEST_F(DetectorTest, PlainBesideAtomicIsNotReported) {
  EXPECT_FALSE(wr(a, kX));
  EXPECT_FALSE(awr(b, kX));
  EXPECT_FALSE(ard(b, kY));
  EXPECT_FALSE(wr(a, kY));
  EXPECT_FALSE(awr(b, kX + 16));
  EXPECT_FALSE(rd(a, kX + 16));
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, PlainAccessToSyncLocationIsTakenAsAtomic) {
  // Once an atomic access touched x, plain accesses of x are the plain
  // MOVs of acquire loads and release stores: they never race with the
  // atomics, nor with plain cells beside them (the interim model).
  Tid c = d->start_thread(root);
  wr(a, kX);
  EXPECT_FALSE(awr(b, kX));
  EXPECT_FALSE(rd(c, kX));
}

TEST_F(DetectorTest, PlainRaceBesideSyncLocationInSameGranuleStillFound) {
  // An atomic int at x and a plain int at x+4 share a granule: the plain
  // field is not a sync location and its races are reported.
  EXPECT_FALSE(awr(a, kX, 4));
  wr(a, kX + 4, 4);
  EXPECT_TRUE(wr(b, kX + 4, 4));
  EXPECT_EQ(a, prev.tid);
  EXPECT_FALSE(prev.atomic);
}

TEST_F(DetectorTest, PlainStoreToSyncLocationReleasesAndPlainLoadAcquires) {
  // a: data = 1; x.exchange(1); x.store(2, release) (a plain MOV)
  // b: while (x.load(acquire) != 2) {} (a plain MOV); data
  wr(a, kY);
  d->atomic_rmw(a, kX);
  EXPECT_FALSE(awr(a, kX));
  EXPECT_FALSE(wr(a, kX));
  EXPECT_FALSE(rd(b, kX));
  EXPECT_FALSE(wr(b, kY));
}

// ---- acquire loads and release stores (docs/atomics.md)

TEST_F(DetectorTest, AtomicLoadAcquiresFromThePlainStoreItReads) {
  // a: data = 1; flag = 1 (a release store, a plain MOV to the host)
  // b: while (!flag.load(acquire)) {}; data
  wr(a, kY);
  wr(a, kX);
  EXPECT_FALSE(ard(b, kX));
  EXPECT_FALSE(rd(b, kY));
  EXPECT_FALSE(wr(b, kY));
}

TEST_F(DetectorTest, AtomicLoadDoesNotOrderWhatTheStorerDidAfterTheStore) {
  // a: flag = 1; data = 1 (after the release: races with b's read)
  wr(a, kX);
  wr(a, kY);
  EXPECT_FALSE(ard(b, kX));
  EXPECT_TRUE(rd(b, kY));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, AtomicLoadDoesNotOrderPastTheStoreEvenAfterALaterRelease) {
  // a's later unlock published a clock beyond the store: b must learn of
  // a's events up to the store only.
  wr(a, kX);
  wr(a, kY);
  d->mutex_unlock(a, kM);
  EXPECT_FALSE(ard(b, kX));
  EXPECT_TRUE(rd(b, kY));
}

TEST_F(DetectorTest, SpinningLoadStillAcquiresTheStoreThatEndsTheSpin) {
  // b spins on x with the same instruction before a stores to it: the
  // repeated load must not take the fast path past a's store.
  const uptr kPc = 0x7000;
  EXPECT_FALSE(acc(b, kX, 1, false, true, kPc));
  EXPECT_FALSE(acc(b, kX, 1, false, true, kPc));
  wr(a, kY);
  EXPECT_FALSE(wr(a, kX, 1));
  EXPECT_FALSE(acc(b, kX, 1, false, true, kPc));
  EXPECT_FALSE(rd(b, kY));
}

TEST_F(DetectorTest, AtomicLoadOrdersTransitivelyWhatTheStorerKnew) {
  // root: data = 1; unlock m.  a: lock m; flag = 1.  b: flag; data
  Tid c = d->start_thread(root);
  wr(c, kY);
  d->mutex_unlock(c, kM);
  d->mutex_lock(a, kM);
  wr(a, kX);
  EXPECT_FALSE(ard(b, kX));
  EXPECT_FALSE(wr(b, kY));
}

TEST_F(DetectorTest, RepeatedStoreOfOneInstructionReleasesItsLatestValue) {
  // A single-producer queue: a fills a slot, then stores tail with the
  // same instruction each time.  b reads tail (acquire) and the slots.
  const uptr kStore = 0x7100;
  wr(a, kY);
  EXPECT_FALSE(wr(a, kX, 4, kStore));
  wr(a, kY + 64);  // the next slot
  EXPECT_FALSE(wr(a, kX, 4, kStore));
  EXPECT_FALSE(ard(b, kX, 4));
  EXPECT_FALSE(rd(b, kY + 64));
}

TEST_F(DetectorTest, AtomicLoadLearnsWhatTheStorerKnewAtTheStoreNotLater) {
  // c writes y and unlocks m AFTER a's flag store; a then locks m.  b,
  // reading the flag, must not learn of c's write through a.
  Tid c = d->start_thread(root);
  wr(a, kX);               // flag = 1 (a plain release store)
  wr(c, kY);
  d->mutex_unlock(c, kM);
  d->mutex_lock(a, kM);    // a learns of c's write, after its store
  EXPECT_FALSE(ard(b, kX));
  EXPECT_TRUE(rd(b, kY));
  EXPECT_EQ(c, prev.tid);
}

TEST_F(DetectorTest, AtomicStoreReleasesToLaterAtomicLoad) {
  wr(a, kY);
  EXPECT_FALSE(awr(a, kX));
  EXPECT_FALSE(ard(b, kX));
  EXPECT_FALSE(rd(b, kY));
}

TEST_F(DetectorTest, PlainLoadOfLocationFirstMadeSyncByALoadAcquires) {
  // b's first load is recognised as an acquire; a later plain load of the
  // same flag (another instruction) acquires too: x is a sync location.
  Tid c = d->start_thread(root);
  EXPECT_FALSE(ard(b, kX, 1));
  wr(a, kY);
  EXPECT_FALSE(wr(a, kX, 1));
  EXPECT_FALSE(rd(c, kX, 1));
  EXPECT_FALSE(rd(c, kY));
}

TEST_F(DetectorTest, PlainLoadOfPlainStoreStillRaces) {
  wr(a, kX);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_FALSE(prev.atomic);
}

// ---- guessed acquires (a flag test recognised by its shape) under a lock

namespace {
bool guessed_rd(Detector* d, Tid t, uptr addr, usize size, uptr pc, Conflict* prev) {
  *prev = Conflict{};
  return d->access(t, addr, size, false, true, pc, 0, prev, /*guessed=*/true);
}
}  // namespace

TEST_F(DetectorTest, GuessedAcquireUnderALockReadsLockProtectedData) {
  // a: lock(m); size++; unlock(m).  b: lock(m2); if (size > 0) ...: the
  // test is of data another lock protects, not a wait for a flag.
  d->mutex_lock(a, kM);
  wr(a, kX, 4);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM2);
  EXPECT_TRUE(guessed_rd(d.get(), b, kX, 4, next_pc(), &prev));
  EXPECT_EQ(a, prev.tid);
  EXPECT_TRUE(prev.write);
  d->mutex_unlock(b, kM2);
}

TEST_F(DetectorTest, GuessedAcquireUnderALockFirstThenLockedStoreRaces) {
  // The test comes first: it leaves a plain read, which the other
  // critical section's store races with.
  d->lock_taken(b);
  EXPECT_FALSE(guessed_rd(d.get(), b, kX, 4, next_pc(), &prev));
  d->lock_dropped(b);
  d->lock_taken(a);
  EXPECT_TRUE(wr(a, kX, 4));
  EXPECT_EQ(b, prev.tid);
  d->lock_dropped(a);
}

TEST_F(DetectorTest, GuessedAcquireUnderALockOfAFlagSetOutsideLocksAcquires) {
  // a: data = 1; stop = 1 (no lock).  b: lock(m); if (stop) use(data).
  wr(a, kY);
  wr(a, kX, 1);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(guessed_rd(d.get(), b, kX, 1, next_pc(), &prev));
  EXPECT_FALSE(rd(b, kY));
  d->mutex_unlock(b, kM);
}

TEST_F(DetectorTest, StoreOutsideLocksAfterAGuardedTestIsTheFlagsRelease) {
  // b tests the flag under a lock before a sets it without one.
  d->mutex_lock(b, kM);
  EXPECT_FALSE(guessed_rd(d.get(), b, kX, 1, next_pc(), &prev));
  d->mutex_unlock(b, kM);
  EXPECT_FALSE(wr(a, kX, 1));
}

TEST_F(DetectorTest, GuessedAcquireWithoutALockStillAcquires) {
  wr(a, kY);
  wr(a, kX, 4);
  EXPECT_FALSE(guessed_rd(d.get(), b, kX, 4, next_pc(), &prev));
  EXPECT_FALSE(rd(b, kY));
}

// ---- read-only acquires (an index compared with another value)

TEST_F(DetectorTest, ReadOnlyAcquireOfAnotherThreadsIndexAcquires) {
  // a (producer): slot = v; wr = w + 1.  b (consumer): if (rd != wr) use(slot).
  wr(a, kY);
  wr(a, kX);
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, next_pc(), 0, &prev));
  EXPECT_FALSE(rd(b, kY));
  // The producer's next store of its index does not race with the test.
  EXPECT_FALSE(wr(a, kX));
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, next_pc(), 0, &prev));
}

TEST_F(DetectorTest, ReadOnlyAcquireLearnsOnlyUpToTheStoreItReads) {
  wr(a, kX);
  wr(a, kY);  // after the index store: not published by it
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, next_pc(), 0, &prev));
  EXPECT_TRUE(rd(b, kY));
}

TEST_F(DetectorTest, ReadOnlyAcquireIsDataForAThreadThatStoresTheLocation) {
  // Two threads push onto one vector: each tests the end pointer, then
  // stores it.  After its own first store, a thread's test is a plain read.
  const uptr pc_test = next_pc(), pc_store = next_pc();
  EXPECT_FALSE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
  EXPECT_FALSE(wr(a, kX, 8, pc_store));
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, pc_test, 0, &prev));  // b has not stored yet
  wr(b, kX, 8, pc_store);
  EXPECT_TRUE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
  EXPECT_EQ(b, prev.tid);
  EXPECT_TRUE(prev.write);
}

TEST_F(DetectorTest, SecondThreadStoringAnIndexRacesWithTheStoreItsTestLearnedFrom) {
  // a pushes all it has before b starts: b's first test of the end pointer
  // learns from a's store, but b stores the pointer too -- neither thread
  // is the other's producer, and b's store races with a's.
  const uptr pc_test = next_pc(), pc_store = next_pc();
  for (int i = 0; i < 3; i++) {
    EXPECT_FALSE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
    EXPECT_FALSE(wr(a, kX, 8, pc_store));
  }
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, pc_test, 0, &prev));
  EXPECT_TRUE(wr(b, kX, 8, pc_store));
  EXPECT_EQ(a, prev.tid);
  EXPECT_TRUE(prev.write);
  EXPECT_FALSE(prev.atomic);
}

TEST_F(DetectorTest, IndexHandedOverInOrderDoesNotRace) {
  // As above, but b takes the vector over after a released a mutex.
  const uptr pc_test = next_pc(), pc_store = next_pc();
  d->mutex_lock(a, kM);
  d->mutex_unlock(a, kM);
  EXPECT_FALSE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
  EXPECT_FALSE(wr(a, kX, 8, pc_store));
  d->mutex_lock(a, kM2);
  wr(a, kY);  // a hands over (an empty section would order nothing)
  d->mutex_unlock(a, kM2);
  d->mutex_lock(b, kM2);
  rd(b, kY);
  d->mutex_unlock(b, kM2);
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, pc_test, 0, &prev));
  EXPECT_FALSE(wr(b, kX, 8, pc_store));
}

TEST_F(DetectorTest, ProducerStoringItsOwnIndexDoesNotRace) {
  // A ring's producer tests its own index (`w - rd < N`) and stores it;
  // the consumer only tests it.  One writer: the index stays an acquire.
  const uptr pc_test = next_pc(), pc_store = next_pc(), pc_peer = next_pc();
  for (uptr slot = 0; slot < 3; slot++) {
    EXPECT_FALSE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
    EXPECT_FALSE(wr(a, kY + 8 * slot));
    EXPECT_FALSE(wr(a, kX, 8, pc_store));
    EXPECT_FALSE(d->read_only_acquire(b, kX, 8, pc_peer, 0, &prev));
    EXPECT_FALSE(rd(b, kY + 8 * slot));
  }
}

TEST_F(DetectorTest, ReadOnlyAcquireSurvivesAPlainLoadOfTheSameLocation) {
  // The consumer also loads the index as data (`rd = wr; rd % N`) before
  // storing something else: the test's mark is not lost to that load.
  const uptr pc_test = next_pc(), pc_store = next_pc();
  EXPECT_FALSE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
  rd(a, kX);
  EXPECT_FALSE(wr(a, kX, 8, pc_store));
  wr(b, kX);
  EXPECT_TRUE(d->read_only_acquire(a, kX, 8, pc_test, 0, &prev));
}

TEST_F(DetectorTest, ReadOnlyAcquireStaysAnAcquireWhenAnRmwPrecedesTheStore) {
  // A bounded MPMC queue: each thread tests a slot's sequence, claims the
  // slot with a CAS on the queue's position, writes the slot, then stores
  // the sequence.  Both threads store the sequence, yet it is no data.
  const uptr pc_test = next_pc(), pc_store = next_pc();
  for (int lap = 0; lap < 3; lap++) {
    for (Tid t : {a, b}) {
      EXPECT_FALSE(d->read_only_acquire(t, kX, 8, pc_test, 0, &prev));
      d->atomic_rmw(t, kM);
      acc(t, kM, 8, true, true);
      EXPECT_FALSE(wr(t, kY));
      EXPECT_FALSE(wr(t, kX, 8, pc_store));
    }
  }
}

TEST_F(DetectorTest, ReadOnlyAcquireUnderALockIsAPlainRead) {
  d->mutex_lock(a, kM);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM2);
  EXPECT_TRUE(d->read_only_acquire(b, kX, 8, next_pc(), 0, &prev));
  EXPECT_EQ(a, prev.tid);
  d->mutex_unlock(b, kM2);
}

TEST_F(DetectorTest, PlainLoadBesideAReadOnlyAcquireStillRaces) {
  // The index acquires; a plain read of it elsewhere by the same thread is
  // still checked (it is not merged into the acquire's cell).
  wr(a, kX);
  EXPECT_FALSE(d->read_only_acquire(b, kX, 8, next_pc(), 0, &prev));
  wr(a, kX);
  EXPECT_TRUE(rd(b, kX));
}

TEST_F(DetectorTest, LocksHeldCountNestsAndNeverGoesNegative) {
  d->mutex_lock(a, kM);
  d->rwlock_lock(a, kM2, true);
  EXPECT_EQ(2u, d->thread(a)->locks_held);
  d->rwlock_unlock(a, kM2);
  d->mutex_unlock(a, kM);
  d->mutex_unlock(a, kM);
  EXPECT_EQ(0u, d->thread(a)->locks_held);
}

TEST_F(DetectorTest, CatchUpLearnsTheRunnersOwnEventsOnly) {
  // s runs for a (a section): a's private variable is written as a's,
  // then s publishes; whoever acquires it sees the write.  What a merely
  // knew of b is not passed on.
  wr(b, kY);
  d->join(a, b);  // a knows b's write
  Tid s = d->start_thread(kNoTid);
  wr(a, kX);
  d->catch_up(s, a);
  d->signal(s, kM);
  Tid c = d->start_thread(kNoTid);
  d->wait_done(c, kM);
  EXPECT_FALSE(rd(c, kX));
  EXPECT_TRUE(rd(c, kY));
}

TEST_F(DetectorTest, AtomicRmwRacesWithAnUnorderedPlainStore) {
  // a: sum = 0 (plain).  b: sum.fetch_add(1) -- a reduction racing with
  // the reset of its variable.
  wr(a, kX);
  EXPECT_TRUE(d->atomic_rmw(b, kX, 8, &prev));
  EXPECT_EQ(a, prev.tid);
  EXPECT_TRUE(prev.write);
  EXPECT_FALSE(prev.atomic);
}

TEST_F(DetectorTest, AtomicRmwRacesWithAPlainStoreBeforeAnotherThreadsRmw) {
  // a: sum = 0 (plain), then sum += x by `lock add`.  b: sum += y by `lock
  // add`, unordered with the reset (DataRaceBench's DRB140, when the reset
  // runs first; when it runs last it is taken for an atomic store).  The
  // adds drop their results: they release, but acquire nothing.
  wr(a, kX, 4);
  d->atomic_rmw(a, kX, 4, nullptr, false);
  acc(a, kX, 4, true, true);
  EXPECT_TRUE(d->atomic_rmw(b, kX, 4, &prev, false));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, AcquiringRmwIsOrderedAfterAStoreReleasedByAnEarlierRmw) {
  // a: x = 0 (a relaxed store or atomic_init: a plain MOV), then
  // x.fetch_add(1) (acq_rel, result read).  b: x.fetch_add(1), result read:
  // it reads from a's RMW, which orders a's store before it.
  wr(a, kX, 4);
  d->atomic_rmw(a, kX, 4, nullptr, true);
  acc(a, kX, 4, true, true);
  EXPECT_FALSE(d->atomic_rmw(b, kX, 4, &prev, true));
}

TEST_F(DetectorTest, AtomicRmwRacesWithAPlainStoreThenLearnsFromIt) {
  // The RMW's check comes before it acquires: it races with the unordered
  // plain store it read, then (as an atomic load would) learns what that
  // store's thread did before it.
  wr(a, kY);
  wr(a, kX);
  EXPECT_TRUE(d->atomic_rmw(b, kX, 8, &prev));
  EXPECT_EQ(a, prev.tid);
  EXPECT_FALSE(rd(b, kY));
}

TEST_F(DetectorTest, RmwWhoseResultIsUnusedReleasesButDoesNotAcquire) {
  // a: x = 1; ops.fetch_add(1) (result dropped).  b: ops.fetch_add(1)
  // (dropped too); x -- a race: b cannot know it came after a.
  wr(a, kX);
  d->atomic_rmw(a, kM, 8, nullptr, false);
  d->atomic_rmw(b, kM, 8, nullptr, false);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(a, prev.tid);
  // Its release still counts: an acquiring RMW after it learns what b did
  // before it.
  rd(b, kY);
  d->atomic_rmw(b, kM, 8, nullptr, false);
  d->atomic_rmw(a, kM, 8, nullptr, true);
  EXPECT_FALSE(wr(a, kY));
}

TEST_F(DetectorTest, AtomicRmwDoesNotRaceWithOrderedPlainStoreOrAtomicStore) {
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(d->atomic_rmw(b, kX, 8, &prev));
  EXPECT_FALSE(awr(a, kY));
  EXPECT_FALSE(d->atomic_rmw(b, kY, 8, &prev));
}

// ---- atomic read-modify-writes (sequentially consistent)

TEST_F(DetectorTest, AtomicRmwOrdersEarlierAccessesWithLaterRmw) {
  wr(a, kX);
  d->atomic_rmw(a, kY);
  d->atomic_rmw(b, kY);
  EXPECT_FALSE(rd(b, kX));
  EXPECT_FALSE(wr(b, kX));
  EXPECT_NE(nullptr, d->syncs().find(kY));
}

TEST_F(DetectorTest, AtomicRmwOrdersTransitivelyThroughAChain) {
  Tid c = d->start_thread(root);
  wr(a, kX);
  d->atomic_rmw(a, kY);
  d->atomic_rmw(b, kY);
  d->atomic_rmw(c, kY);
  EXPECT_FALSE(wr(c, kX));
}

TEST_F(DetectorTest, AtomicRmwDoesNotOrderAccessesAfterIt) {
  d->atomic_rmw(a, kY);
  wr(a, kX);
  d->atomic_rmw(b, kY);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(a, prev.tid);
}

TEST_F(DetectorTest, AtomicRmwOnAnotherAddressDoesNotOrder) {
  wr(a, kX);
  d->atomic_rmw(a, kY);
  d->atomic_rmw(b, kY + 8);
  EXPECT_TRUE(rd(b, kX));
}

TEST_F(DetectorTest, AtomicRmwReleasesSoRepeatedWriteIsRecorded) {
  wr(a, kX);
  d->atomic_rmw(a, kY);
  u64 fast = d->stats().fast_path;
  wr(a, kX);  // after a release: no fast path
  EXPECT_EQ(fast, d->stats().fast_path);
  d->atomic_rmw(b, kY);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(d->thread(a)->clock(), prev.clock);
}

// ---- eviction

TEST_F(DetectorTest, FullGranuleEvictsACellThatHappensBeforeRatherThanAnUnorderedRead) {
  // Three cells of root, ordered before c and f; c's read of byte 0 is
  // unordered with f.  f's read needs a slot: it must not take c's, or
  // f's write (a read-modify-write's second half) would miss the race.
  wr(root, kX + 4, 1);
  wr(root, kX + 5, 1);
  wr(root, kX + 6, 1);
  Tid c = d->start_thread(root);
  Tid f = d->start_thread(root);
  EXPECT_FALSE(rd(c, kX, 1));
  EXPECT_FALSE(rd(f, kX, 1));
  EXPECT_TRUE(wr(f, kX, 1));
  EXPECT_EQ(c, prev.tid);
}

TEST_F(DetectorTest, FullGranuleEvictsAReadThatHappensBeforeRatherThanAWrite) {
  // root reads bytes 1-2, then writes byte 0; e, started before, is
  // unordered with all of it.  f and c, started after, are ordered after
  // it.  f takes the last cell; c needs one: it must evict one of root's
  // reads, not root's write, which e's later read races with.
  Tid e = d->start_thread(root);
  rd(root, kX + 1, 1);
  rd(root, kX + 2, 1);
  wr(root, kX, 1);
  Tid f = d->start_thread(root);
  Tid c = d->start_thread(root);
  EXPECT_FALSE(rd(f, kX + 3, 1));
  EXPECT_FALSE(rd(c, kX + 4, 1));
  EXPECT_TRUE(rd(e, kX, 1));
  EXPECT_EQ(root, prev.tid);
}

TEST_F(DetectorTest, FullGranuleJoinsAnAccessOfTheSameEpochRatherThanEvict) {
  // root writes all 8 bytes; c, started after, reads them 2 bytes at a
  // time, four instructions: the fourth read finds the granule full and
  // joins c's third (same epoch, same kind) instead of evicting it.  f,
  // also started after root's write, then writes bytes 4-5: it races
  // with c's read of them.
  wr(root, kX, 8);
  Tid c = d->start_thread(root);
  Tid f = d->start_thread(root);
  for (uptr k = 0; k < 8; k += 2) EXPECT_FALSE(rd(c, kX + k, 2));
  EXPECT_TRUE(wr(f, kX + 4, 2));
  EXPECT_EQ(c, prev.tid);
}

TEST_F(DetectorTest, JoinedReadsStillRaceWithALaterWrite) {
  Tid c = d->start_thread(root);
  for (uptr k = 0; k < 8; k += 2) EXPECT_FALSE(rd(c, kX + k, 2));
  for (uptr k = 0; k < 8; k += 2) EXPECT_FALSE(rd(b, kX + k, 2));
  EXPECT_TRUE(wr(a, kX + 6, 2));
}

// ---- write forgets what it happens after

TEST_F(DetectorTest, OrderedWriteReplacesEarlierWriteAsTheRaceToReport) {
  Tid c = d->start_thread(root);
  wr(a, kX);
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(wr(b, kX));
  EXPECT_TRUE(rd(c, kX));
  EXPECT_EQ(b, prev.tid);
}

// ---- the fast path

TEST_F(DetectorTest, RepeatedAccessTakesFastPath) {
  const uptr kPc = 0x4321;
  EXPECT_FALSE(wr(a, kX, 8, kPc));
  EXPECT_EQ(1ull, d->stats().accesses);
  EXPECT_EQ(0ull, d->stats().fast_path);
  Clock c = d->thread(a)->clock();
  EXPECT_FALSE(wr(a, kX, 8, kPc));
  EXPECT_EQ(1ull, d->stats().fast_path);
  EXPECT_FALSE(rd(a, kX, 8, kPc));       // a write covers a read
  EXPECT_FALSE(rd(a, kX + 2, 2, kPc));   // and a subset of its bytes
  EXPECT_EQ(3ull, d->stats().fast_path);
  EXPECT_EQ(4ull, d->stats().accesses);
  EXPECT_EQ(c, d->thread(a)->clock());  // nothing recorded
}

TEST_F(DetectorTest, AnotherInstructionIsRecordedAgainAndReported) {
  // x = 0 (line A), then x += 1 (line B) in the same epoch: the report
  // names the latest code location, B.
  EXPECT_FALSE(wr(a, kX, 8, 0xA000));
  Clock c = d->thread(a)->clock();
  EXPECT_FALSE(wr(a, kX, 8, 0xB000));
  EXPECT_EQ(0ull, d->stats().fast_path);
  EXPECT_EQ(c + 1, d->thread(a)->clock());
  EXPECT_FALSE(wr(a, kX, 8, 0xB000));  // B again: fast
  EXPECT_EQ(1ull, d->stats().fast_path);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(Pcs({0xB000}), stack_of(prev));
}

TEST_F(DetectorTest, ReadDoesNotCoverWrite) {
  rd(a, kX);
  wr(a, kX);
  EXPECT_EQ(0ull, d->stats().fast_path);
  EXPECT_EQ(2ull, d->thread(a)->clock());
}

TEST_F(DetectorTest, WiderAccessIsNotFastPath) {
  wr(a, kX, 4);
  wr(a, kX, 8);
  EXPECT_EQ(0ull, d->stats().fast_path);
}

TEST_F(DetectorTest, FastPathForStraddlingAccessNeedsBothGranules) {
  const uptr kPc = 0x4321;
  wr(a, kX + 4, 8, kPc);
  EXPECT_FALSE(wr(a, kX + 4, 8, kPc));
  EXPECT_EQ(1ull, d->stats().fast_path);
  wr(a, kX + 8, 8, kPc);  // second granule only partly covered
  EXPECT_EQ(1ull, d->stats().fast_path);
}

TEST_F(DetectorTest, FastPathEndsAtRelease) {
  const uptr kPc = 0x4321;
  wr(a, kX, 8, kPc);
  wr(a, kX, 8, kPc);
  EXPECT_EQ(1ull, d->stats().fast_path);
  Clock before = d->thread(a)->clock();
  d->mutex_unlock(a, kM);
  wr(a, kX, 8, kPc);
  EXPECT_EQ(1ull, d->stats().fast_path);
  EXPECT_EQ(before + 1, d->thread(a)->clock());
  wr(a, kX, 8, kPc);
  EXPECT_EQ(2ull, d->stats().fast_path);
}

TEST_F(DetectorTest, RaceAfterUnlockWithoutRelockIsReported) {
  // T1 writes x, unlocks m; T2 locks m and writes x (ordered); T1 writes x
  // again without re-locking: that races with T2's write.
  d->mutex_lock(a, kM);
  EXPECT_FALSE(wr(a, kX, 8, 0x400100));
  d->mutex_unlock(a, kM);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(wr(b, kX, 8, 0x400200));
  Clock cb = d->thread(b)->clock();
  d->mutex_unlock(b, kM);
  EXPECT_TRUE(wr(a, kX, 8, 0x400300));
  EXPECT_EQ(b, prev.tid);
  EXPECT_EQ(cb, prev.clock);
  EXPECT_TRUE(prev.write);
  EXPECT_EQ(0x400200u, d->thread(b)->history.access_pc(prev.clock));
}

TEST_F(DetectorTest, RepeatedWriteAfterReleaseRacesWithEarlierAcquirer) {
  // T1 writes x, unlocks m, writes x again; T2 locks m (seeing only the first
  // write) and reads x: it races with the second write, which the fast path
  // must not have swallowed.
  wr(a, kX, 8, 0x400100);
  d->mutex_unlock(a, kM);
  EXPECT_FALSE(wr(a, kX, 8, 0x400300));
  Clock second = d->thread(a)->clock();
  d->mutex_lock(b, kM);
  EXPECT_TRUE(rd(b, kX));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(second, prev.clock);
  EXPECT_EQ(0x400300u, d->thread(a)->history.access_pc(prev.clock));
}

TEST_F(DetectorTest, RepeatedReadAfterReleaseRacesWithEarlierAcquirersWrite) {
  rd(a, kX);
  d->signal(a, kM);
  rd(a, kX);
  d->wait_done(b, kM);
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(a, prev.tid);
  EXPECT_FALSE(prev.write);
  EXPECT_EQ(d->thread(a)->clock(), prev.clock);
}

TEST_F(DetectorTest, RepeatedWriteAfterStartThreadIsRecorded) {
  wr(a, kX);
  Tid c = d->start_thread(a);
  wr(a, kX);
  EXPECT_TRUE(rd(c, kX));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(2ull, prev.clock);
}

// ---- the previous access's stack

TEST_F(DetectorTest, CallsFormThePreviousStack) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);
  d->call(a, 0x1300, 0x6e00);
  EXPECT_EQ(3u, d->thread(a)->stack.depth());
  EXPECT_FALSE(acc(a, kX, 8, true, false, 0x1999, 0x6df0));
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(Pcs({0x1999, 0x1300, 0x1200, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, APieceStartsFromItsRunnersLiveFrames) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);
  d->call(a, 0x1300, 0x6e00);  // returned: stale at sp 0x6e80
  Tid piece = d->start_thread(a);
  d->call(piece, 0x1400, 0x5000);  // an earlier use of the piece, elsewhere
  d->adopt_stack(piece, a, 0x6e80);
  EXPECT_EQ(2u, d->thread(piece)->stack.depth());
  EXPECT_FALSE(acc(piece, kX, 8, true, false, 0x1999, 0x6e70));
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(piece, prev.tid);
  EXPECT_EQ(Pcs({0x1999, 0x1200, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, HandlerOnAlternateStackKeepsInterruptedFrames) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);
  d->signal_enter(a);
  // The alternate stack lies above the thread's stack: without the
  // barrier this access would pop both frames.
  d->call(a, 0x1300, 0x9000);
  EXPECT_FALSE(acc(a, kX, 8, true, false, 0x1999, 0x8ff0));
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(Pcs({0x1999, 0x1300, 0x1200, 0x1100}), stack_of(prev));
  d->signal_return(a);
  EXPECT_EQ(2u, d->thread(a)->stack.depth());
  EXPECT_FALSE(acc(a, kY, 8, true, false, 0x1888, 0x6ef0));
  EXPECT_TRUE(wr(b, kY));
  EXPECT_EQ(Pcs({0x1888, 0x1200, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, SignalReturnWithoutBarrierKeepsStack) {
  d->call(a, 0x1100, 0x7000);
  d->signal_return(a);
  EXPECT_EQ(1u, d->thread(a)->stack.depth());
}

TEST_F(DetectorTest, AccessWithHigherSpPopsFrames) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);
  d->call(a, 0x1300, 0x6e00);
  acc(a, kY, 8, true, false, 0x1888, 0x6e00);  // still inside 0x1300's callee
  EXPECT_EQ(3u, d->thread(a)->stack.depth());
  acc(a, kX, 8, true, false, 0x1999, 0x6f08);  // returned from two calls
  EXPECT_EQ(1u, d->thread(a)->stack.depth());
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(Pcs({0x1999, 0x1100}), stack_of(prev));
  EXPECT_TRUE(wr(b, kY));
  EXPECT_EQ(Pcs({0x1888, 0x1300, 0x1200, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, CallWithHigherSpPopsStaleFramesFirst) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);
  d->call(a, 0x1300, 0x6f10);  // 0x1200's callee returned, then a new call
  EXPECT_EQ(2u, d->thread(a)->stack.depth());
  acc(a, kX, 8, true, false, 0x1999, 0x6f00);
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(Pcs({0x1999, 0x1300, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, SiblingCallAtTheSameSpReplacesTheReturnedFrame) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);  // returns without any access in between
  d->call(a, 0x1300, 0x6f00);  // the next call from the same function
  EXPECT_EQ(2u, d->thread(a)->stack.depth());
  acc(a, kX, 8, true, false, 0x1999, 0x6e00);
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(Pcs({0x1999, 0x1300, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, CallsAdvanceTheClock) {
  d->call(a, 0x1100, 0x7000);
  EXPECT_EQ(1ull, d->thread(a)->clock());
  acc(a, kX, 8, true, false, 0x1999, 0x7008);  // pop + access
  EXPECT_EQ(3ull, d->thread(a)->clock());
  EXPECT_EQ(0u, d->thread(a)->stack.depth());
}

TEST_F(DetectorTest, PreviousStackAcrossHistoryParts) {
  d->call(a, 0x1100, 0x7000);
  d->call(a, 0x1200, 0x6f00);
  // Enough recorded accesses (distinct granules) to cross into a later part.
  for (uptr i = 0; i < History::kPartEvents + 10; i++)
    acc(a, kY + 0x100000 + 8 * i, 8, true, false, 0x1500, 0x6e00);
  d->call(a, 0x1300, 0x6f10);  // pops 0x1200 (below this part's start), pushes
  acc(a, kX, 8, true, false, 0x1999, 0x6e00);
  EXPECT_GT(d->thread(a)->clock(), Clock(History::kPartEvents));
  EXPECT_TRUE(wr(b, kX));
  EXPECT_EQ(Pcs({0x1999, 0x1300, 0x1100}), stack_of(prev));
}

TEST_F(DetectorTest, PreviousStackGoneAfterHistoryLimit) {
  std::unique_ptr<Detector> small(new Detector);
  small->set_history_limit(2 * History::kPartEvents);
  Tid r = small->start_thread(kNoTid);
  Tid t1 = small->start_thread(r);
  Tid t2 = small->start_thread(r);
  Conflict c{};
  small->call(t1, 0x1100, 0x7000);
  small->access(t1, kX, 8, true, false, 0x1999, 0x6f00, &c);
  for (uptr i = 0; i < 3 * History::kPartEvents; i++)
    small->access(t1, kY + 0x100000 + 8 * i, 8, true, false, 0x1500, 0x6f00, &c);
  small->access(t1, kX + 8, 8, true, false, 0x1777, 0x6f00, &c);
  // The race is still found, but the old access's stack is gone.
  ASSERT_TRUE(small->access(t2, kX, 8, true, false, 0x2000, 0, &c));
  EXPECT_EQ(t1, c.tid);
  uptr out[8];
  EXPECT_EQ(0u, small->thread(t1)->history.stack_at(c.clock, out, 8));
  EXPECT_EQ(0u, small->thread(t1)->history.access_pc(c.clock));
  // A recent one is still there.
  ASSERT_TRUE(small->access(t2, kX + 8, 8, true, false, 0x2000, 0, &c));
  EXPECT_EQ(0x1777u, small->thread(t1)->history.access_pc(c.clock));
  ASSERT_EQ(2u, small->thread(t1)->history.stack_at(c.clock, out, 8));
  EXPECT_EQ(0x1777u, out[0]);
  EXPECT_EQ(0x1100u, out[1]);
}

// ---- one instruction over several bytes (merged cells)

TEST_F(DetectorTest, SameInstructionSinceReleaseMergesIntoOneCell) {
  const uptr loop = 0x40beef;
  wr(a, kX, 1, loop);
  wr(a, kX + 1, 1, loop);
  wr(a, kX + 2, 1, loop);
  Clock last = d->thread(a)->clock();
  EXPECT_TRUE(rd(b, kX + 1, 1));
  EXPECT_EQ(a, prev.tid);
  EXPECT_EQ(kX, prev.addr);
  EXPECT_EQ(3u, prev.size);
  EXPECT_EQ(last, prev.clock);
  EXPECT_EQ(loop, d->thread(a)->history.access_pc(prev.clock));
}

TEST_F(DetectorTest, DistinctInstructionsKeepDistinctCells) {
  wr(a, kX, 1, 0x40a000);
  wr(a, kX + 1, 1, 0x40b000);
  EXPECT_TRUE(rd(b, kX + 1, 1));
  EXPECT_EQ(kX + 1, prev.addr);
  EXPECT_EQ(1u, prev.size);
  EXPECT_EQ(0x40b000u, d->thread(a)->history.access_pc(prev.clock));
}

TEST_F(DetectorTest, SameInstructionDoesNotMergeAcrossRelease) {
  // The first byte was published by the unlock; merging it into a cell
  // with the later clock would make b's ordered read of it a false race.
  const uptr loop = 0x40beef;
  wr(a, kX, 1, loop);
  d->mutex_unlock(a, kM);
  wr(a, kX + 1, 1, loop);
  d->mutex_lock(b, kM);
  EXPECT_FALSE(rd(b, kX, 1));
  EXPECT_TRUE(rd(b, kX + 1, 1));
  EXPECT_EQ(kX + 1, prev.addr);
  EXPECT_EQ(1u, prev.size);
}

TEST_F(DetectorTest, SameInstructionReadDoesNotMergeWithWrite) {
  const uptr insn = 0x40beef;
  wr(a, kX, 1, insn);
  rd(a, kX + 1, 1, insn);
  EXPECT_TRUE(wr(b, kX, 1));
  EXPECT_TRUE(prev.write);
  EXPECT_EQ(1u, prev.size);
}

TEST_F(DetectorTest, FullGranuleEvictsOwnCellBeforeOthers) {
  Tid c = d->start_thread(root);
  Tid e = d->start_thread(root);
  Tid f = d->start_thread(root);
  EXPECT_FALSE(wr(a, kX + 0, 1));
  EXPECT_FALSE(wr(c, kX + 1, 1));
  EXPECT_FALSE(wr(e, kX + 2, 1));
  EXPECT_FALSE(wr(b, kX + 3, 1));
  // Granule full: b's other cell goes, not e's (which a choice by b's
  // clock, 2, would have evicted).
  EXPECT_FALSE(wr(b, kX + 4, 1));
  EXPECT_TRUE(rd(f, kX + 2, 1));
  EXPECT_EQ(e, prev.tid);
  // (f's own cells now take slots too; a's and b's latest are still there.)
  EXPECT_TRUE(rd(f, kX + 0, 1));
  EXPECT_EQ(a, prev.tid);
  EXPECT_TRUE(rd(f, kX + 4, 1));
  EXPECT_EQ(b, prev.tid);
}

// ---- many threads on one granule (cell eviction)

TEST_F(DetectorTest, ManyReadersOfOrderedWriteNeverRace) {
  EXPECT_FALSE(wr(root, kX));
  std::vector<Tid> readers;
  for (int i = 0; i < 20; i++) readers.push_back(d->start_thread(root));
  for (int round = 0; round < 3; round++)
    for (Tid t : readers) EXPECT_FALSE(rd(t, kX)) << t;
  for (Tid t : readers) {
    d->finish_thread(t);
    d->join(root, t);
  }
  EXPECT_FALSE(wr(root, kX));
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, ManyReadersUnderMutexThenWriterNeverRace) {
  std::vector<Tid> ts;
  for (int i = 0; i < 9; i++) ts.push_back(d->start_thread(root));
  for (int round = 0; round < 3; round++)
    for (size_t i = 0; i < ts.size(); i++) {
      d->mutex_lock(ts[i], kM);
      EXPECT_FALSE(rd(ts[i], kX, 1 + (i % 8))) << round << " " << i;
      if (i % 3 == 2) {
        EXPECT_FALSE(wr(ts[i], kX, 8)) << round << " " << i;
      }
      d->mutex_unlock(ts[i], kM);
    }
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, ManyWritersOfDistinctBytesNeverRace) {
  std::vector<Tid> ts;
  for (int i = 0; i < 8; i++) ts.push_back(d->start_thread(root));
  for (int round = 0; round < 3; round++)
    for (int i = 0; i < 8; i++) {
      EXPECT_FALSE(wr(ts[i], kX + i, 1)) << round << " " << i;
      EXPECT_FALSE(rd(ts[i], kX + i, 1)) << round << " " << i;
    }
  EXPECT_EQ(0ull, d->stats().races);
}

TEST_F(DetectorTest, UnorderedWriterAfterManyReadersStillRaces) {
  std::vector<Tid> ts;
  for (int i = 0; i < 6; i++) ts.push_back(d->start_thread(root));
  for (Tid t : ts) rd(t, kX);
  EXPECT_TRUE(wr(a, kX));
  EXPECT_NE(a, prev.tid);
  EXPECT_FALSE(prev.write);
}
