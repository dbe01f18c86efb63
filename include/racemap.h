/* racemap.h -- annotations for programs checked by racemap.
 *
 * Include this header (it needs valgrind.h, installed with Valgrind) to
 * tell racemap about synchronization it cannot see, or about code whose
 * races you have accepted.  Outside Valgrind every macro costs a few
 * instructions and does nothing.
 *
 *   RACEMAP_HAPPENS_BEFORE(addr)  everything this thread did so far ...
 *   RACEMAP_HAPPENS_AFTER(addr)   ... happens before what this thread does
 *                                 next, if that thread's HAPPENS_BEFORE on
 *                                 the same addr came first.
 *   RACEMAP_IGNORE_BEGIN()        accesses of this thread are not checked
 *   RACEMAP_IGNORE_END()          until the matching END (they nest).
 *
 * This file is free software under the GNU GPL, version 2 or later; like
 * valgrind.h, you may also use it under a BSD-style licence in your own
 * programs.
 */
#ifndef RACEMAP_H
#define RACEMAP_H

#include <valgrind/valgrind.h>

/* The request numbers (racemap's own wrappers use lower ones). */
enum {
  RACEMAP_REQ_HAPPENS_BEFORE = VG_USERREQ_TOOL_BASE('R', 'M') + 0x100,
  RACEMAP_REQ_HAPPENS_AFTER,
  RACEMAP_REQ_IGNORE_BEGIN,
  RACEMAP_REQ_IGNORE_END
};

#define RACEMAP_HAPPENS_BEFORE(addr) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_HAPPENS_BEFORE, (addr), 0, 0, 0, 0)
#define RACEMAP_HAPPENS_AFTER(addr) \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_HAPPENS_AFTER, (addr), 0, 0, 0, 0)
#define RACEMAP_IGNORE_BEGIN() \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_IGNORE_BEGIN, 0, 0, 0, 0, 0)
#define RACEMAP_IGNORE_END() \
  VALGRIND_DO_CLIENT_REQUEST_STMT(RACEMAP_REQ_IGNORE_END, 0, 0, 0, 0, 0)

#endif
