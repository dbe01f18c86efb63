// Four threads, C11 atomics only (no locks, no data race): a relaxed
// fetch_add counter, a CAS-based lock-free stack (tagged head, nodes from a
// static pool, each pop bumps the node's plain payload), an SPSC ring per
// thread pair (release/acquire head/tail, plain slots; thread i feeds
// thread i+1) and a test-and-test-and-set spinlock around a plain counter.
// Exits 0 when every total is exact.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#define T 4
#define ROUNDS 700000  // per thread
#define NODES 64       // stack pool
#define RING 64        // slots per ring

static atomic_long relaxed_count;

// ---- lock-free stack: head = tag << 32 | (index + 1), 0 = empty
struct node {
  _Atomic uint32_t next;  // index + 1 of the node below
  long payload;           // plain: only the thread that popped it touches it
};
static struct node pool[NODES];
static _Atomic uint64_t head;
static void push(uint32_t i) {
  uint64_t h = atomic_load_explicit(&head, memory_order_relaxed), n;
  do {
    atomic_store_explicit(&pool[i].next, (uint32_t)h, memory_order_relaxed);
    n = ((h >> 32) + 1) << 32 | (i + 1);
  } while (!atomic_compare_exchange_weak_explicit(&head, &h, n, memory_order_release,
                                                  memory_order_relaxed));
}
static int pop(void) {  // index, or -1 when empty
  uint64_t h = atomic_load_explicit(&head, memory_order_acquire), n;
  do {
    if ((uint32_t)h == 0) return -1;
    uint32_t below = atomic_load_explicit(&pool[(uint32_t)h - 1].next, memory_order_relaxed);
    n = ((h >> 32) + 1) << 32 | below;
  } while (!atomic_compare_exchange_weak_explicit(&head, &h, n, memory_order_acquire,
                                                  memory_order_acquire));
  return (int)(uint32_t)h - 1;
}

// ---- SPSC rings: ring[i] from thread i to thread (i + 1) % T
struct ring {
  _Atomic unsigned long wr, rd;
  long slot[RING];
};
static struct ring ring[T];

// ---- test-and-test-and-set spinlock
static atomic_int lock_word;
static long locked_count;
static void lock(void) {
  int spins = 0;
  while (atomic_exchange_explicit(&lock_word, 1, memory_order_acquire))
    while (atomic_load_explicit(&lock_word, memory_order_relaxed))
      if (++spins % 64 == 0) sched_yield();
}
static void unlock(void) { atomic_store_explicit(&lock_word, 0, memory_order_release); }

static long pops[T], received[T];
static void* work(void* arg) {
  long id = (long)arg, npop = 0, sum = 0;
  struct ring *out = &ring[id], *in = &ring[(id + T - 1) % T];
  long sent = 0, got = 0;
  for (long r = 0; r < ROUNDS; r++) {
    atomic_fetch_add_explicit(&relaxed_count, 1, memory_order_relaxed);
    int i = pop();
    if (i >= 0) {
      pool[i].payload++;
      npop++;
      push((uint32_t)i);
    }
    if (r % 8 == 0) {
      lock();
      locked_count++;
      unlock();
    }
    // one send and one receive attempt per round; finish after the loop
    unsigned long w = atomic_load_explicit(&out->wr, memory_order_relaxed);
    if (sent < ROUNDS && w - atomic_load_explicit(&out->rd, memory_order_acquire) < RING) {
      out->slot[w % RING] = sent++;
      atomic_store_explicit(&out->wr, w + 1, memory_order_release);
    }
    unsigned long rd = atomic_load_explicit(&in->rd, memory_order_relaxed);
    if (rd != atomic_load_explicit(&in->wr, memory_order_acquire)) {
      sum += in->slot[rd % RING];
      got++;
      atomic_store_explicit(&in->rd, rd + 1, memory_order_release);
    }
  }
  while (sent < ROUNDS || got < ROUNDS) {
    int idle = 1;
    unsigned long w = atomic_load_explicit(&out->wr, memory_order_relaxed);
    if (sent < ROUNDS && w - atomic_load_explicit(&out->rd, memory_order_acquire) < RING) {
      out->slot[w % RING] = sent++;
      atomic_store_explicit(&out->wr, w + 1, memory_order_release);
      idle = 0;
    }
    unsigned long rd = atomic_load_explicit(&in->rd, memory_order_relaxed);
    if (got < ROUNDS && rd != atomic_load_explicit(&in->wr, memory_order_acquire)) {
      sum += in->slot[rd % RING];
      got++;
      atomic_store_explicit(&in->rd, rd + 1, memory_order_release);
      idle = 0;
    }
    if (idle) sched_yield();
  }
  pops[id] = npop;
  received[id] = sum;
  return 0;
}

int main(void) {
  for (uint32_t i = 0; i < NODES; i++) push(i);
  pthread_t t[T];
  for (long i = 0; i < T; i++) pthread_create(&t[i], 0, work, (void*)i);
  for (int i = 0; i < T; i++) pthread_join(t[i], 0);
  long npop = 0, payload = 0, n = 0;
  int bad = 0;
  for (int i = 0; i < T; i++) {
    npop += pops[i];
    bad |= received[i] != (long)ROUNDS * (ROUNDS - 1) / 2;
  }
  for (int i; (i = pop()) >= 0; n++) payload += pool[i].payload;
  bad |= n != NODES || payload != npop || npop != (long)T * ROUNDS;
  bad |= atomic_load(&relaxed_count) != (long)T * ROUNDS;
  bad |= locked_count != (long)T * ((ROUNDS + 7) / 8);
  return bad;
}
