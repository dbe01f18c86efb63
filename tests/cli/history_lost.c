// The earlier access is older than the history kept with --history-size=1:
// the report must say its stack is no longer available.
#include <pthread.h>
#include <unistd.h>
#define N (1 << 18)
int x;
static int big[N];
static void* worker(void* arg) {
  (void)arg;
  x = 1;
  for (int i = 0; i < N; i++) ((volatile int*)big)[i] = i;  // 256K recorded events
  return 0;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  sleep(2);  // not synchronization: the worker runs meanwhile
  int r = ((volatile int*)&x)[0];
  pthread_join(t, 0);
  return r == 7;
}
