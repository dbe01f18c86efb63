// RUSTFLAGS: -C opt-level=0 -C overflow-checks=on
// A debug build: the worker adds the value (an add, then an overflow check
// that panics) before it drops its Arc; main writes only once Arc::get_mut
// says it is the last owner, which orders the drop before the write.
use std::sync::Arc;
use std::thread;

fn main() {
    let mut shared = Arc::new(1u64);
    let clone = Arc::clone(&shared);
    let worker = thread::spawn(move || {
        let mut sum = 0u64;
        sum += *clone;
        drop(clone);
        sum
    });
    loop {
        if let Some(v) = Arc::get_mut(&mut shared) {
            *v = 5;
            break;
        }
        thread::yield_now();
    }
    let sum = worker.join().unwrap();
    println!("{} {}", sum, shared);
}
