// Two short threads increment a `static mut` without synchronization.
// Under Valgrind the first usually exits before the second starts; Rust's
// std takes a global lock of its own at each thread's start and exit (its
// stack-guard table), which must not count as ordering the two.
use std::thread;

static mut COUNTER: u64 = 0;

fn main() {
    let a = thread::spawn(|| unsafe { COUNTER += 1 }); // RACE
    let b = thread::spawn(|| unsafe { COUNTER += 1 }); // RACE
    a.join().unwrap();
    b.join().unwrap();
    println!("{}", unsafe { COUNTER });
}
