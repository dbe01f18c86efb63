// AtomicBool Release/Acquire handoff: main fills a payload in an UnsafeCell, then stores READY (Release); the consumer spins on READY (Acquire), then reads the payload.
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct Shared<T>(UnsafeCell<T>);
unsafe impl<T> Sync for Shared<T> {}

static PAYLOAD: Shared<[u64; 8]> = Shared(UnsafeCell::new([0; 8]));
static READY: AtomicBool = AtomicBool::new(false);

fn consumer() -> u64 {
    while !READY.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
    let p = PAYLOAD.0.get() as *const u64;
    let mut sum = 0;
    for i in 0..8 {
        sum += unsafe { p.add(i).read_volatile() };
    }
    sum
}

fn main() {
    let t = thread::spawn(consumer);
    let p = PAYLOAD.0.get() as *mut u64;
    for i in 0..8 {
        unsafe { p.add(i).write_volatile(i as u64 + 1) };
    }
    READY.store(true, Ordering::Release);
    let sum = t.join().unwrap();
    assert_eq!(sum, 36);
    println!("sum {sum}");
}
