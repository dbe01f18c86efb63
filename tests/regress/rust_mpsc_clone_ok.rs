// Three short threads, each spawned with its own clone of an mpsc Sender,
// send their values; main adds them up after receiving: race-free (see
// rust_mpsc_clone_racy).
use std::sync::mpsc;
use std::thread;

static mut LOG: u64 = 0;

fn main() {
    let (tx, rx) = mpsc::channel();
    for i in 0..3u64 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i).unwrap());
    }
    drop(tx);
    for v in rx.iter() {
        unsafe { LOG += v };
    }
    println!("{}", unsafe { LOG });
}
