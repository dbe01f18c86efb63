// std::sync::Once: 3 threads and main call_once an init that fills a static mut table, but main then patches an entry the threads read (race).
use std::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use std::sync::Once;
use std::thread;

static INIT: Once = Once::new();
static mut TABLE: [u64; 4] = [0; 4];

fn init() {
    for i in 0..4 {
        unsafe { write_volatile(addr_of_mut!(TABLE[i]), i as u64 * 10 + 1) };
    }
}

fn user(id: usize) -> u64 {
    INIT.call_once(init);
    unsafe { read_volatile(addr_of!(TABLE[id])) } // RACE
}

fn main() {
    let handles: Vec<_> = (1..4).map(|id| thread::spawn(move || user(id))).collect();
    INIT.call_once(init);
    unsafe { write_volatile(addr_of_mut!(TABLE[3]), 99) }; // RACE
    let mine = unsafe { read_volatile(addr_of!(TABLE[0])) };
    let sum: u64 = mine + handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>();
    println!("sum {sum}");
}
