// AtomicBool Release/Acquire handoff: main fills a payload in an UnsafeCell and stores READY (Release), but writes the last element after the store (race with the consumer's read).
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
        sum += unsafe { p.add(i).read_volatile() }; // RACE
    }
    sum
}

fn main() {
    let t = thread::spawn(consumer);
    let p = PAYLOAD.0.get() as *mut u64;
    for i in 0..7 {
        unsafe { p.add(i).write_volatile(i as u64 + 1) };
    }
    READY.store(true, Ordering::Release);
    unsafe { p.add(7).write_volatile(8) }; // RACE
    let sum = t.join().unwrap();
    println!("sum {sum}");
}
