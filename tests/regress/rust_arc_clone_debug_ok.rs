// RUSTFLAGS: -C opt-level=0
// A debug build: Arc::clone parks the count's old value in its frame
// before the overflow check.  Two short threads each get a clone of an
// Arc, made in the spawning loop,
// and update the counter inside it under its Mutex: race-free (see
// rust_arc_clone_racy).
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let shared = Arc::new(Mutex::new(0u64));
    let handles: Vec<_> = (0..2u64)
        .map(|i| {
            let mine = Arc::clone(&shared);
            thread::spawn(move || *mine.lock().unwrap() += i + 1)
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    println!("{}", *shared.lock().unwrap());
}
