// Four threads multiply 200x200 matrices, each its own rows: memory heavy,
// no sharing of written data.
#include <pthread.h>
#define N 200
#define T 4
static double a[N][N], b[N][N], c[N][N];
static void* work(void* arg) {
  long id = (long)arg;
  for (int i = id; i < N; i += T)
    for (int j = 0; j < N; j++) {
      double s = 0;
      for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
  return 0;
}
int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) a[i][j] = i + j, b[i][j] = i - j;
  pthread_t t[T];
  for (long i = 0; i < T; i++) pthread_create(&t[i], 0, work, (void*)i);
  for (int i = 0; i < T; i++) pthread_join(t[i], 0);
  return c[1][1] == 12345.0;
}
