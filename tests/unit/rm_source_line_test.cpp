// rm_source_line_test.cpp -- reading C source lines for their atomics.
#include <gtest/gtest.h>

#include <cstring>

#include "rm_source_line.h"

namespace rm {
namespace {

LineAtomics scan(const char* s) { return scan_line(s, std::strlen(s)); }
bool names(const char* s, const char* sym, bool store) {
  return names_atomic_object(s, std::strlen(s), sym, store);
}

TEST(SourceLine, CountsC11LoadsAndStores) {
  LineAtomics a = scan("    x = atomic_load_explicit(&dx, memory_order_relaxed);");
  EXPECT_EQ(a.loads, 1u);
  EXPECT_EQ(a.stores, 0u);
  EXPECT_FALSE(a.other_memory);
  a = scan("  atomic_store_explicit(&prev->next, me, memory_order_release);");
  EXPECT_EQ(a.loads, 0u);
  EXPECT_EQ(a.stores, 1u);
  EXPECT_FALSE(a.other_memory);  // the call's own argument is its object
  a = scan("while (__atomic_load_n(&flag, __ATOMIC_ACQUIRE) == 0) {}");
  EXPECT_EQ(a.loads, 1u);
  a = scan("atomic_flag_clear_explicit(&lk, memory_order_release);");
  EXPECT_EQ(a.stores, 1u);
}

TEST(SourceLine, NamesAreWholeWords) {
  EXPECT_EQ(scan("my_atomic_load(&x);").loads, 0u);
  EXPECT_EQ(scan("atomic_loads(&x);").loads, 0u);
  EXPECT_EQ(scan("int atomic_load_count = 3;").loads, 0u);  // not a call
  EXPECT_EQ(scan("// atomic_load(&x) in a comment").loads, 0u);
  EXPECT_EQ(scan("puts(\"atomic_load(&x)\");").loads, 0u);
  EXPECT_EQ(scan("/* atomic_store(&x, 1) */ y = 2;").stores, 0u);
}

TEST(SourceLine, ReadModifyWritesAreNoLoadsOrStores) {
  LineAtomics a = scan("if (atomic_fetch_sub_explicit(&p->refs, 1, memory_order_acq_rel) == 1) {");
  EXPECT_EQ(a.loads, 0u);
  EXPECT_EQ(a.stores, 0u);
  EXPECT_FALSE(a.other_memory);
}

TEST(SourceLine, OtherAccessesOfTheLine) {
  EXPECT_TRUE(scan("if (atomic_load(&q->ready)) r = q->data;").other_memory);
  EXPECT_TRUE(scan("v = buf[atomic_load(&head) % N];").other_memory);
  EXPECT_TRUE(scan("if (atomic_load(&ready)) r = *p;").other_memory);
  EXPECT_TRUE(scan("x = atomic_load(&s.n) + t.m;").other_memory);
  // Declarations, casts and products are no accesses through pointers.
  EXPECT_FALSE(scan("struct node *succ = atomic_load_explicit(&me->next, memory_order_acquire);")
                   .other_memory);
  EXPECT_FALSE(scan("long v = (long)atomic_load(&n) * 2;").other_memory);
  EXPECT_FALSE(scan("double d = 1.5 * atomic_load(&n);").other_memory);
  EXPECT_FALSE(scan("if (atomic_load(&ready)) r = data;").other_memory);  // names: see below
}

TEST(SourceLine, TheObjectACallNames) {
  const char* line = "if (atomic_load_explicit(&ready, memory_order_acquire)) r = data;";
  EXPECT_TRUE(names(line, "ready", false));
  EXPECT_FALSE(names(line, "data", false));
  EXPECT_FALSE(names(line, "ready", true));  // a load, not a store
  EXPECT_FALSE(names(line, "rea", false));
  EXPECT_TRUE(names("atomic_store_explicit(&L.serving, s + 1, memory_order_release);", "L", true));
  EXPECT_TRUE(names("p = atomic_load(&slots[i]);", "slots", false));
  EXPECT_FALSE(names("p = atomic_load(&slots[i]);", "i", false));  // the index is plain
  EXPECT_TRUE(names("p = __atomic_load_n(gp, __ATOMIC_ACQUIRE);", "gp", false));
  EXPECT_TRUE(names("if (atomic_load(&flag)) go();", "flag.0", false));  // a static's symbol
  EXPECT_TRUE(names("a = atomic_load(&x); atomic_store(&y, a);", "y", true));
  EXPECT_FALSE(names("a = atomic_load(&x); atomic_store(&y, a);", "x", true));
}

TEST(SourceLine, ACallOverTwoLines) {
  LineAtomics a = scan("  atomic_store_explicit(&q->slots[pos & MASK].seq,");
  EXPECT_EQ(a.stores, 1u);
  EXPECT_FALSE(a.other_memory);
}

}  // namespace
}  // namespace rm
