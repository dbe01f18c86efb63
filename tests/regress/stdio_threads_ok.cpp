// Threads print with printf, puts, std::cout and std::ostringstream, and record results under a mutex (race-free).
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

static std::mutex results_lock;
static std::map<int, std::string> results;

static void work(int id)
{
    std::ostringstream line;
    line << "worker " << id << " value " << id * 3.5;
    std::string text = line.str();
    printf("%s\n", text.c_str());
    puts(std::to_string(id).c_str());
    std::cout << "cout " << id << ' ' << 2.5 * id << std::endl;
    std::lock_guard<std::mutex> hold(results_lock);
    results[id] = text;
}

int main()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; i++)
        threads.emplace_back(work, i);
    for (auto &t : threads)
        t.join();
    std::cout << results.size() << " results" << std::endl;
    return 0;
}
