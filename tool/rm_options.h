// rm_options.h -- racemap's command line options.
#ifndef RM_OPTIONS_H
#define RM_OPTIONS_H

#include "rm_basics.h"

namespace rm {

struct Options {
  Bool check_stack_var = True;   // --check-stack-var
  Long history_size = 8;         // --history-size, MiB of history per thread
  Long max_races = 1000;         // --max-races, distinct races reported
  Bool infer_atomics = True;     // --infer-atomics: plain MOVs by their shape
  Bool trace_atomics = False;    // --trace-atomics (debug): print them
  Bool free_is_write = True;     // --free-is-write: free writes the block
};

extern Options clo;

Bool process_option(const HChar* arg);
void print_usage();
void print_debug_usage();

}  // namespace rm

#endif  // RM_OPTIONS_H
