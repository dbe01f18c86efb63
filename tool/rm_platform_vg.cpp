// rm_platform_vg.cpp -- the engine's platform seam over the Valgrind core.
#include "rm_basics.h"
#include "rm_platform.h"

namespace rm {
namespace platform {

void* alloc(usize bytes) { return VG_(calloc)("racemap.engine", 1, bytes ? bytes : 1); }

void free(void* p) {
  if (p) VG_(free)(p);
}

void* alloc_pages(usize bytes) {
  void* p = VG_(am_shadow_alloc)(bytes);
  if (!p) VG_(out_of_memory_NORETURN)("racemap: shadow memory", bytes);
  return p;
}

void free_pages(void* p, usize bytes) {
  SysRes r = VG_(am_munmap_valgrind)(reinterpret_cast<Addr>(p), bytes);
  (void)r;
}

void check_failed(const char* expr, const char* file, int line) {
  VG_(umsg)("racemap: internal check failed at %s:%d: %s\n", file, line, expr);
  VG_(tool_panic)("racemap engine invariant");
}

}  // namespace platform
}  // namespace rm
