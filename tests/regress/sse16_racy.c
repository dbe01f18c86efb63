// 16-byte SSE accesses (_mm_storeu_si128 / _mm_loadu_si128): thread stores while main loads before join (race).
#include <emmintrin.h>
#include <pthread.h>

static char buf[64] __attribute__((aligned(16)));
static char out[16];

__attribute__((noinline)) static void *writer(void *arg)
{
    (void)arg;
    _mm_storeu_si128((__m128i *)(buf + 16), _mm_set1_epi8(7)); // RACE
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    _mm_storeu_si128((__m128i *)out, _mm_loadu_si128((const __m128i *)(buf + 16))); // RACE
    pthread_join(t, NULL);
    return out[0] == 1;
}
