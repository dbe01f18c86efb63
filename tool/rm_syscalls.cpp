// rm_syscalls.cpp -- system calls that order threads: data through a file
// descriptor, and futexes.
//
// Writing to a descriptor releases, a read that returns acquires (as
// ThreadSanitizer models it): a thread that hands a pointer or a byte to
// another through a pipe, a socket pair or an eventfd publishes what it
// wrote before.  The two ends of a pipe or socket pair, and a descriptor
// and its duplicates, share one channel; the sync object of a channel lives
// at an address no program uses.
//
// A futex wake releases on the futex word; a wait that returns 0 (woken,
// not timed out or interrupted) acquires it, and reads the word as an
// atomic load would: the word becomes a sync location, and the wait
// acquires from the plain store that changed it.  That covers the locks,
// condition variables, once-flags and barriers that Rust's std, libgomp
// and hand-written code build on futexes, whatever their names.  The C
// library's own futexes (its stdio and internal locks) are left out, as
// its other internals are; its public primitives are modelled by name.
#include "rm_tool.h"

namespace rm {

namespace {

constexpr Int kMaxFds = 1 << 16;
constexpr uptr kChannelBase = uptr(0xfff0) << 48;  // above user space
UInt* channel_of = nullptr;  // fd -> its channel, 0: the fd's own
UInt next_channel = kMaxFds;

Bool valid(UWord fd) { return fd < UWord(kMaxFds); }

uptr channel_key(UWord fd) {
  UInt ch = channel_of[fd] ? channel_of[fd] : UInt(fd);
  return kChannelBase + uptr(ch) * 8;
}

// fd `b` joins the channel of fd `a`.
void share_channel(UWord a, UWord b) {
  if (!valid(a) || !valid(b)) return;
  if (!channel_of[a]) channel_of[a] = next_channel++;
  channel_of[b] = channel_of[a];
}

void forget(UWord fd) {
  if (!valid(fd)) return;
  if (!channel_of[fd]) detector->destroy(channel_key(fd));
  channel_of[fd] = 0;
}

// ---- futexes
enum FutexCmd {
  kFutexWait = 0,
  kFutexWake = 1,
  kFutexRequeue = 3,
  kFutexCmpRequeue = 4,
  kFutexWakeOp = 5,
  kFutexLockPi = 6,
  kFutexUnlockPi = 7,
  kFutexTrylockPi = 8,
  kFutexWaitBitset = 9,
  kFutexWakeBitset = 10,
  kFutexWaitRequeuePi = 11,
  kFutexCmpRequeuePi = 12,
  kFutexLockPi2 = 13,
};

Int futex_cmd(UWord op) { return Int(op & 127); }  // without PRIVATE, CLOCK_REALTIME

// Returns whether this futex call belongs to the program rather than to
// the C library's internals.
Bool program_futex(ThreadId vg, Tid t) {
  return !in_runtime_internals(t, VG_(get_IP)(vg), VG_(get_SP)(vg));
}

void futex_wake(ThreadId vg, Tid t, UWord* args) {
  switch (futex_cmd(args[1])) {
    case kFutexWake:
    case kFutexWakeBitset:
    case kFutexUnlockPi:
      if (program_futex(vg, t)) detector->signal(t, args[0]);
      break;
    case kFutexRequeue:
    case kFutexCmpRequeue:
    case kFutexWakeOp:
    case kFutexCmpRequeuePi:
      // Threads woken (or moved) from either word.
      if (program_futex(vg, t)) {
        detector->signal(t, args[0]);
        detector->signal(t, args[4]);
      }
      break;
    default:
      break;
  }
}

void futex_woken(ThreadId vg, Tid t, UWord* args) {
  UWord word;
  switch (futex_cmd(args[1])) {
    case kFutexWait:
    case kFutexWaitBitset:
    case kFutexLockPi:
    case kFutexLockPi2:
    case kFutexTrylockPi:
      word = args[0];
      break;
    case kFutexWaitRequeuePi:
      word = args[4];
      break;
    default:
      return;
  }
  if (!program_futex(vg, t)) return;
  detector->wait_done(t, word);
  Conflict unused;
  detector->access(t, word, 4, False, True, VG_(get_IP)(vg), VG_(get_SP)(vg), &unused);
}

void pre_syscall(ThreadId vg, UInt sysno, UWord* args, UInt) {
  Tid t = tid_of(vg);
  if (t == kNoTid) return;
  if (sysno == __NR_futex) {
    futex_wake(vg, t, args);
    return;
  }
  if (!valid(args[0])) return;
  switch (sysno) {
    case __NR_write:
    case __NR_writev:
    case __NR_pwrite64:
    case __NR_pwritev:
    case __NR_sendto:
    case __NR_sendmsg:
    case __NR_sendmmsg:
      detector->signal(t, channel_key(args[0]));
      break;
    default:
      break;
  }
}

void post_syscall(ThreadId vg, UInt sysno, UWord* args, UInt, SysRes res) {
  Tid t = tid_of(vg);
  if (t == kNoTid || sr_isError(res)) return;
  switch (sysno) {
    case __NR_futex:
      if (sr_Res(res) == 0) futex_woken(vg, t, args);
      break;
    case __NR_read:
    case __NR_readv:
    case __NR_pread64:
    case __NR_preadv:
    case __NR_recvfrom:
    case __NR_recvmsg:
    case __NR_recvmmsg:
      if (valid(args[0])) detector->wait_done(t, channel_key(args[0]));
      break;
    case __NR_pipe:
    case __NR_pipe2: {
      const Int* fds = reinterpret_cast<const Int*>(args[0]);
      share_channel(UWord(fds[0]), UWord(fds[1]));
      break;
    }
    case __NR_socketpair: {
      const Int* sv = reinterpret_cast<const Int*>(args[3]);
      share_channel(UWord(sv[0]), UWord(sv[1]));
      break;
    }
    case __NR_dup:
    case __NR_dup2:
    case __NR_dup3:
      share_channel(args[0], sr_Res(res));
      break;
    case __NR_close:
      forget(args[0]);
      break;
    default:
      break;
  }
}

}  // namespace

void register_syscalls() {
  channel_of = static_cast<UInt*>(VG_(calloc)("racemap.fds", kMaxFds, sizeof(UInt)));
  VG_(needs_syscall_wrapper)(pre_syscall, post_syscall);
}

}  // namespace rm
