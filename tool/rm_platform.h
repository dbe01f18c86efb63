// rm_platform.h -- the seam between racemap's race engine and its host.
//
// The engine (clocks, shadow memory, history, sync objects) is plain C++
// with no library at all.  Everything it needs from the outside world is
// declared here: memory, assertion failure, and a few integer types.
// Inside Valgrind these are implemented over the core API (rm_platform_vg.cpp);
// in the unit tests over libc (tests/unit/rm_platform_native.cpp).
#ifndef RM_PLATFORM_H
#define RM_PLATFORM_H

namespace rm {

typedef unsigned char      u8;
typedef unsigned short     u16;
typedef unsigned int       u32;
typedef unsigned long long u64;
typedef unsigned long      uptr;   // an address in the client program
typedef unsigned long      usize;

namespace platform {
// Returns zero-filled memory of `bytes` bytes; never returns null.
void* alloc(usize bytes);
void  free(void* p);
// Returns zero-filled, page-aligned memory for large tables; never null.
// The pages cost nothing until first written.
void* alloc_pages(usize bytes);
void  free_pages(void* p, usize bytes);
// Reports a broken engine invariant and does not return.
[[noreturn]] void check_failed(const char* expr, const char* file, int line);
}  // namespace platform

inline void zero(void* p, usize n) {
  u8* b = static_cast<u8*>(p);
  for (usize i = 0; i < n; i++) b[i] = 0;
}
inline void copy(void* d, const void* s, usize n) {
  u8* dd = static_cast<u8*>(d);
  const u8* ss = static_cast<const u8*>(s);
  for (usize i = 0; i < n; i++) dd[i] = ss[i];
}

}  // namespace rm

// Placement new, without the C++ library in the tool.
#if defined(RM_HOSTED)
#include <new>
#else
inline void* operator new(unsigned long, void* p) noexcept { return p; }
#endif

#define RM_CHECK(e) \
  ((e) ? (void)0 : ::rm::platform::check_failed(#e, __FILE__, __LINE__))

#endif  // RM_PLATFORM_H
