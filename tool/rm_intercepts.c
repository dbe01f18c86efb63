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

/* ---- thread lifecycle ------------------------------------------------ */

static int join_impl(pthread_t th, void** ret) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, th, ret);
  if (r == 0) REQ1(RM_REQ_JOIN_POST, th);
  return r;
}
WRAP(int, pthreadZujoin, (pthread_t th, void** ret), join_impl, th, ret)

static int tryjoin_impl(pthread_t th, void** ret) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, th, ret);
  if (r == 0) REQ1(RM_REQ_JOIN_POST, th);
  return r;
}
WRAP(int, pthreadZutryjoinZunp, (pthread_t th, void** ret), tryjoin_impl, th, ret)

static int timedjoin_impl(pthread_t th, void** ret, const struct timespec* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, th, ret, t);
  if (r == 0) REQ1(RM_REQ_JOIN_POST, th);
  return r;
}
WRAP(int, pthreadZutimedjoinZunp, (pthread_t th, void** ret, const struct timespec* t),
     timedjoin_impl, th, ret, t)
static int clockjoin_impl(pthread_t th, void** ret, clockid_t c, const struct timespec* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWWW(r, fn, th, ret, c, t);
  if (r == 0) REQ1(RM_REQ_JOIN_POST, th);
  return r;
}
WRAP(int, pthreadZuclockjoinZunp, (pthread_t th, void** ret, clockid_t c, const struct timespec* t),
     clockjoin_impl, th, ret, c, t)

/* ---- mutexes and spinlocks ------------------------------------------- */

/* lock-like: acquire after success.  EOWNERDEAD (a robust mutex whose owner
 * died) also hands the lock over. */
#define LOCKED(r) ((r) == 0 || (r) == EOWNERDEAD)
static int lock1(void* m) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, m);
  if (LOCKED(r)) REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  return r;
}
static int lock2(void* m, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, m, t);
  if (LOCKED(r)) REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  return r;
}
static int lock3(void* m, long c, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, m, c, t);
  if (LOCKED(r)) REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  return r;
}
/* unlock-like: release before */
static int unlock1(void* m) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_MUTEX_UNLOCK_PRE, m);
  CALL_FN_W_W(r, fn, m);
  return r;
}
/* init/destroy: the object starts afresh */
static int reset1(void* m) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, m);
  REQ1(RM_REQ_SYNC_DESTROY, m);
  return r;
}
static int reset2(void* m, const void* a) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_SYNC_DESTROY, m);
  CALL_FN_W_WW(r, fn, m, a);
  return r;
}
static int reset3(void* m, long a, long b) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_SYNC_DESTROY, m);
  CALL_FN_W_WWW(r, fn, m, a, b);
  return r;
}

WRAP(int, pthreadZumutexZulock, (pthread_mutex_t* m), lock1, m)
WRAP(int, pthreadZumutexZutrylock, (pthread_mutex_t* m), lock1, m)
WRAP(int, pthreadZumutexZutimedlock, (pthread_mutex_t* m, const struct timespec* t), lock2, m, t)
WRAP(int, pthreadZumutexZuclocklock, (pthread_mutex_t* m, clockid_t c, const struct timespec* t),
     lock3, m, c, t)
WRAP(int, pthreadZumutexZuunlock, (pthread_mutex_t* m), unlock1, m)
WRAP(int, pthreadZumutexZuinit, (pthread_mutex_t* m, const pthread_mutexattr_t* a), reset2, m, a)
WRAP(int, pthreadZumutexZudestroy, (pthread_mutex_t* m), reset1, m)

WRAP(int, pthreadZuspinZulock, (pthread_spinlock_t* m), lock1, (void*)m)
WRAP(int, pthreadZuspinZutrylock, (pthread_spinlock_t* m), lock1, (void*)m)
WRAP(int, pthreadZuspinZuunlock, (pthread_spinlock_t* m), unlock1, (void*)m)
WRAP(int, pthreadZuspinZuinit, (pthread_spinlock_t* m, int shared), reset3, (void*)m, shared, 0)
WRAP(int, pthreadZuspinZudestroy, (pthread_spinlock_t* m), reset1, (void*)m)

