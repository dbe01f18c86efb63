// RUSTFLAGS: -C opt-level=0
// A debug build: Sender::clone parks the old sender count in its frame
// before the overflow check.  Two workers, each with a clone made just
// before it is spawned, bump a counter under a Mutex and send on the
// channel: race-free (see rust_sender_clone_debug_racy).
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    let total = Arc::new(Mutex::new(0u64));
    let (tx, rx) = mpsc::channel::<u64>();
    let first_tx = tx.clone();
    let first = Arc::clone(&total);
    let a = thread::spawn(move || {
        *first.lock().unwrap() += 1;
        first_tx.send(1).unwrap();
    });
    thread::sleep(Duration::from_millis(50));
    let second_tx = tx.clone();
    let second = Arc::clone(&total);
    let b = thread::spawn(move || {
        *second.lock().unwrap() += 1;
        second_tx.send(2).unwrap();
    });
    a.join().unwrap();
    b.join().unwrap();
    drop(tx);
    let sum: u64 = rx.iter().sum();
    println!("{} {}", *total.lock().unwrap(), sum);
}
