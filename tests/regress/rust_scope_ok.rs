// std::thread::scope: 4 scoped threads scale their own chunk (chunks_mut) of a local Vec by a factor main set before spawning them; main joins them and reads the Vec.
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
    unsafe { f.get().write_volatile(3) };
    thread::scope(|s| {
        let handles: Vec<_> = data
            .chunks_mut(16)
            .map(|chunk| {
                s.spawn(move || {
                    let k = unsafe { f.get().read_volatile() };
                    for x in chunk.iter_mut() {
                        *x *= k;
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    });
    let sum: u64 = data.iter().sum();
    assert_eq!(sum, 3 * 63 * 64 / 2);
    println!("sum {sum}");
}
