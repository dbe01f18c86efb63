// std::sync::Condvar: main fills a buffer, sets a ready flag under the Mutex and notifies; the consumer thread waits for the flag, then reads the buffer.
use std::cell::UnsafeCell;
use std::sync::{Condvar, Mutex};
use std::thread;

struct Shared<T>(UnsafeCell<T>);
unsafe impl<T> Sync for Shared<T> {}

static BUF: Shared<[u64; 16]> = Shared(UnsafeCell::new([0; 16]));
static READY: Mutex<bool> = Mutex::new(false);
static CV: Condvar = Condvar::new();

fn consumer() -> u64 {
    let mut ready = READY.lock().unwrap();
    while !*ready {
        ready = CV.wait(ready).unwrap();
    }
    drop(ready);
    let p = BUF.0.get() as *const u64;
    let mut sum = 0;
    for i in 0..16 {
        sum += unsafe { p.add(i).read_volatile() };
    }
    sum
}

fn main() {
    let t = thread::spawn(consumer);
    let p = BUF.0.get() as *mut u64;
    for i in 0..16 {
        unsafe { p.add(i).write_volatile(i as u64 * 3) };
    }
    *READY.lock().unwrap() = true;
    CV.notify_one();
    let sum = t.join().unwrap();
    assert_eq!(sum, 3 * 15 * 16 / 2);
    println!("sum {sum}");
}
