// rm_sync.cpp -- the table of sync objects.
#include "rm_sync.h"

namespace rm {

SyncTable::SyncTable() : nbuckets_(1024) {
  buckets_ = static_cast<SyncObject**>(platform::alloc(nbuckets_ * sizeof(SyncObject*)));
}

SyncTable::~SyncTable() {
  for (u32 i = 0; i < nbuckets_; i++)
    for (SyncObject* s = buckets_[i]; s;) {
      SyncObject* n = s->next;
      s->~SyncObject();
      platform::free(s);
      s = n;
    }
  platform::free(buckets_);
}

SyncObject* SyncTable::find(uptr addr) const {
  for (SyncObject* s = buckets_[bucket(addr)]; s; s = s->next)
    if (s->addr == addr) return s;
  return nullptr;
}

SyncObject* SyncTable::get(uptr addr, SyncKind kind) {
  if (SyncObject* s = find(addr)) {
    if (s->kind == SyncKind::kPlain) s->kind = kind;
    return s;
  }
  if (count_ >= nbuckets_) grow();
  void* mem = platform::alloc(sizeof(SyncObject));
  SyncObject* s = new (mem) SyncObject;
  s->addr = addr;
  s->kind = kind;
  SyncObject*& head = buckets_[bucket(addr)];
  s->next = head;
  head = s;
  count_++;
  return s;
}

void SyncTable::remove(uptr addr) {
  for (SyncObject** p = &buckets_[bucket(addr)]; *p; p = &(*p)->next) {
    SyncObject* s = *p;
    if (s->addr != addr) continue;
    *p = s->next;
    s->~SyncObject();
    platform::free(s);
    count_--;
    return;
  }
}

void SyncTable::remove_range(uptr addr, usize len) {
  if (count_ == 0) return;
  if (len < nbuckets_) {  // small range: probe each address in it
    for (uptr a = addr; a < addr + len; a++) remove(a);
    return;
  }
  for (u32 i = 0; i < nbuckets_; i++)
    for (SyncObject** p = &buckets_[i]; *p;) {
      SyncObject* s = *p;
      if (s->addr >= addr && s->addr - addr < len) {
        *p = s->next;
        s->~SyncObject();
        platform::free(s);
        count_--;
      } else {
        p = &s->next;
      }
    }
}

void SyncTable::grow() {
  u32 old_n = nbuckets_;
  SyncObject** old = buckets_;
  nbuckets_ *= 2;
  buckets_ = static_cast<SyncObject**>(platform::alloc(nbuckets_ * sizeof(SyncObject*)));
  for (u32 i = 0; i < old_n; i++)
    for (SyncObject* s = old[i]; s;) {
      SyncObject* n = s->next;
      SyncObject*& head = buckets_[bucket(s->addr)];
      s->next = head;
      head = s;
      s = n;
    }
  platform::free(old);
}

}  // namespace rm
