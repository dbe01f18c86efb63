// OpenMP: each thread fills a std::vector of its own in the iterations of a static loop, but the threads then copy theirs into the shared array through a shared count with no critical section (race).
// CFLAGS: -fopenmp
#include <cstdio>
#include <vector>

static int out[1000];
static int n;

int main()
{
#pragma omp parallel num_threads(2)
    {
        std::vector<int> mine;
#pragma omp for
        for (int i = 0; i < 200; i++)
            if (i % 3 == 0)
                mine.push_back(i);
        for (int v : mine) out[n++] = v; // RACE
    }
    std::printf("%d\n", n);
    return 0;
}
