// Two threads take one mutex 1M times each around a shared increment.
#include <pthread.h>
long x;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void* work(void* a) {
  (void)a;
  for (long i = 0; i < 1000000; i++) {
    pthread_mutex_lock(&m);
    x++;
    pthread_mutex_unlock(&m);
  }
  return 0;
}
int main(void) {
  pthread_t a, b;
  pthread_create(&a, 0, work, 0);
  pthread_create(&b, 0, work, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  return x != 2000000;
}
