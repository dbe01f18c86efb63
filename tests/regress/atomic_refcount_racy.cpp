// Intrusive reference count released with fetch_sub(acq_rel), but each worker stores its result after dropping its reference (race).
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
        total = j->results[0] + j->results[1] + j->results[2]; // RACE
        delete j;
    }
}

static void worker(Job *j, int id)
{
    int r = (id + 1) * j->magic;
    release(j);
    j->results[id] = r; // RACE
}

int main()
{
    Job *j = new Job{{4}, 7, {0, 0, 0}};
    std::thread a(worker, j, 0), b(worker, j, 1), c(worker, j, 2);
    // main is the last owner: it waits until the workers dropped theirs
    while (j->refs.load(std::memory_order_acquire) != 1) {
    }
    release(j);
    a.join();
    b.join();
    c.join();
    return total <= 42 ? 0 : 1;
}
