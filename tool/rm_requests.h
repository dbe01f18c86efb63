/* rm_requests.h -- the client requests racemap's preload library sends.
 *
 * Shared by the tool (C++) and the preload library (C).  Each request
 * names the event and says, for wrapped calls, whether it is sent before
 * (PRE) or after (POST) the real function runs.  Arguments are words.
 */
#ifndef RM_REQUESTS_H
#define RM_REQUESTS_H

#include "valgrind.h"
#include "racemap.h" /* the public requests: RACEMAP_REQ_* */

enum {
  RM_REQ_BASE = VG_USERREQ_TOOL_BASE('R', 'M'),
  /* thread lifecycle */
  RM_REQ_JOIN_POST,        /* (pthread_t) after a successful join */
  /* mutexes and spinlocks */
  RM_REQ_MUTEX_LOCK_POST,  /* (mutex) after a successful lock */
  RM_REQ_MUTEX_UNLOCK_PRE, /* (mutex) before unlock */
  RM_REQ_SYNC_DESTROY,     /* (object) destroyed or re-initialised */
  /* rwlocks */
  RM_REQ_RWLOCK_LOCK_POST, /* (rwlock, is_write) after a successful lock */
  RM_REQ_RWLOCK_UNLOCK_PRE,/* (rwlock) */
  /* condition variables and semaphores: release and acquire */
  RM_REQ_SIGNAL_PRE,       /* (object) cond signal/broadcast, sem post */
  RM_REQ_WAIT_POST,        /* (object) cond wait returned, sem wait succeeded */
  /* barriers */
  RM_REQ_BARRIER_INIT,     /* (barrier, count) */
  RM_REQ_BARRIER_ARRIVE,   /* (barrier) returns the round */
  RM_REQ_BARRIER_LEAVE,    /* (barrier, round) */
  /* OpenMP tasks (rm_gomp.c, rm_omp.cpp) */
  RM_REQ_TASK_CREATE,      /* (data, fn, depend, undeferred, region): the task
                              whose data block is at `data` was copied in;
                              undeferred: 1 for if(0), 2 for final */
  RM_REQ_TASK_BEGIN,       /* (data) it starts running; returns its fn */
  RM_REQ_TASK_REGION,      /* (data) returns the region it was created in */
  RM_REQ_TASK_END,         /* (data) it finished */
  RM_REQ_TASK_CREATED,     /* () GOMP_task returned to its creator */
  RM_REQ_TASK_DETACH,      /* (task, event handle) the task completes once
                              its event is fulfilled */
  RM_REQ_TASK_FULFILL,     /* (event handle) omp_fulfill_event */
  RM_REQ_TASKWAIT,         /* () the current task's children finished */
  RM_REQ_TASKWAIT_DEPEND,  /* (depend) the tasks it depends on finished */
  RM_REQ_TASKGROUP_START,  /* () */
  RM_REQ_TASKGROUP_END,    /* () its tasks finished */
  RM_REQ_REDUCTION_COPY,   /* (address) GOMP_task_reduction_remap returned it:
                              a task reduction's copy of the running thread,
                              in a block libgomp allocated */
  RM_REQ_SECTION_BEGIN,    /* (done key, region frame, caller's sp, kind
                              (RM_PIECE_*), start key) returns the piece's
                              id; a single construct starts from what start
                              key released rather than from its runner */
  RM_REQ_SECTION_END,      /* (section id) */
  RM_REQ_LOCK_HELD,        /* (RM_LOCK_*, lock) an OpenMP critical section
                              or lock */
  RM_REQ_STATIC_PARTITION, /* (after_threads, after_tid) omp_get_thread_num
                              returns to after_tid; omp_get_num_threads
                              returned to after_threads just before */
  RM_REQ_THREAD_NUM,       /* () the program asked omp_get_thread_num, not
                              for a static schedule's partition */
  RM_REQ_REGION_BEGIN,     /* (frame) the thread starts its part of a
                              parallel region; its private variables lie
                              below frame */
  RM_REQ_REGION_END,       /* (frame) and ends it; frame: the enclosing
                              region's, 0 if none */
  RM_REQ_LAST
  /* and the public ones of include/racemap.h: happens-before edges
   * (pthread_once's wrapper uses them too) and ignoring a thread's
   * accesses */
};

/* The pieces of a worksharing construct that run as logical threads
 * (RM_REQ_SECTION_BEGIN's kind). */
enum { RM_PIECE_SECTION, RM_PIECE_CHUNK, RM_PIECE_SINGLE };

/* RM_REQ_LOCK_HELD's steps: a lock is about to be taken, is taken, is about
 * to be given back, is given back (Detector::lock_begin...unlock_done). */
enum { RM_LOCK_DROPPING, RM_LOCK_TAKEN, RM_LOCK_TAKING, RM_LOCK_DROPPED };

#endif
