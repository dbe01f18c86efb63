// std::sync::Barrier: 4 threads, 5 rounds: write own slot, read the neighbour's slot, then wait; the wait between the write and the read is missing (race).
use std::cell::UnsafeCell;
use std::sync::{Arc, Barrier};
use std::thread;

const N: usize = 4;
struct Shared<T>(UnsafeCell<T>);
unsafe impl<T> Sync for Shared<T> {}

static SLOTS: Shared<[u64; N]> = Shared(UnsafeCell::new([0; N]));

fn worker(id: usize, bar: &Barrier) -> u64 {
    let p = SLOTS.0.get() as *mut u64;
    let mut seen = 0;
    for r in 0..5u64 {
        unsafe { p.add(id).write_volatile(r * 10 + id as u64) }; // RACE
        seen += unsafe { p.add((id + 1) % N).read_volatile() }; // RACE
        bar.wait();
    }
    seen
}

fn main() {
    let bar = Arc::new(Barrier::new(N));
    let handles: Vec<_> = (0..N)
        .map(|id| {
            let bar = Arc::clone(&bar);
            thread::spawn(move || worker(id, &bar))
        })
        .collect();
    let seen: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("{seen:?}");
}
