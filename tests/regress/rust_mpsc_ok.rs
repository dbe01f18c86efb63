// std::sync::mpsc: a producer thread writes a slot of a shared buffer, sends its index with an owned Vec, and waits for main's ack before the next one.
use std::cell::UnsafeCell;
use std::sync::mpsc;
use std::thread;

struct Shared<T>(UnsafeCell<T>);
unsafe impl<T> Sync for Shared<T> {}

static SLOTS: Shared<[u64; 8]> = Shared(UnsafeCell::new([0; 8]));

fn producer(tx: mpsc::Sender<(usize, Vec<u64>)>, ack: mpsc::Receiver<u64>) -> u64 {
    let p = SLOTS.0.get() as *mut u64;
    let mut acked = 0;
    for i in 0..8 {
        unsafe { p.add(i).write_volatile(i as u64 + 100) };
        tx.send((i, vec![i as u64; 4])).unwrap();
        acked += ack.recv().unwrap();
    }
    acked
}

fn main() {
    let (tx, rx) = mpsc::channel();
    let (ack_tx, ack_rx) = mpsc::channel();
    let t = thread::spawn(move || producer(tx, ack_rx));
    let p = SLOTS.0.get() as *const u64;
    let mut sum = 0;
    for (i, v) in rx {
        sum += unsafe { p.add(i).read_volatile() } + v.iter().sum::<u64>();
        ack_tx.send(1).unwrap();
    }
    let acked = t.join().unwrap();
    assert_eq!(acked, 8);
    assert_eq!(sum, (100..108).sum::<u64>() + 4 * (0..8).sum::<u64>());
    println!("sum {sum}");
}
