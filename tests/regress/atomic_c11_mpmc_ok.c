// A bounded multi-producer multi-consumer queue in C11 atomics (Vyukov's):
// two producers and two consumers.  Each slot carries a sequence number
// that every thread tests against its position (`seq - pos`) and stores
// after claiming the slot with a CAS.  Race-free.
// CFLAGS: -O2
// (At -O2 four threads' tests and stores of one slot overflow its shadow
// cells: the stores must also be published on the slot's sync object.)
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#define N 16
#define ITEMS 5000
struct cell { _Atomic size_t seq; long data; };
static struct cell buf[N];
static _Atomic size_t enq, deq;
static _Atomic long total;

static int push(long v) {
  size_t pos = atomic_load_explicit(&enq, memory_order_relaxed);
  for (;;) {
    struct cell* c = &buf[pos & (N - 1)];
    size_t seq = atomic_load_explicit(&c->seq, memory_order_acquire);
    long diff = (long)seq - (long)pos;
    if (diff == 0) {
      if (atomic_compare_exchange_weak_explicit(&enq, &pos, pos + 1, memory_order_relaxed, memory_order_relaxed)) {
        c->data = v;
        atomic_store_explicit(&c->seq, pos + 1, memory_order_release);
        return 1;
      }
    } else if (diff < 0) {
      return 0;
    } else {
      pos = atomic_load_explicit(&enq, memory_order_relaxed);
    }
  }
}
static int pop(long* v) {
  size_t pos = atomic_load_explicit(&deq, memory_order_relaxed);
  for (;;) {
    struct cell* c = &buf[pos & (N - 1)];
    size_t seq = atomic_load_explicit(&c->seq, memory_order_acquire);
    long diff = (long)seq - (long)(pos + 1);
    if (diff == 0) {
      if (atomic_compare_exchange_weak_explicit(&deq, &pos, pos + 1, memory_order_relaxed, memory_order_relaxed)) {
        *v = c->data;
        atomic_store_explicit(&c->seq, pos + N, memory_order_release);
        return 1;
      }
    } else if (diff < 0) {
      return 0;
    } else {
      pos = atomic_load_explicit(&deq, memory_order_relaxed);
    }
  }
}
static void* producer(void* a) {
  for (long i = 1; i <= ITEMS; i++) while (!push(i)) sched_yield();
  return a;
}
static void* consumer(void* a) {
  long v, sum = 0;
  for (long i = 0; i < ITEMS; i++) { while (!pop(&v)) sched_yield(); sum += v; }
  atomic_fetch_add(&total, sum);
  return a;
}
int main(void) {
  for (size_t i = 0; i < N; i++) atomic_init(&buf[i].seq, i);
  pthread_t t[4];
  pthread_create(&t[0], 0, producer, 0);
  pthread_create(&t[1], 0, producer, 0);
  pthread_create(&t[2], 0, consumer, 0);
  pthread_create(&t[3], 0, consumer, 0);
  for (int i = 0; i < 4; i++) pthread_join(t[i], 0);
  return atomic_load(&total) == 2L * ITEMS * (ITEMS + 1) / 2 ? 0 : 1;
}
