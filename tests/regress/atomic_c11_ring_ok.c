// A single-producer single-consumer ring in C11 <stdatomic.h> whose
// try_push and try_pop do not spin: each compares its own index with an
// acquire load of the other side's (`rd != wr`, `w - rd < N`), and the
// callers retry.  Race-free: every slot is published by the release store
// of wr and handed back by the release store of rd.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#define N 16
#define ITEMS 20000

struct ring {
  _Atomic unsigned long wr, rd;
  long slot[N];
};
static struct ring q;

__attribute__((noinline)) static int try_push(struct ring* r, long v) {
  unsigned long w = atomic_load_explicit(&r->wr, memory_order_relaxed);
  if (w - atomic_load_explicit(&r->rd, memory_order_acquire) >= N) return 0;
  r->slot[w % N] = v;
  atomic_store_explicit(&r->wr, w + 1, memory_order_release);
  return 1;
}

__attribute__((noinline)) static int try_pop(struct ring* r, long* v) {
  unsigned long rd = atomic_load_explicit(&r->rd, memory_order_relaxed);
  if (rd == atomic_load_explicit(&r->wr, memory_order_acquire)) return 0;
  *v = r->slot[rd % N];
  atomic_store_explicit(&r->rd, rd + 1, memory_order_release);
  return 1;
}

static void* producer(void* arg) {
  (void)arg;
  for (long i = 0; i < ITEMS; i++)
    while (!try_push(&q, i)) sched_yield();
  return 0;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, 0, producer, 0);
  long sum = 0, v;
  for (long got = 0; got < ITEMS; got++) {
    while (!try_pop(&q, &v)) sched_yield();
    sum += v;
  }
  pthread_join(t, 0);
  return sum == (long)ITEMS * (ITEMS - 1) / 2 ? 0 : 1;
}
