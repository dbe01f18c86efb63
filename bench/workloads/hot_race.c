// Two threads race on one counter 1M times each: one report, then no cost.
#include <pthread.h>
long x;
static void* work(void* a) {
  (void)a;
  for (long i = 0; i < 1000000; i++) ((volatile long*)&x)[0] += 1;
  return 0;
}
int main(void) {
  pthread_t a, b;
  pthread_create(&a, 0, work, 0);
  pthread_create(&b, 0, work, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  return 0;
}
