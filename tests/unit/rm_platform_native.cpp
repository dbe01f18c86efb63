// rm_platform_native.cpp -- the engine's platform seam over libc, for tests.
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>

#include "rm_platform.h"

namespace rm {
namespace platform {
void* alloc(usize bytes) { return std::calloc(1, bytes ? bytes : 1); }
void free(void* p) { std::free(p); }
void* alloc_pages(usize bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) std::abort();
  return p;
}
void free_pages(void* p, usize bytes) { munmap(p, bytes); }
void check_failed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: engine check failed: %s\n", file, line, expr);
  std::abort();
}
}  // namespace platform
}  // namespace rm
