// Two scoped threads meet at a barrier, then both write one local variable
// of main through a raw pointer (race): the barrier orders what came
// before it, not the two writes after it.
use std::sync::Barrier;
use std::thread;

struct P(*mut u64);
unsafe impl Send for P {}
unsafe impl Sync for P {}

fn main() {
    let mut x = 0u64;
    let p = P(&mut x);
    let p = &p;
    let met = Barrier::new(2);
    let met = &met;
    thread::scope(|s| {
        s.spawn(move || {
            met.wait();
            unsafe { *p.0 = 1 } // RACE
        });
        s.spawn(move || {
            met.wait();
            unsafe { *p.0 = 2 } // RACE
        });
    });
    println!("{}", x);
}
