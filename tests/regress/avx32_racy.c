// 32-byte AVX accesses (_mm256_storeu_si256 / _mm256_loadu_si256): thread stores while main loads before join (race).
// CFLAGS: -mavx2
#include <immintrin.h>
#include <pthread.h>

static char buf[96] __attribute__((aligned(32)));
static char out[32];

__attribute__((noinline)) static void *writer(void *arg)
{
    (void)arg;
    _mm256_storeu_si256((__m256i *)(buf + 32), _mm256_set1_epi8(9)); // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    _mm256_storeu_si256((__m256i *)out, _mm256_loadu_si256((const __m256i *)(buf + 32))); // RACE
    pthread_join(t, NULL);
    return out[0] == 1;
}
