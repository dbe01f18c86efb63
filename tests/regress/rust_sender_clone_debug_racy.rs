// RUSTFLAGS: -C opt-level=0
// A debug build: Sender::clone (a Relaxed increment of the channel's
// sender count) parks the old count in its frame before the overflow
// check.  The first worker bumps a counter through a raw pointer and
// drops its sender; main then clones the sender for a second worker,
// which bumps the same counter: the clone learns nothing from the first
// worker's drop, so the two updates are unordered (race).
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

struct Counter(*mut u64);
unsafe impl Send for Counter {}

fn main() {
    let mut total = 0u64;
    let (tx, rx) = mpsc::channel::<u64>();
    let first_tx = tx.clone();
    let first = Counter(&mut total);
    let a = thread::spawn(move || {
        let c = first;
        unsafe { *c.0 += 1 }; // RACE
        first_tx.send(1).unwrap();
    });
    thread::sleep(Duration::from_millis(50));
    let second_tx = tx.clone();
    let second = Counter(&mut total);
    let b = thread::spawn(move || {
        let c = second;
        unsafe { *c.0 += 1 }; // RACE
        second_tx.send(2).unwrap();
    });
    a.join().unwrap();
    b.join().unwrap();
    drop(tx);
    let sum: u64 = rx.iter().sum();
    println!("{} {}", total, sum);
}
