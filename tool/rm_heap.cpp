// rm_heap.cpp -- the client's heap: malloc and friends, replaced.
//
// racemap replaces the client's allocator with the core's (as Helgrind and
// DRD do) for two reasons: a block handed out is new memory whose shadow
// must be forgotten, so recycled memory never yields a false race, and a
// report about heap memory names the block, its size, the thread that
// allocated it and where.
#include "rm_tool.h"
#include "rm_options.h"

namespace rm {

namespace {

struct Block {
  Block* next;        // hash chain (VgHashNode layout)
  UWord addr;         // key
  SizeT size;
  ExeContext* where;
  Tid tid;
  Bool ignored;       // the runtime's (ignore_runtime_block) until freed
};

VgHashTable* blocks = nullptr;

void* new_block(ThreadId vg, SizeT size, SizeT align, Bool zero) {
  void* p = VG_(cli_malloc)(align, size);
  if (!p) return nullptr;
  if (zero) VG_(memset)(p, 0, size);
  Addr a = reinterpret_cast<Addr>(p);
  detector->new_memory(a, size);
  Block* b = static_cast<Block*>(VG_(malloc)("racemap.block", sizeof(Block)));
  b->addr = a;
  b->size = size;
  b->where = VG_(record_ExeContext)(vg, 0);
  b->tid = tid_of(vg);
  b->ignored = False;
  VG_(HT_add_node)(blocks, b);
  note_block(vg, a, size);
  return p;
}

// With --free-is-write (the default), freeing a block writes it: another
// thread's access that is not ordered before the free races with it (a
// use after free that the schedule happened to avoid).  Only the first
// kFreeChecked bytes are checked, as ThreadSanitizer does: a program's
// last uses of a block are mostly at its start, and checking a large
// block whole would cost every free of it.
constexpr SizeT kFreeChecked = 1024;

// A free made by the C library's internals or by libgomp (a task's block,
// freed by whichever thread finished the task) is the runtime's business,
// ordered by its own means.
void check_free(ThreadId vg, Addr a, SizeT size) {
  if (current == kNoTid || !current_host || tid_of(vg) == kNoTid) return;
  Addr pc = VG_(get_IP)(vg), sp = VG_(get_SP)(vg);
  // Who called free: unwound, for runtimes free in tail calls.
  Addr ips[2];
  if (VG_(get_StackTrace)(vg, ips, 2, nullptr, nullptr, 0) < 2 || !is_checked_code(ips[1] - 1))
    return;
  Tid t = accessing_thread(current, current_host, a);  // a piece frees its runner's block
  SizeT left = size < kFreeChecked ? size : kFreeChecked;
  for (Addr at = a; left;) {
    SizeT n = left > 128 ? 128 : left;
    Conflict prev;
    if (detector->access(t, at, n, True, False, pc, sp, &prev)) {
      report_race(vg, at, n, True, False, pc, prev);
      return;  // one report per free
    }
    at += n;
    left -= n;
  }
}

// The live block holding address a (a scan: for reports and rare requests).
Block* block_containing(Addr a) {
  VG_(HT_ResetIter)(blocks);
  while (Block* b = static_cast<Block*>(VG_(HT_Next)(blocks)))
    if (a >= b->addr && a - b->addr < b->size) return b;
  return nullptr;
}

void free_block(ThreadId vg, void* p) {
  Block* b = static_cast<Block*>(VG_(HT_lookup)(blocks, reinterpret_cast<UWord>(p)));
  if (!b) return;  // not ours (or a double free): leave it alone
  if (clo.free_is_write) check_free(vg, b->addr, b->size);  // while the block is known
  VG_(HT_remove)(blocks, reinterpret_cast<UWord>(p));
  if (b->ignored) unignore_range(b->addr, b->size);
  forget_block(vg, b->addr);
  detector->new_memory(b->addr, b->size);
  VG_(free)(b);
  VG_(cli_free)(p);
}

void* rm_malloc(ThreadId vg, SizeT n) { return new_block(vg, n, VG_(clo_alignment), False); }
void* rm_new(ThreadId vg, SizeT n) { return new_block(vg, n, VG_(clo_alignment), False); }
void* rm_new_aligned(ThreadId vg, SizeT n, SizeT align) { return new_block(vg, n, align, False); }
void* rm_memalign(ThreadId vg, SizeT align, SizeT n) { return new_block(vg, n, align, False); }
void* rm_calloc(ThreadId vg, SizeT nmemb, SizeT size) {
  if (size && nmemb > ~SizeT(0) / size) return nullptr;
  return new_block(vg, nmemb * size, VG_(clo_alignment), True);
}
void rm_delete_aligned(ThreadId vg, void* p, SizeT) { free_block(vg, p); }

void* rm_realloc(ThreadId vg, void* p, SizeT n) {
  if (!p) return rm_malloc(vg, n);
  Block* b = static_cast<Block*>(VG_(HT_lookup)(blocks, reinterpret_cast<UWord>(p)));
  if (!b) return nullptr;
  void* q = new_block(vg, n, VG_(clo_alignment), False);
  if (!q) return nullptr;
  VG_(memcpy)(q, p, b->size < n ? b->size : n);
  free_block(vg, p);
  return q;
}

SizeT rm_usable_size(ThreadId, void* p) {
  Block* b = static_cast<Block*>(VG_(HT_lookup)(blocks, reinterpret_cast<UWord>(p)));
  return b ? b->size : 0;
}

}  // namespace

void register_heap() {
  blocks = VG_(HT_construct)("racemap.blocks");
  VG_(needs_malloc_replacement)(rm_malloc, rm_new, rm_new_aligned, rm_new, rm_new_aligned,
                                rm_memalign, rm_calloc, free_block, free_block,
                                rm_delete_aligned, free_block, rm_delete_aligned, rm_realloc,
                                rm_usable_size, 0);
}

void ignore_runtime_block(Addr a) {
  if (in_ignored_range(a, 1)) return;  // known already (every task asks)
  if (Block* b = block_containing(a)) {
    b->ignored = True;
    ignore_range(b->addr, b->size);
  }
}

Bool describe_heap_block(Addr a, AddrInfo* ai) {
  if (Block* b = block_containing(a)) {
    ai->tag = Addr_Block;
    ai->Addr.Block.block_kind = Block_Mallocd;
    ai->Addr.Block.block_desc = "block";
    ai->Addr.Block.block_szB = b->size;
    ai->Addr.Block.rwoffset = PtrdiffT(a - b->addr);
    ai->Addr.Block.allocated_at = b->where;
    VG_(initThreadInfo)(&ai->Addr.Block.alloc_tinfo);
    ai->Addr.Block.alloc_tinfo.tnr = b->tid == kNoTid ? 0 : thread_nr(b->tid);
    ai->Addr.Block.freed_at = VG_(null_ExeContext)();
    return True;
  }
  return False;
}

}  // namespace rm
