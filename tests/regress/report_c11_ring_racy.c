// Report anatomy, C11 ring buffer: the producer publishes a slot (release store of wr) before writing it; the consumer's non-spinning try_pop reads the index as an acquire and then the slot (race on the slot, both stacks; the index itself is not reported).
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

struct ring {
  _Atomic unsigned long wr, rd;
  long slot[4];
};
static struct ring q;
static atomic_int consumed;  // keeps the producer running until the report

static void* producer(void* arg) {
  unsigned long w = atomic_load_explicit(&q.wr, memory_order_relaxed);
  atomic_store_explicit(&q.wr, w + 1, memory_order_release);
  q.slot[w % 4] = 42; // RACE
  while (!atomic_load_explicit(&consumed, memory_order_acquire)) sched_yield();
  return arg;
}

__attribute__((noinline)) static int try_pop(long* v) {
  unsigned long rd = atomic_load_explicit(&q.rd, memory_order_relaxed);
  if (rd == atomic_load_explicit(&q.wr, memory_order_acquire)) return 0;
  *v = q.slot[rd % 4]; // RACE
  atomic_store_explicit(&q.rd, rd + 1, memory_order_release);
  return 1;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, 0, producer, 0);
  long v;
  while (!try_pop(&v)) sched_yield();
  atomic_store_explicit(&consumed, 1, memory_order_release);
  pthread_join(t, 0);
  return v == 42 || v == 0 ? 0 : 1;
}
