// rm_shadow.h -- shadow memory: what racemap remembers about each byte.
//
// Application memory is divided into 8-byte granules.  Each granule has four
// shadow cells; a cell records one earlier access to some of the granule's
// bytes: which bytes (a mask), read or write, atomic or not, by which logical
// thread, at which clock.  Two accesses conflict when their byte masks
// overlap, they come from different threads, at least one writes and not
// both are atomic.  Distinct bytes therefore never conflict, overlapping
// ones always do.  When a granule's four cells are full, a new access evicts
// one: that can hide a race, never invent one.
//
// The map from address to granule is a three-level table (like Memcheck's
// primary/secondary maps) whose leaves are allocated on first use.
#ifndef RM_SHADOW_H
#define RM_SHADOW_H

#include "rm_clock.h"

namespace rm {

// One shadow cell, packed into 64 bits:
//   bits  0..7   byte mask within the granule (0: the cell is empty)
//   bit   8      the access wrote
//   bit   9      the access was atomic
//   bits 10..25  logical thread
//   bit  26      made under a lock: a plain store while the thread held a
//                lock, or a load taken for an acquire by its shape alone
//                that read lock-protected data (Detector::access)
//   bit  27      a read-only acquire: a load taken for an acquire as long
//                as its thread does not store to the location
//                (Detector::read_only_acquire)
//   bits 28..63  the thread's clock at the access (its history index)
class Cell {
 public:
  Cell() = default;
  explicit Cell(u64 raw) : raw_(raw) {}
  Cell(u8 mask, bool write, bool atomic, Tid tid, Clock clock, bool locked = false,
       bool read_only_acquire = false)
      : raw_(u64(mask) | (u64(write) << 8) | (u64(atomic) << 9) | (u64(tid) << 10) |
             (u64(locked) << 26) | (u64(read_only_acquire) << 27) | (clock << 28)) {}

  u8 mask() const { return u8(raw_); }
  bool write() const { return (raw_ >> 8) & 1; }
  bool atomic() const { return (raw_ >> 9) & 1; }
  Tid tid() const { return Tid((raw_ >> 10) & 0xffff); }
  bool locked() const { return (raw_ >> 26) & 1; }
  bool read_only_acquire() const { return (raw_ >> 27) & 1; }
  Clock clock() const { return raw_ >> 28; }
  bool empty() const { return mask() == 0; }
  u64 raw() const { return raw_; }
  // The same cell with fewer bytes.
  Cell with_mask(u8 m) const { return Cell((raw_ & ~u64(0xff)) | m); }

 private:
  u64 raw_ = 0;
};

// x covers y when every access that conflicts with y conflicts with x too.
inline bool covers(bool x_write, bool x_atomic, bool y_write, bool y_atomic) {
  return (x_write || !y_write) && (!x_atomic || y_atomic);
}

constexpr u32 kGranule = 8;
constexpr u32 kCellsPerGranule = 4;

struct Granule {
  Cell cells[kCellsPerGranule];
};

class ShadowMemory {
 public:
  ShadowMemory();
  ~ShadowMemory();
  ShadowMemory(const ShadowMemory&) = delete;
  ShadowMemory& operator=(const ShadowMemory&) = delete;

  // Returns the granule holding `addr`, creating its leaf if needed;
  // null for addresses outside the 47-bit user address space.
  Granule* granule(uptr addr) {
    if (addr >> kAddrBits) return nullptr;
    Leaf** l2 = top_[addr >> kL1Shift];
    if (l2) {
      Leaf* leaf = l2[(addr >> kL2Shift) & kL2Mask];
      if (leaf) return &leaf->g[(addr >> 3) & kLeafMask];
    }
    return slow_granule(addr);
  }
  // Forgets every access to [addr, addr+len): the memory is new.
  void clear(uptr addr, usize len);
  // Bytes of shadow currently allocated (for statistics).
  usize bytes_used() const { return bytes_used_; }

 private:
  static constexpr u32 kAddrBits = 47;
  static constexpr u32 kLeafGranules = 4096;        // 32 KiB of memory
  static constexpr u32 kLeafMask = kLeafGranules - 1;
  static constexpr u32 kL2Shift = 15;
  static constexpr u32 kL2Bits = 20;
  static constexpr u32 kL2Mask = (1u << kL2Bits) - 1;
  static constexpr u32 kL1Shift = kL2Shift + kL2Bits;  // 35
  static constexpr u32 kL1Size = 1u << (kAddrBits - kL1Shift);

  struct Leaf {
    Granule g[kLeafGranules];
  };

  Granule* slow_granule(uptr addr);
  Leaf* find_leaf(uptr addr) const;
  void drop_leaf(uptr addr);

  Leaf** top_[kL1Size];
  usize bytes_used_ = 0;
};

// Returns the byte mask of the bytes of [addr, addr+size) that lie in
// addr's granule; sets *taken to how many bytes that is.
inline u8 granule_mask(uptr addr, usize size, u32* taken) {
  u32 off = addr & (kGranule - 1);
  u32 n = kGranule - off;
  if (size < n) n = u32(size);
  *taken = n;
  return u8(((1u << n) - 1) << off);
}

}  // namespace rm

#endif  // RM_SHADOW_H
