// rm_shadow.cpp -- the address -> granule map and clearing of ranges.
#include "rm_shadow.h"

namespace rm {

ShadowMemory::ShadowMemory() {
  for (u32 i = 0; i < kL1Size; i++) top_[i] = nullptr;
}

ShadowMemory::~ShadowMemory() {
  for (u32 i = 0; i < kL1Size; i++) {
    Leaf** l2 = top_[i];
    if (!l2) continue;
    for (u32 j = 0; j <= kL2Mask; j++)
      if (l2[j]) platform::free_pages(l2[j], sizeof(Leaf));
    platform::free_pages(l2, sizeof(Leaf*) << kL2Bits);
  }
}

Granule* ShadowMemory::slow_granule(uptr addr) {
  Leaf**& l2 = top_[addr >> kL1Shift];
  if (!l2) {
    l2 = static_cast<Leaf**>(platform::alloc_pages(sizeof(Leaf*) << kL2Bits));
    bytes_used_ += sizeof(Leaf*) << kL2Bits;
  }
  Leaf*& leaf = l2[(addr >> kL2Shift) & kL2Mask];
  if (!leaf) {
    leaf = static_cast<Leaf*>(platform::alloc_pages(sizeof(Leaf)));
    bytes_used_ += sizeof(Leaf);
  }
  return &leaf->g[(addr >> 3) & kLeafMask];
}

ShadowMemory::Leaf* ShadowMemory::find_leaf(uptr addr) const {
  if (addr >> kAddrBits) return nullptr;
  Leaf** l2 = top_[addr >> kL1Shift];
  return l2 ? l2[(addr >> kL2Shift) & kL2Mask] : nullptr;
}

void ShadowMemory::drop_leaf(uptr addr) {
  Leaf** l2 = top_[addr >> kL1Shift];
  Leaf*& leaf = l2[(addr >> kL2Shift) & kL2Mask];
  platform::free_pages(leaf, sizeof(Leaf));
  bytes_used_ -= sizeof(Leaf);
  leaf = nullptr;
}

void ShadowMemory::clear(uptr addr, usize len) {
  const usize kLeafBytes = usize(kLeafGranules) * kGranule;
  uptr end = addr + len;
  if (end < addr || end > (uptr(1) << kAddrBits)) end = uptr(1) << kAddrBits;
  while (addr < end) {
    uptr leaf_start = addr & ~(kLeafBytes - 1);
    uptr leaf_end = leaf_start + kLeafBytes;
    Leaf* leaf = find_leaf(addr);
    if (!leaf) {  // nothing recorded here
      addr = leaf_end;
      continue;
    }
    if (addr == leaf_start && end >= leaf_end) {  // the whole leaf
      drop_leaf(addr);
      addr = leaf_end;
      continue;
    }
    uptr stop = end < leaf_end ? end : leaf_end;
    while (addr < stop) {
      u32 taken;
      u8 m = granule_mask(addr, stop - addr, &taken);
      Granule& g = leaf->g[(addr >> 3) & kLeafMask];
      if (m == 0xff) {
        for (Cell& c : g.cells) c = Cell();
      } else {
        for (Cell& c : g.cells) c = c.with_mask(c.mask() & ~m);
      }
      addr += taken;
    }
  }
}

}  // namespace rm
