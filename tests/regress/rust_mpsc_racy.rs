// std::sync::mpsc: a producer thread writes a slot of a shared buffer and sends its index, but clears the slot before main's ack comes back (race with main's read).
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
        unsafe { p.add(i).write_volatile(0) }; // RACE
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
        sum += unsafe { p.add(i).read_volatile() } + v.iter().sum::<u64>(); // RACE
        ack_tx.send(1).unwrap();
    }
    let acked = t.join().unwrap();
    assert_eq!(acked, 8);
    println!("sum {sum}");
}