/* C11 mutexes (glibc calls its pthread internals directly) */
WRAP(int, mtxZulock, (mtx_t* m), lock1, m)
WRAP(int, mtxZutrylock, (mtx_t* m), lock1, m)
WRAP(int, mtxZutimedlock, (mtx_t* m, const struct timespec* t), lock2, m, t)
WRAP(int, mtxZuunlock, (mtx_t* m), unlock1, m)
WRAP(int, mtxZuinit, (mtx_t* m, int type), reset3, m, type, 0)

/* ---- rwlocks ---------------------------------------------------------- */

static int rdlock1(void* l) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, l);
  if (r == 0) REQ2(RM_REQ_RWLOCK_LOCK_POST, l, 0);
  return r;
}
static int wrlock1(void* l) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, l);
  if (r == 0) REQ2(RM_REQ_RWLOCK_LOCK_POST, l, 1);
  return r;
}
static int rdlock2(void* l, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, l, t);
  if (r == 0) REQ2(RM_REQ_RWLOCK_LOCK_POST, l, 0);
  return r;
}
static int wrlock2(void* l, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, l, t);
  if (r == 0) REQ2(RM_REQ_RWLOCK_LOCK_POST, l, 1);
  return r;
}
static int rdlock3(void* l, long c, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, l, c, t);
  if (r == 0) REQ2(RM_REQ_RWLOCK_LOCK_POST, l, 0);
  return r;
}
static int wrlock3(void* l, long c, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, l, c, t);
  if (r == 0) REQ2(RM_REQ_RWLOCK_LOCK_POST, l, 1);
  return r;
}
static int rwunlock1(void* l) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_RWLOCK_UNLOCK_PRE, l);
  CALL_FN_W_W(r, fn, l);
  return r;
}

WRAP(int, pthreadZurwlockZurdlock, (pthread_rwlock_t* l), rdlock1, l)
WRAP(int, pthreadZurwlockZutryrdlock, (pthread_rwlock_t* l), rdlock1, l)
WRAP(int, pthreadZurwlockZuwrlock, (pthread_rwlock_t* l), wrlock1, l)
WRAP(int, pthreadZurwlockZutrywrlock, (pthread_rwlock_t* l), wrlock1, l)
WRAP(int, pthreadZurwlockZutimedrdlock, (pthread_rwlock_t* l, const struct timespec* t), rdlock2, l, t)
WRAP(int, pthreadZurwlockZutimedwrlock, (pthread_rwlock_t* l, const struct timespec* t), wrlock2, l, t)
WRAP(int, pthreadZurwlockZuclockrdlock, (pthread_rwlock_t* l, clockid_t c, const struct timespec* t),
     rdlock3, l, c, t)
WRAP(int, pthreadZurwlockZuclockwrlock, (pthread_rwlock_t* l, clockid_t c, const struct timespec* t),
     wrlock3, l, c, t)
WRAP(int, pthreadZurwlockZuunlock, (pthread_rwlock_t* l), rwunlock1, l)
WRAP(int, pthreadZurwlockZuinit, (pthread_rwlock_t* l, const pthread_rwlockattr_t* a), reset2, l, a)
WRAP(int, pthreadZurwlockZudestroy, (pthread_rwlock_t* l), reset1, l)

/* ---- condition variables ---------------------------------------------- */

/* The wait releases the mutex, waits, re-acquires the mutex (even when it
 * fails with a timeout) and, if woken, acquires what signal published. */
static int condwait2(void* c, void* m) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_MUTEX_UNLOCK_PRE, m);
  CALL_FN_W_WW(r, fn, c, m);
  REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  REQ1(RM_REQ_WAIT_POST, c);
  return r;
}
static int condwait3(void* c, void* m, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_MUTEX_UNLOCK_PRE, m);
  CALL_FN_W_WWW(r, fn, c, m, t);
  REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  REQ1(RM_REQ_WAIT_POST, c);
  return r;
}
static int condwait4(void* c, void* m, long clk, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_MUTEX_UNLOCK_PRE, m);
  CALL_FN_W_WWWW(r, fn, c, m, clk, t);
  REQ1(RM_REQ_MUTEX_LOCK_POST, m);
  REQ1(RM_REQ_WAIT_POST, c);
  return r;
}
static int signal1(void* c) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  REQ1(RM_REQ_SIGNAL_PRE, c);
  CALL_FN_W_W(r, fn, c);
  return r;
}

