// RUSTFLAGS: -C opt-level=0
// A debug build: Arc::clone parks the count's old value in its frame
// before the overflow check.  Two short threads each get a clone of an
// Arc, made in the spawning loop,
// and update the UnsafeCell inside it without a lock (race).  Arc::clone
// is a Relaxed increment of the count: a thread that clones after another
// thread dropped its clone learns nothing from it, so the first thread's
// update is not ordered before the second's.
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::thread;

struct Shared(UnsafeCell<u64>);
unsafe impl Sync for Shared {}

fn main() {
    let shared = Arc::new(Shared(UnsafeCell::new(0)));
    let handles: Vec<_> = (0..2u64)
        .map(|i| {
            let mine = Arc::clone(&shared);
            thread::spawn(move || unsafe { *mine.0.get() += i + 1 }) // RACE
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    println!("{}", unsafe { *shared.0.get() });
}
