// std::sync::Mutex: main and 3 spawned threads add to a Mutex<u64>, but bump the static mut total beside it before taking the lock (race).
use std::ptr::{addr_of_mut, read_volatile, write_volatile};
use std::sync::Mutex;
use std::thread;

static SUM: Mutex<u64> = Mutex::new(0);
static mut TOTAL: u64 = 0;

fn work(id: u64) {
    for i in 0..200 {
        let p = addr_of_mut!(TOTAL);
        unsafe { write_volatile(p, read_volatile(p) + id + 1) }; // RACE
        let mut sum = SUM.lock().unwrap();
        *sum += i;
        drop(sum);
    }
}

fn main() {
    let handles: Vec<_> = (1..4).map(|id| thread::spawn(move || work(id))).collect();
    work(0);
    for h in handles {
        h.join().unwrap();
    }
    let total = unsafe { read_volatile(addr_of_mut!(TOTAL)) };
    let sum = *SUM.lock().unwrap();
    assert_eq!(sum, 4 * (199 * 200 / 2));
    println!("sum {sum} total {total}");
}
