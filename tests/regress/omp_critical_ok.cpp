// OpenMP (C++): a member function called under #pragma omp critical(bank) by both threads.
// CFLAGS: -fopenmp
#include <omp.h>

struct Account {
    long balance = 0;
    __attribute__((noinline)) void deposit(long v) { balance += v; }
};

static Account acct;

int main()
{
#pragma omp parallel num_threads(2)
    {
        for (int i = 0; i < 500; i++) {
#pragma omp critical(bank)
            acct.deposit(1);
        }
    }
    return acct.balance == 1000 ? 0 : 1;
}
