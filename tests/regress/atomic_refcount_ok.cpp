// Intrusive reference count: each owner uses the object, then fetch_sub(acq_rel); whichever owner drops it to zero reads the results and deletes it (race-free).
#include <atomic>
#include <thread>

struct Job {
    std::atomic<int> refs;
    int magic;
    int results[3];
};

static int total;

static void release(Job *j)
{
    if (j->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        total = j->results[0] + j->results[1] + j->results[2];
        delete j;
    }
}

static void worker(Job *j, int id)
{
    j->results[id] = (id + 1) * j->magic;
    release(j);
}

int main()
{
    Job *j = new Job{{4}, 7, {0, 0, 0}};
    std::thread a(worker, j, 0), b(worker, j, 1), c(worker, j, 2);
    release(j);
    a.join();
    b.join();
    c.join();
    return total == 42 ? 0 : 1;
}
