// rm_options.cpp -- parsing and documenting racemap's options.
//
// Parsed with the core's VG_*_CLO macros, so a bad value gets Valgrind's
// standard message and exit status; an unknown option is left to the core.
#include "rm_options.h"

namespace rm {

Options clo;

Bool process_option(const HChar* arg) {
  if VG_BOOL_CLO (arg, "--check-stack-var", clo.check_stack_var) {
  } else if VG_BINT_CLO (arg, "--history-size", clo.history_size, 1, 4096) {
  } else if VG_BINT_CLO (arg, "--max-races", clo.max_races, 0, 1000000000) {
  } else if VG_BOOL_CLO (arg, "--infer-atomics", clo.infer_atomics) {
  } else if VG_BOOL_CLO (arg, "--trace-atomics", clo.trace_atomics) {
  } else if VG_BOOL_CLO (arg, "--free-is-write", clo.free_is_write) {
  } else {
    return False;
  }
  return True;
}

void print_usage() {
  VG_(printf)(
      "    --check-stack-var=no|yes  check accesses to thread stacks [yes]\n"
      "    --history-size=<MiB>      history per thread for earlier accesses' stacks (1..4096) [8]\n"
      "    --max-races=<N>           stop reporting after N distinct races, 0 for no limit [1000]\n"
      "    --infer-atomics=no|yes    take plain loads and stores shaped like acquire loads\n"
      "                              and seq_cst stores for atomic ones [yes]\n"
      "    --free-is-write=no|yes    a free or delete writes the block's first 1 KiB [yes]\n");
}

void print_debug_usage() {
  VG_(printf)(
      "    --trace-atomics=no|yes    print each plain load or store taken for atomic [no]\n");
}

}  // namespace rm
