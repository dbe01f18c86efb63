// Two short scoped threads write one local variable of main through a raw
// pointer (race).  Each spawn bumps the scope's running-thread count with
// a Relaxed increment that only guards an abort on overflow: it does not
// order the second thread after the first one's exit.
use std::thread;

struct P(*mut u64);
unsafe impl Send for P {}
unsafe impl Sync for P {}

fn main() {
    let mut x = 0u64;
    let p = P(&mut x);
    let p = &p;
    thread::scope(|s| {
        s.spawn(move || unsafe { *p.0 = 1 }); // RACE
        s.spawn(move || unsafe { *p.0 = 2 }); // RACE
    });
    println!("{}", x);
}
