// OpenMP: each thread fills a std::vector of its own, declared in the parallel region, in the iterations of a static loop and then of a dynamic one, and appends it to the shared result inside a critical section: the vector's heap buffer is the thread's (race-free).
// CFLAGS: -fopenmp
#include <cstdio>
#include <vector>

int main()
{
    std::vector<int> all;
#pragma omp parallel num_threads(2)
    {
        std::vector<int> mine;
#pragma omp for
        for (int i = 0; i < 200; i++)
            if (i % 3 == 0)
                mine.push_back(i);
#pragma omp for schedule(dynamic, 4)
        for (int i = 0; i < 200; i++)
            if (i % 5 == 0)
                mine.push_back(-i);
#pragma omp critical
        all.insert(all.end(), mine.begin(), mine.end());
    }
    std::printf("%zu\n", all.size());
    return 0;
}
