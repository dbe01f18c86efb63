/* rm_intercepts.c -- racemap's preload library: wrappers around the
 * synchronization functions of the C library.
 *
 * Each wrapper calls the real function and tells the tool, by a client
 * request, what ordering the call created: a release just before the real
 * function publishes, an acquire just after it succeeded.  glibc 2.34 and
 * later keep the pthread functions in libc.so.6; older systems have them in
 * libpthread.so.0, so each function is wrapped in both.  Functions with
 * several symbol versions (pthread_cond_*) are wrapped as name@*.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <threads.h>
#include <time.h>

#include "valgrind.h"
#include "pub_tool_redir.h"
#include "rm_requests.h"

#define REQ1(r, a) VALGRIND_DO_CLIENT_REQUEST_STMT((r), (a), 0, 0, 0, 0)
#define REQ2(r, a, b) VALGRIND_DO_CLIENT_REQUEST_STMT((r), (a), (b), 0, 0, 0)

/* WRAP(ret, sym, args) defines the wrapper for sym in libc and libpthread,
 * both calling rm_<sym>_impl.  `sym` is Z-encoded (Zu is '_', ZA '@', Za
 * '*'). */
#define WRAP(ret, zname, params, impl, ...)                                   \
  ret I_WRAP_SONAME_FNNAME_ZZ(VG_Z_LIBC_SONAME, zname) params;               \
  ret I_WRAP_SONAME_FNNAME_ZZ(VG_Z_LIBC_SONAME, zname) params {              \
    return impl(__VA_ARGS__);                                                 \
  }                                                                           \
  ret I_WRAP_SONAME_FNNAME_ZZ(VG_Z_LIBPTHREAD_SONAME, zname) params;         \
  ret I_WRAP_SONAME_FNNAME_ZZ(VG_Z_LIBPTHREAD_SONAME, zname) params {        \
    return impl(__VA_ARGS__);                                                 \
  }

/* ---- the shapes of a wrapper -------------------------------------------
 *
 * after<N>: call the real function with N word arguments; if it succeeded,
 *           send `req` with (first argument, `extra`).  Lock, wait, join.
 * before1:  send `req` with the argument, then call the real function.
 *           Unlock, post, signal.
 * reset<N>: the object is (re)initialised or destroyed: forget its clock.
 * The word arguments are passed as they come; their C types do not matter
 * to the real function's calling convention.
 */

/* EOWNERDEAD (a robust mutex whose owner died) hands the lock over too. */
#define SUCCEEDED(r) ((r) == 0 || (r) == EOWNERDEAD)
typedef unsigned long W;

static int after1(long req, W extra, W a) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, a);
  if (SUCCEEDED(r)) REQ2(req, a, extra);
  return r;
}
static int after2(long req, W extra, W a, W b) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, a, b);
  if (SUCCEEDED(r)) REQ2(req, a, extra);
  return r;
}
static int after3(long req, W extra, W a, W b, W c) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, a, b, c);
  if (SUCCEEDED(r)) REQ2(req, a, extra);
  return r;
}
static int after4(long req, W extra, W a, W b, W c, W d) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWWW(r, fn, a, b, c, d);
  if (SUCCEEDED(r)) REQ2(req, a, extra);
  return r;
}
static int before1(long req, W a) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(req, a);
  CALL_FN_W_W(r, fn, a);
  return r;
}
static int reset1(W a) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, a);
  REQ1(RM_REQ_SYNC_DESTROY, a);
  return r;
}
static int reset2(W a, W b) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_SYNC_DESTROY, a);
  CALL_FN_W_WW(r, fn, a, b);
  return r;
}
static int reset3(W a, W b, W c) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_SYNC_DESTROY, a);
  CALL_FN_W_WWW(r, fn, a, b, c);
  return r;
}

#define JOINED RM_REQ_JOIN_POST, 0
#define LOCKED RM_REQ_MUTEX_LOCK_POST, 0
#define READ_LOCKED RM_REQ_RWLOCK_LOCK_POST, 0
#define WRITE_LOCKED RM_REQ_RWLOCK_LOCK_POST, 1
#define WAITED RM_REQ_WAIT_POST, 0

/* ---- thread lifecycle ------------------------------------------------ */

