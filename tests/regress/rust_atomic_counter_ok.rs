// AtomicUsize fetch_add: main and 3 threads count hits with fetch_add and claim distinct slots of a static mut array with a fetch_add ticket.
use std::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

static HITS: AtomicUsize = AtomicUsize::new(0);
static NEXT: AtomicUsize = AtomicUsize::new(0);
static mut SLOTS: [u64; 400] = [0; 400];

fn work(id: u64) {
    for _ in 0..100 {
        HITS.fetch_add(1, Ordering::Relaxed);
        let i = NEXT.fetch_add(1, Ordering::Relaxed);
        unsafe { write_volatile(addr_of_mut!(SLOTS[i]), id + 1) };
    }
}

fn main() {
    let handles: Vec<_> = (1..4).map(|id| thread::spawn(move || work(id))).collect();
    work(0);
    for h in handles {
        h.join().unwrap();
    }
    let sum: u64 = (0..400).map(|i| unsafe { read_volatile(addr_of!(SLOTS[i])) }).sum();
    assert_eq!(HITS.load(Ordering::Relaxed), 400);
    assert_eq!(sum, 100 * (1 + 2 + 3 + 4));
    println!("hits {} sum {sum}", HITS.load(Ordering::Relaxed));
}
