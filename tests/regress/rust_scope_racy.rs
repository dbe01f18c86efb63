// std::thread::scope: 4 scoped threads scale their own chunk (chunks_mut) of a local Vec by a factor that main sets only after spawning them, before joining them (race).
use std::thread;

#[derive(Clone, Copy)]
struct Ptr(*mut u64);
unsafe impl Send for Ptr {}
impl Ptr {
    fn get(self) -> *mut u64 {
        self.0
    }
}

fn main() {
    let mut data: Vec<u64> = (0..64).collect();
    let mut factor = 1u64;
    let f = Ptr(&mut factor);
    thread::scope(|s| {
        let handles: Vec<_> = data
            .chunks_mut(16)
            .map(|chunk| {
                s.spawn(move || {
                    let k = unsafe { f.get().read_volatile() }; // RACE
                    for x in chunk.iter_mut() {
                        *x *= k;
                    }
                })
            })
            .collect();
        unsafe { f.get().write_volatile(3) }; // RACE
        for h in handles {
            h.join().unwrap();
        }
    });
    let sum: u64 = data.iter().sum();
    println!("sum {sum}");
}
