// rm_syscalls.cpp -- system calls that order threads: data through a file
// descriptor.
//
// Writing to a descriptor releases, a read that returns acquires (as
// ThreadSanitizer models it): a thread that hands a pointer or a byte to
// another through a pipe, a socket pair or an eventfd publishes what it
// wrote before.  The two ends of a pipe or socket pair, and a descriptor
// and its duplicates, share one channel; the sync object of a channel lives
// at an address no program uses.
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

void pre_syscall(ThreadId vg, UInt sysno, UWord* args, UInt) {
  Tid t = tid_of(vg);
  if (t == kNoTid || !valid(args[0])) return;
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
