// RUSTFLAGS: -C opt-level=0 -C overflow-checks=on
// A debug build: `sum += *p` is an add, then a branch on the carry to a
// panic.  That check decides nothing the program goes on with, so the
// load is not taken for an acquire: the worker's read, through a raw
// pointer, races with main's later write once the worker dropped its Arc.
use std::sync::Arc;
use std::thread;
use std::time::Duration;

struct Ptr(*const u64);
unsafe impl Send for Ptr {}

fn main() {
    let mut shared = Arc::new(1u64);
    let clone = Arc::clone(&shared);
    let worker = thread::spawn(move || {
        let p = Ptr(&*clone as *const u64);
        drop(clone);
        thread::sleep(Duration::from_millis(50));
        let mut sum = 0u64;
        sum += unsafe { *p.0 }; // RACE
        sum
    });
    loop {
        if let Some(v) = Arc::get_mut(&mut shared) {
            *v = 5; // RACE
            break;
        }
        thread::yield_now();
    }
    let sum = worker.join().unwrap();
    println!("{} {}", sum, shared);
}
