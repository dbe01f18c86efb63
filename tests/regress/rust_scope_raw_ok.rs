// Two scoped threads meet at a barrier, then write their own halves of
// main's array through a raw pointer; main reads it after the scope:
// race-free (see rust_scope_raw_racy).
use std::sync::Barrier;
use std::thread;

struct P(*mut u64);
unsafe impl Send for P {}
unsafe impl Sync for P {}

fn main() {
    let mut x = [0u64; 2];
    let p = P(x.as_mut_ptr());
    let p = &p;
    let met = Barrier::new(2);
    let met = &met;
    thread::scope(|s| {
        s.spawn(move || {
            met.wait();
            unsafe { *p.0 = 1 }
        });
        s.spawn(move || {
            met.wait();
            unsafe { *p.0.add(1) = 2 }
        });
    });
    println!("{:?}", x);
}