WRAP(int, pthreadZujoin, (pthread_t th, void** ret), after2, JOINED, th, (W)ret)
WRAP(int, pthreadZutryjoinZunp, (pthread_t th, void** ret), after2, JOINED, th, (W)ret)
WRAP(int, pthreadZutimedjoinZunp, (pthread_t th, void** ret, const struct timespec* t), after3,
     JOINED, th, (W)ret, (W)t)
WRAP(int, pthreadZuclockjoinZunp, (pthread_t th, void** ret, clockid_t c, const struct timespec* t),
     after4, JOINED, th, (W)ret, (W)c, (W)t)
WRAP(int, thrdZujoin, (thrd_t th, int* res), after2, JOINED, th, (W)res)

/* ---- mutexes and spinlocks ------------------------------------------- */

WRAP(int, pthreadZumutexZulock, (pthread_mutex_t* m), after1, LOCKED, (W)m)
WRAP(int, pthreadZumutexZutrylock, (pthread_mutex_t* m), after1, LOCKED, (W)m)
WRAP(int, pthreadZumutexZutimedlock, (pthread_mutex_t* m, const struct timespec* t), after2, LOCKED,
     (W)m, (W)t)
WRAP(int, pthreadZumutexZuclocklock, (pthread_mutex_t* m, clockid_t c, const struct timespec* t),
     after3, LOCKED, (W)m, (W)c, (W)t)
WRAP(int, pthreadZumutexZuunlock, (pthread_mutex_t* m), before1, RM_REQ_MUTEX_UNLOCK_PRE, (W)m)
WRAP(int, pthreadZumutexZuinit, (pthread_mutex_t* m, const pthread_mutexattr_t* a), reset2, (W)m,
     (W)a)
WRAP(int, pthreadZumutexZudestroy, (pthread_mutex_t* m), reset1, (W)m)

WRAP(int, pthreadZuspinZulock, (pthread_spinlock_t* m), after1, LOCKED, (W)m)
WRAP(int, pthreadZuspinZutrylock, (pthread_spinlock_t* m), after1, LOCKED, (W)m)
WRAP(int, pthreadZuspinZuunlock, (pthread_spinlock_t* m), before1, RM_REQ_MUTEX_UNLOCK_PRE, (W)m)
WRAP(int, pthreadZuspinZuinit, (pthread_spinlock_t* m, int shared), reset2, (W)m, (W)shared)
WRAP(int, pthreadZuspinZudestroy, (pthread_spinlock_t* m), reset1, (W)m)

/* C11 mutexes (glibc runs them on its pthread internals) */
WRAP(int, mtxZulock, (mtx_t* m), after1, LOCKED, (W)m)
WRAP(int, mtxZutrylock, (mtx_t* m), after1, LOCKED, (W)m)
WRAP(int, mtxZutimedlock, (mtx_t* m, const struct timespec* t), after2, LOCKED, (W)m, (W)t)
WRAP(int, mtxZuunlock, (mtx_t* m), before1, RM_REQ_MUTEX_UNLOCK_PRE, (W)m)
WRAP(int, mtxZuinit, (mtx_t* m, int type), reset2, (W)m, (W)type)

/* ---- rwlocks ---------------------------------------------------------- */

WRAP(int, pthreadZurwlockZurdlock, (pthread_rwlock_t* l), after1, READ_LOCKED, (W)l)
WRAP(int, pthreadZurwlockZutryrdlock, (pthread_rwlock_t* l), after1, READ_LOCKED, (W)l)
WRAP(int, pthreadZurwlockZuwrlock, (pthread_rwlock_t* l), after1, WRITE_LOCKED, (W)l)
WRAP(int, pthreadZurwlockZutrywrlock, (pthread_rwlock_t* l), after1, WRITE_LOCKED, (W)l)
WRAP(int, pthreadZurwlockZutimedrdlock, (pthread_rwlock_t* l, const struct timespec* t), after2,
     READ_LOCKED, (W)l, (W)t)
WRAP(int, pthreadZurwlockZutimedwrlock, (pthread_rwlock_t* l, const struct timespec* t), after2,
     WRITE_LOCKED, (W)l, (W)t)
