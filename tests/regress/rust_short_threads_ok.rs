// Two short threads each increment a `static mut` of their own; main reads
// both after joining them: race-free (see rust_short_threads_racy).
use std::thread;

static mut FIRST: u64 = 0;
static mut SECOND: u64 = 0;

fn main() {
    let a = thread::spawn(|| unsafe { FIRST += 1 });
    let b = thread::spawn(|| unsafe { SECOND += 1 });
    a.join().unwrap();
    b.join().unwrap();
    println!("{}", unsafe { FIRST + SECOND });
}
