// rm_basics.h -- the Valgrind core API, as racemap's C++ sees it.
//
// The core's headers are C without extern "C" guards.  pub_tool_basics.h
// and pub_tool_vki.h must come first and outside the extern "C" block;
// NULL must be nullptr for C++.
#ifndef RM_BASICS_H
#define RM_BASICS_H

#undef NULL
#define NULL nullptr
#include "pub_tool_basics.h"
#include "pub_tool_vki.h"
#undef NULL
#define NULL nullptr

extern "C" {
#include "pub_tool_vkiscnums.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_machine.h"
#include "pub_tool_execontext.h"
#include "pub_tool_xarray.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_addrinfo.h"
#include "pub_tool_errormgr.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_clientstate.h"
#include "pub_tool_clreq.h"
#include "pub_tool_libcsignal.h"
#include "libvex_guest_amd64.h"
}

#endif  // RM_BASICS_H
