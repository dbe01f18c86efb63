// std::sync::Arc: main and 3 threads share an Arc<Data> and each writes its own slot, but all of them also bump one shared UnsafeCell counter in it (race).
use std::cell::UnsafeCell;
use std::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use std::sync::Arc;
use std::thread;

struct Data {
    slots: [UnsafeCell<u64>; 4],
    hits: UnsafeCell<u64>,
}
unsafe impl Sync for Data {}

static mut RESULT: u64 = 0;

impl Drop for Data {
    fn drop(&mut self) {
        let sum: u64 = self.slots.iter().map(|s| unsafe { s.get().read_volatile() }).sum();
        unsafe { write_volatile(addr_of_mut!(RESULT), sum + *self.hits.get_mut()) };
    }
}

fn fill(d: Arc<Data>, id: usize) {
    unsafe { d.slots[id].get().write_volatile(id as u64 * 100 + 1) };
    unsafe { d.hits.get().write_volatile(d.hits.get().read_volatile() + 1) }; // RACE
    drop(d);
}

fn main() {
    let data = Arc::new(Data { slots: Default::default(), hits: UnsafeCell::new(0) });
    let handles: Vec<_> = (1..4)
        .map(|id| {
            let d = Arc::clone(&data);
            thread::spawn(move || fill(d, id))
        })
        .collect();
    fill(data, 0);
    for h in handles {
        h.join().unwrap();
    }
    let result = unsafe { read_volatile(addr_of!(RESULT)) };
    println!("result {result}");
}