WRAP(int, pthreadZucondZuwaitZAZa, (pthread_cond_t* c, pthread_mutex_t* m), condwait2, c, m)
WRAP(int, pthreadZucondZutimedwaitZAZa, (pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* t),
     condwait3, c, m, t)
WRAP(int, pthreadZucondZuclockwait, (pthread_cond_t* c, pthread_mutex_t* m, clockid_t k, const struct timespec* t),
     condwait4, c, m, k, t)
WRAP(int, pthreadZucondZusignalZAZa, (pthread_cond_t* c), signal1, c)
WRAP(int, pthreadZucondZubroadcastZAZa, (pthread_cond_t* c), signal1, c)
WRAP(int, pthreadZucondZuinitZAZa, (pthread_cond_t* c, const pthread_condattr_t* a), reset2, c, a)
WRAP(int, pthreadZucondZudestroyZAZa, (pthread_cond_t* c), reset1, c)

WRAP(int, cndZuwait, (cnd_t* c, mtx_t* m), condwait2, c, m)
WRAP(int, cndZutimedwait, (cnd_t* c, mtx_t* m, const struct timespec* t), condwait3, c, m, t)
WRAP(int, cndZusignal, (cnd_t* c), signal1, c)
WRAP(int, cndZubroadcast, (cnd_t* c), signal1, c)

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
WRAP(int, pthreadZubarrierZudestroy, (pthread_barrier_t* b), reset1, b)

/* ---- semaphores ----------------------------------------------------------- */

static int sem_post_impl(sem_t* s) { return signal1(s); }
static int semwait1(void* s) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_W(r, fn, s);
  if (r == 0) REQ1(RM_REQ_WAIT_POST, s);
  return r;
}
static int semwait2(void* s, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, s, t);
  if (r == 0) REQ1(RM_REQ_WAIT_POST, s);
  return r;
}
static int semwait3(void* s, long c, const void* t) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WWW(r, fn, s, c, t);
  if (r == 0) REQ1(RM_REQ_WAIT_POST, s);
  return r;
}

WRAP(int, semZupostZAZa, (sem_t* s), sem_post_impl, s)
WRAP(int, semZuwaitZAZa, (sem_t* s), semwait1, s)
WRAP(int, semZutrywaitZAZa, (sem_t* s), semwait1, s)
WRAP(int, semZutimedwait, (sem_t* s, const struct timespec* t), semwait2, s, t)
WRAP(int, semZuclockwait, (sem_t* s, clockid_t c, const struct timespec* t), semwait3, s, c, t)
WRAP(int, semZuinitZAZa, (sem_t* s, int shared, unsigned v), reset3, s, shared, v)
WRAP(int, semZudestroyZAZa, (sem_t* s), reset1, s)

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
  REQ1(RM_REQ_RELEASE, ctl);
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
  if (r == 0) REQ1(RM_REQ_ACQUIRE, ctl);
  return r;
}
WRAP(int, pthreadZuonce, (pthread_once_t* ctl, void (*init)(void)), once_impl, ctl, init)

/* C11 call_once needs no wrapper of its own: glibc runs it on
 * __pthread_once, an alias of pthread_once, and Valgrind redirects the
 * address, so the wrapper above sees it (wrapping both would hand the
 * trampoline to itself). */

/* C11 thrd_join */
static int thrd_join_impl(thrd_t th, int* res) {
  int r;
  OrigFn fn;
  VALGRIND_GET_ORIG_FN(fn);
  CALL_FN_W_WW(r, fn, th, res);
  if (r == thrd_success) REQ1(RM_REQ_JOIN_POST, th);
  return r;
}
WRAP(int, thrdZujoin, (thrd_t th, int* res), thrd_join_impl, th, res)
