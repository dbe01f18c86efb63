// std::sync::OnceLock: 3 threads get_or_init a lazily built table whose builder counts its runs in a static mut; main reads the count without going through the OnceLock (race).
use std::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use std::sync::OnceLock;
use std::thread;

static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
static mut BUILDS: u64 = 0;

fn build() -> Vec<u64> {
    let p = addr_of_mut!(BUILDS);
    unsafe { write_volatile(p, read_volatile(p) + 1) }; // RACE
    (0..64).map(|i| i * i).collect()
}

fn user(id: usize) -> u64 {
    let t = TABLE.get_or_init(build);
    t[id * 8]
}

fn main() {
    let handles: Vec<_> = (0..3).map(|id| thread::spawn(move || user(id))).collect();
    let builds = unsafe { read_volatile(addr_of!(BUILDS)) }; // RACE
    let sum: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    let len = TABLE.get_or_init(build).len();
    assert_eq!(sum, 64 + 256);
    println!("len {len} builds {builds} sum {sum}");
}
