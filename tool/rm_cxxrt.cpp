// rm_cxxrt.cpp -- the little C++ runtime a freestanding tool needs.
//
// There is no libstdc++ inside Valgrind: operator new and delete are
// served by the core's allocator, and the few symbols g++ may emit calls to
// are defined here.
#include "rm_basics.h"

void* operator new(unsigned long n) { return VG_(malloc)("racemap.new", n ? n : 1); }
void* operator new[](unsigned long n) { return VG_(malloc)("racemap.new", n ? n : 1); }
void operator delete(void* p) noexcept { if (p) VG_(free)(p); }
void operator delete[](void* p) noexcept { if (p) VG_(free)(p); }
void operator delete(void* p, unsigned long) noexcept { if (p) VG_(free)(p); }
void operator delete[](void* p, unsigned long) noexcept { if (p) VG_(free)(p); }

extern "C" {
void __cxa_pure_virtual() { VG_(tool_panic)(const_cast<HChar*>("pure virtual call")); }
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }
void* __dso_handle = nullptr;

int memcmp(const void* a, const void* b, unsigned long n) {
  return VG_(memcmp)(a, b, n);
}
}
