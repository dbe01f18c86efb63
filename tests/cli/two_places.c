// Two races whose current accesses are in different functions (first_place, second_place).
#include <pthread.h>
#include <unistd.h>
int a, b;
__attribute__((noinline)) static void first_place(void) { a++; }
__attribute__((noinline)) static void second_place(void) { b++; }
static void* worker(void* arg) {
  (void)arg;
  first_place();
  second_place();
  return 0;
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  sleep(1);
  first_place();
  second_place();
  pthread_join(t, 0);
  return 0;
}
