// Two short scoped threads write their own halves of main's array through
// a raw pointer; main reads it after the scope: race-free (see
// rust_scope_raw_racy).
use std::thread;

struct P(*mut u64);
unsafe impl Send for P {}
unsafe impl Sync for P {}

fn main() {
    let mut x = [0u64; 2];
    let p = P(x.as_mut_ptr());
    let p = &p;
    thread::scope(|s| {
        s.spawn(move || unsafe { *p.0 = 1 });
        s.spawn(move || unsafe { *p.0.add(1) = 2 });
    });
    println!("{:?}", x);
}
