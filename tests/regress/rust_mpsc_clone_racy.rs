// Three short threads, each spawned with its own clone of an mpsc Sender,
// bump a `static mut` log before sending (race).  Sender::clone is a
// Relaxed increment of the sender count whose result only guards an abort
// on overflow: main cloning the Sender for the next thread after the
// previous one dropped its clone orders nothing.  (The sleep only makes
// each thread finish before the next clone.)
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

static mut LOG: u64 = 0;

fn main() {
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new(); // kept: dropping one orders its thread's exit before
    for i in 0..3u64 {
        let tx = tx.clone();
        handles.push(thread::spawn(move || {
            unsafe { LOG += i }; // RACE
            tx.send(i).unwrap();
        }));
        thread::sleep(Duration::from_millis(20)); // orders nothing: the thread is done
    }
    drop(tx);
    let sum: u64 = rx.iter().sum();
    for h in handles {
        h.join().unwrap();
    }
    println!("{} {}", sum, unsafe { LOG });
}