WRAP(int, pthreadZurwlockZuclockrdlock, (pthread_rwlock_t* l, clockid_t c, const struct timespec* t),
     after3, READ_LOCKED, (W)l, (W)c, (W)t)
WRAP(int, pthreadZurwlockZuclockwrlock, (pthread_rwlock_t* l, clockid_t c, const struct timespec* t),
     after3, WRITE_LOCKED, (W)l, (W)c, (W)t)
WRAP(int, pthreadZurwlockZuunlock, (pthread_rwlock_t* l), before1, RM_REQ_RWLOCK_UNLOCK_PRE, (W)l)
WRAP(int, pthreadZurwlockZuinit, (pthread_rwlock_t* l, const pthread_rwlockattr_t* a), reset2, (W)l,
     (W)a)
WRAP(int, pthreadZurwlockZudestroy, (pthread_rwlock_t* l), reset1, (W)l)

/* ---- condition variables ---------------------------------------------- */

/* The wait releases the mutex, waits, re-acquires the mutex (even when it
 * fails with a timeout) and acquires what signal and broadcast published.
 * `t` and `k` are the optional deadline and clock (0 when absent). */
static int condwait(W c, W m, W k, W t, int nargs) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_MUTEX_UNLOCK_PRE, m);
  if (nargs == 2) CALL_FN_W_WW(r, fn, c, m);
  else if (nargs == 3) CALL_FN_W_WWW(r, fn, c, m, t);
  else CALL_FN_W_WWWW(r, fn, c, m, k, t);
  REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  REQ1(RM_REQ_WAIT_POST, c);
  return r;
}

WRAP(int, pthreadZucondZuwaitZAZa, (pthread_cond_t* c, pthread_mutex_t* m), condwait, (W)c, (W)m,
     0, 0, 2)
WRAP(int, pthreadZucondZutimedwaitZAZa, (pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* t),
     condwait, (W)c, (W)m, 0, (W)t, 3)
WRAP(int, pthreadZucondZuclockwait, (pthread_cond_t* c, pthread_mutex_t* m, clockid_t k, const struct timespec* t),
     condwait, (W)c, (W)m, (W)k, (W)t, 4)
WRAP(int, pthreadZucondZusignalZAZa, (pthread_cond_t* c), before1, RM_REQ_SIGNAL_PRE, (W)c)
WRAP(int, pthreadZucondZubroadcastZAZa, (pthread_cond_t* c), before1, RM_REQ_SIGNAL_PRE, (W)c)
WRAP(int, pthreadZucondZuinitZAZa, (pthread_cond_t* c, const pthread_condattr_t* a), reset2, (W)c, (W)a)
WRAP(int, pthreadZucondZudestroyZAZa, (pthread_cond_t* c), reset1, (W)c)

WRAP(int, cndZuwait, (cnd_t* c, mtx_t* m), condwait, (W)c, (W)m, 0, 0, 2)
WRAP(int, cndZutimedwait, (cnd_t* c, mtx_t* m, const struct timespec* t), condwait, (W)c, (W)m, 0,
     (W)t, 3)
WRAP(int, cndZusignal, (cnd_t* c), before1, RM_REQ_SIGNAL_PRE, (W)c)
WRAP(int, cndZubroadcast, (cnd_t* c), before1, RM_REQ_SIGNAL_PRE, (W)c)

/* ---- barriers ----------------------------------------------------------- */

static int barrier_init_impl(pthread_barrier_t* b, const pthread_barrierattr_t* a, unsigned n) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, b, a, n);
  if (r == 0) REQ2(RM_REQ_BARRIER_INIT, b, n);
  return r;
}
WRAP(int, pthreadZubarrierZuinit, (pthread_barrier_t* b, const pthread_barrierattr_t* a, unsigned n),
     barrier_init_impl, b, a, n)

static int barrier_wait_impl(pthread_barrier_t* b) {
  int r;
  unsigned long round;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  round = VALGRIND_DO_CLIENT_REQUEST_EXPR(0, RM_REQ_BARRIER_ARRIVE, b, 0, 0, 0, 0);
  CALL_FN_W_W(r, fn, b);
  REQ2(RM_REQ_BARRIER_LEAVE, b, round);
  return r;
}
WRAP(int, pthreadZubarrierZuwait, (pthread_barrier_t* b), barrier_wait_impl, b)
WRAP(int, pthreadZubarrierZudestroy, (pthread_barrier_t* b), reset1, (W)b)

