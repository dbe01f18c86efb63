// Threads print with printf and std::cout (not races) and bump a shared counter without a lock (the one race).
// REPORTS: 1
#include <cstdio>
#include <iostream>
#include <thread>
#include <vector>

static long done_count;

static void work(int id)
{
    printf("worker %d\n", id);
    std::cout << "cout " << id << ' ' << 2.5 * id << std::endl;
    done_count++; // RACE
}

int main()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; i++)
        threads.emplace_back(work, i);
    for (auto &t : threads)
        t.join();
    printf("%ld done\n", done_count);
    return 0;
}
