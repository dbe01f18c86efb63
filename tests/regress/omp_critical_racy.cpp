// OpenMP (C++): the two threads call the member function under differently named criticals, which are different locks (race).
// CFLAGS: -fopenmp
#include <omp.h>

struct Account {
    long balance = 0;
    __attribute__((noinline)) void deposit(long v) { balance += v; } // RACE
};

static Account acct;

int main()
{
#pragma omp parallel num_threads(2)
    {
        for (int i = 0; i < 500; i++) {
            if (omp_get_thread_num() == 0) {
#pragma omp critical(bank)
                acct.deposit(1);
            } else {
#pragma omp critical(audit)
                acct.deposit(1);
            }
        }
    }
    return acct.balance == -1;
}
