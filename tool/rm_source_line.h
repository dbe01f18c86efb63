// rm_source_line.h -- what one line of C source says about its atomics.
//
// C11's <stdatomic.h> operations and GCC's __atomic builtins leave no trace
// in the debug info: `atomic_load_explicit(&ready, memory_order_acquire)`
// and `atomic_store_explicit(&dx, v, memory_order_relaxed)` compile to the
// plain MOVs of any load and store, on the user's own line.  The line's
// text still names them.  This reads a line for the atomic loads and stores
// it calls and for the objects they name, so the instrumenter can take the
// MOVs of that line for atomic (rm_atomics.cpp) where the line leaves no
// doubt which of its accesses they are.
//
// No Valgrind calls: unit-tested natively.
#ifndef RM_SOURCE_LINE_H
#define RM_SOURCE_LINE_H

#include "rm_platform.h"

namespace rm {

struct LineAtomics {
  u32 loads = 0;    // calls that load: atomic_load(_explicit), __atomic_load(_n)...
  u32 stores = 0;   // calls that store: atomic_store(_explicit), atomic_flag_clear...
  // The rest of the line (outside those calls' text, comments and string
  // literals) may access memory through a pointer or an index: `->`, `[`,
  // `*`, or a member `.field`.  A bare name may be a local or a global.
  bool other_memory = false;
};

// Reads the line's text (len bytes, no newline needed).
LineAtomics scan_line(const char* line, usize len);

// Returns whether one of the line's atomic loads (or stores, with `store`)
// names `symbol` as its object: its first argument is `&symbol`,
// `&symbol.field`, `&symbol[i]` or `symbol` (a pointer).
bool names_atomic_object(const char* line, usize len, const char* symbol, bool store);

}  // namespace rm

#endif  // RM_SOURCE_LINE_H