/* ---- semaphores ----------------------------------------------------------- */

WRAP(int, semZupostZAZa, (sem_t* s), before1, RM_REQ_SIGNAL_PRE, (W)s)
WRAP(int, semZuwaitZAZa, (sem_t* s), after1, WAITED, (W)s)
WRAP(int, semZutrywaitZAZa, (sem_t* s), after1, WAITED, (W)s)
WRAP(int, semZutimedwait, (sem_t* s, const struct timespec* t), after2, WAITED, (W)s, (W)t)
WRAP(int, semZuclockwait, (sem_t* s, clockid_t c, const struct timespec* t), after3, WAITED, (W)s,
     (W)c, (W)t)
WRAP(int, semZuinitZAZa, (sem_t* s, int shared, unsigned v), reset3, (W)s, (W)shared, (W)v)
WRAP(int, semZudestroyZAZa, (sem_t* s), reset1, (W)s)

/* ---- signals sent to a thread ---------------------------------------------- *
 *
 * A thread cannot take a signal before it was sent: pthread_kill releases
 * on the target thread's key, and sigwait, sigwaitinfo and sigtimedwait
 * returning a signal acquire on their own.  (POSIX does not list them
 * among the functions that synchronize memory, but a program that waits
 * for a signal sent from inside a critical section counts on the order.)
 * The key is the thread's descriptor plus one: an address no object
 * starts at. */
#define SIGNAL_KEY(th) ((W)(th) + 1)

static int kill_impl(W th, W sig) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_SIGNAL_PRE, SIGNAL_KEY(th));
  CALL_FN_W_WW(r, fn, th, sig);
  return r;
}
/* `zero_ok`: the function returns 0 on success (sigwait), else the
 * signal's number. */
static int sigwait_impl(int zero_ok, W a, W b, W c) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, a, b, c);
  if (zero_ok ? r == 0 : r > 0) REQ1(RM_REQ_WAIT_POST, SIGNAL_KEY(pthread_self()));
  return r;
}

WRAP(int, pthreadZukill, (pthread_t th, int sig), kill_impl, th, (W)sig)
WRAP(int, sigwait, (const sigset_t* set, int* sig), sigwait_impl, 1, (W)set, (W)sig, 0)
WRAP(int, sigwaitinfo, (const sigset_t* set, siginfo_t* info), sigwait_impl, 0, (W)set, (W)info, 0)
WRAP(int, sigtimedwait, (const sigset_t* set, siginfo_t* info, const struct timespec* t),
     sigwait_impl, 0, (W)set, (W)info, (W)t)

/* ---- once ------------------------------------------------------------------ */

/* The thread that runs the initializer releases on the once-control when it
 * returns; every caller acquires after pthread_once returns.  The real
 * pthread_once is given a trampoline; the initializer travels to it in a
 * thread-local variable (pthread_once's initializer takes no argument). */
static __thread void (*once_fn)(void);
static __thread void* once_ctl;

static void once_trampoline(void) {
  void (*fn)(void) = once_fn;
  void* ctl = once_ctl;
  fn();
  REQ1(RACEMAP_REQ_HAPPENS_BEFORE, ctl);
}

static int once_impl(pthread_once_t* ctl, void (*init)(void)) {
  int r;
  OrigFn fn;
  void (*saved_fn)(void);
  void* saved_ctl;
  VALGRIND_GET_ORIG_FN(fn);
  saved_fn = once_fn;
  saved_ctl = once_ctl;
  once_fn = init;
  once_ctl = ctl;
  CALL_FN_W_WW(r, fn, ctl, once_trampoline);
  once_fn = saved_fn;
  once_ctl = saved_ctl;
  if (r == 0) REQ1(RACEMAP_REQ_HAPPENS_AFTER, ctl);
  return r;
}
WRAP(int, pthreadZuonce, (pthread_once_t* ctl, void (*init)(void)), once_impl, ctl, init)

/* C11 call_once needs no wrapper of its own: glibc runs it on
 * __pthread_once, an alias of pthread_once, and Valgrind redirects the
 * address, so the wrapper above sees it (wrapping both would hand the
 * trampoline to itself). */
