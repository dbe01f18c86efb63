// std::sync::RwLock: main rewrites a table through write() while 3 threads sum it through read(); a static mut version beside it is only touched under the lock.
use std::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use std::sync::RwLock;
use std::thread;

static TABLE: RwLock<[u64; 8]> = RwLock::new([0; 8]);
static mut VERSION: u64 = 0;

fn reader() -> u64 {
    let mut seen = 0;
    for _ in 0..50 {
        let t = TABLE.read().unwrap();
        let v = unsafe { read_volatile(addr_of!(VERSION)) };
        seen += t.iter().sum::<u64>() + v;
        drop(t);
    }
    seen
}

fn main() {
    let readers: Vec<_> = (0..3).map(|_| thread::spawn(reader)).collect();
    for round in 1..=50u64 {
        let mut t = TABLE.write().unwrap();
        unsafe { write_volatile(addr_of_mut!(VERSION), round) };
        for (i, x) in t.iter_mut().enumerate() {
            *x = round * 10 + i as u64;
        }
        drop(t);
    }
    let seen: u64 = readers.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(TABLE.read().unwrap()[7], 507);
    println!("seen {seen}");
}
