// Two distinct races (two pairs of code locations) on two globals.
#include <pthread.h>
int a, b;
static void* worker(void* arg) {
  (void)arg;
  a++;
  b++;
  return 0;
}
int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, worker, 0);
  pthread_create(&t2, 0, worker, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  return 0;
}
