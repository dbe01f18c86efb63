// rm_static_loop.cpp -- see rm_static_loop.h.
#include "rm_static_loop.h"

#include "rm_x86_decode.h"

namespace rm {

namespace {

constexpr u32 kMaxNodes = 4096;           // instructions of the loop followed
constexpr uptr kMaxDistance = 1u << 16;   // how far from the partition they may lie
constexpr u32 kMaxHeaders = 64;

bool decode_at(uptr addr, CodeReader read, void* ctx, X86Insn* in) {
  u8 buf[16];
  usize n = read(addr, buf, sizeof buf, ctx);
  return n > 0 && decode_x86(buf, n, addr, in);
}

// Decodes up to `max` straight-line instructions from *addr, stopping at
// the first that is not kNext (left in *in, *addr at it).  Counts the
// divisions seen in *divides.  Returns false if none such comes.
bool skip_straight(uptr* addr, u32 max, CodeReader read, void* ctx, X86Insn* in,
                   u32* divides = nullptr) {
  for (u32 k = 0; k < max; k++) {
    if (!decode_at(*addr, read, ctx, in)) return false;
    if (in->flow != X86Insn::kNext) return true;
    if (divides && in->divide) ++*divides;
    *addr += in->length;
  }
  return false;
}

// Returns `to` if at most 4 straight-line instructions lead from `from`
// to it, else 0.
uptr inline_block_end(uptr from, uptr to, CodeReader read, void* ctx) {
  X86Insn in;
  for (u32 k = 0; k < 4 && from < to; k++) {
    if (!decode_at(from, read, ctx, &in) || in.flow != X86Insn::kNext) return 0;
    from += in.length;
  }
  return from == to ? to : 0;
}

// The instructions from the loop's entry on, as a graph.
class Graph {
 public:
  Graph() {
    addr_ = static_cast<uptr*>(platform::alloc(kMaxNodes * sizeof(uptr)));
    succ_ = static_cast<u32*>(platform::alloc(kMaxNodes * 2 * sizeof(u32)));
    nsucc_ = static_cast<u8*>(platform::alloc(kMaxNodes));
    slot_ = static_cast<u32*>(platform::alloc(kSlots * sizeof(u32)));
  }
  ~Graph() {
    platform::free(addr_);
    platform::free(succ_);
    platform::free(nsucc_);
    platform::free(slot_);
  }
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  // Follows every path from `entry`; `sink` and anything farther than
  // kMaxDistance from `base` end a path.  Returns false when some path
  // cannot be followed.
  bool build(uptr entry, uptr sink, uptr base, CodeReader read, void* ctx) {
    u32* work = static_cast<u32*>(platform::alloc(kMaxNodes * sizeof(u32)));
    u32 nwork = 0;
    bool ok = true;
    u32 e = node(entry, &ok);
    if (ok) work[nwork++] = e;
    while (ok && nwork) {
      u32 n = work[--nwork];
      uptr a = addr_[n];
      if (a == sink || a < base || a - base >= kMaxDistance) continue;  // leaves the loop
      X86Insn in;
      if (!decode_at(a, read, ctx, &in) || in.flow == X86Insn::kIndirect) {
        ok = false;
        break;
      }
      uptr next = a + in.length;
      uptr to[2];
      u32 k = 0;
      if (in.flow == X86Insn::kNext || in.flow == X86Insn::kCall || in.flow == X86Insn::kBranch)
        to[k++] = next;
      if (in.flow == X86Insn::kJump || in.flow == X86Insn::kBranch) to[k++] = in.target;
      for (u32 j = 0; j < k && ok; j++) {
        bool fresh = find(to[j]) == kNone;
        u32 s = node(to[j], &ok);
        if (!ok) break;
        succ_[2 * n + nsucc_[n]++] = s;
        if (fresh) work[nwork++] = s;
      }
    }
    platform::free(work);
    return ok;
  }

  u32 size() const { return n_; }
  uptr addr(u32 n) const { return addr_[n]; }
  u32 nsucc(u32 n) const { return nsucc_[n]; }
  u32 succ(u32 n, u32 j) const { return succ_[2 * n + j]; }

 private:
  static constexpr u32 kSlots = 2 * kMaxNodes;  // a power of two
  static constexpr u32 kNone = 0xffffffffu;

  u32 find(uptr a) const {
    for (u32 h = u32((a * 0x9e3779b97f4a7c15ull) >> 40) & (kSlots - 1);; h = (h + 1) & (kSlots - 1)) {
      if (slot_[h] == 0) return kNone;
      if (addr_[slot_[h] - 1] == a) return slot_[h] - 1;
    }
  }
  u32 node(uptr a, bool* ok) {
    u32 f = find(a);
    if (f != kNone) return f;
    if (n_ == kMaxNodes) {
      *ok = false;
      return 0;
    }
    u32 h = u32((a * 0x9e3779b97f4a7c15ull) >> 40) & (kSlots - 1);
    while (slot_[h]) h = (h + 1) & (kSlots - 1);
    addr_[n_] = a;
    slot_[h] = n_ + 1;
    return n_++;
  }

  uptr* addr_;
  u32* succ_;
  u8* nsucc_;
  u32* slot_;
  u32 n_ = 0;
};

// Immediate dominators of the nodes reachable from node 0 (Cooper, Harvey
// and Kennedy, "A Simple, Fast Dominance Algorithm").
class Dominators {
 public:
  explicit Dominators(const Graph& g) : g_(g) {
    u32 n = g.size();
    rpo_ = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    pre_ = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    post_ = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    order_ = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    idom_ = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    preds_start_ = static_cast<u32*>(platform::alloc((n + 1) * sizeof(u32)));
    preds_ = static_cast<u32*>(platform::alloc((2 * n + 1) * sizeof(u32)));
    number();
    predecessors();
    solve();
  }
  ~Dominators() {
    platform::free(rpo_);
    platform::free(pre_);
    platform::free(post_);
    platform::free(order_);
    platform::free(idom_);
    platform::free(preds_start_);
    platform::free(preds_);
  }
  Dominators(const Dominators&) = delete;
  Dominators& operator=(const Dominators&) = delete;

  // Whether a is b or an ancestor of b in the depth-first tree.
  bool ancestor(u32 a, u32 b) const { return pre_[a] <= pre_[b] && post_[b] <= post_[a]; }
  bool dominates(u32 a, u32 b) const {
    for (;;) {
      if (a == b) return true;
      if (b == 0) return false;
      b = idom_[b];
    }
  }
  u32 npreds(u32 n) const { return preds_start_[n + 1] - preds_start_[n]; }
  u32 pred(u32 n, u32 j) const { return preds_[preds_start_[n] + j]; }

 private:
  static constexpr u32 kUndef = 0xffffffffu;

  // Reverse postorder numbers (every node is reachable from node 0).
  void number() {
    u32 n = g_.size();
    u32* stack = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    u32* next = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
    u8* seen = static_cast<u8*>(platform::alloc(n));
    u32 sp = 0, post = 0, pre = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    pre_[0] = pre++;
    while (sp) {
      u32 v = stack[sp - 1];
      if (next[v] < g_.nsucc(v)) {
        u32 w = g_.succ(v, next[v]++);
        if (!seen[w]) {
          seen[w] = 1;
          pre_[w] = pre++;
          stack[sp++] = w;
        }
      } else {
        sp--;
        post_[v] = post;
        order_[post++] = v;
      }
    }
    for (u32 i = 0; i < post; i++) rpo_[order_[i]] = post - 1 - i;  // order_: postorder
    platform::free(stack);
    platform::free(next);
    platform::free(seen);
  }
  void predecessors() {
    u32 n = g_.size();
    for (u32 v = 0; v < n; v++)
      for (u32 j = 0; j < g_.nsucc(v); j++) preds_start_[g_.succ(v, j) + 1]++;
    for (u32 v = 0; v < n; v++) preds_start_[v + 1] += preds_start_[v];
    u32* fill = static_cast<u32*>(platform::alloc((n + 1) * sizeof(u32)));
    for (u32 v = 0; v < n; v++)
      for (u32 j = 0; j < g_.nsucc(v); j++) {
        u32 w = g_.succ(v, j);
        preds_[preds_start_[w] + fill[w]++] = v;
      }
    platform::free(fill);
  }
  u32 intersect(u32 a, u32 b) const {
    while (a != b) {
      while (rpo_[a] > rpo_[b]) a = idom_[a];
      while (rpo_[b] > rpo_[a]) b = idom_[b];
    }
    return a;
  }
  void solve() {
    u32 n = g_.size();
    for (u32 v = 0; v < n; v++) idom_[v] = kUndef;
    idom_[0] = 0;
    for (bool changed = true; changed;) {
      changed = false;
      for (u32 i = n; i-- > 0;) {  // order_ holds the postorder: walk it backwards
        u32 v = order_[i];
        if (v == 0) continue;
        u32 d = kUndef;
        for (u32 j = 0; j < npreds(v); j++) {
          u32 p = pred(v, j);
          if (idom_[p] == kUndef) continue;
          d = d == kUndef ? p : intersect(p, d);
        }
        if (d != kUndef && idom_[v] != d) {
          idom_[v] = d;
          changed = true;
        }
      }
    }
  }

  const Graph& g_;
  u32* rpo_;
  u32* pre_;   // depth-first preorder number
  u32* post_;  // and postorder number
  u32* order_;
  u32* idom_;
  u32* preds_start_;
  u32* preds_;
};

// Finds the outermost loops of g: fills out's heads and exits.
bool outermost_loops(const Graph& g, StaticLoop* out) {
  Dominators dom(g);
  u32 n = g.size();
  u32 headers[kMaxHeaders];
  u32 nheaders = 0;
  for (u32 v = 0; v < n; v++)
    for (u32 j = 0; j < g.nsucc(v); j++) {
      u32 h = g.succ(v, j);
      if (!dom.dominates(h, v)) {
        // An edge back to an ancestor that does not dominate: a loop with
        // two entries, whose iterations have no one header.
        if (dom.ancestor(h, v)) return false;
        continue;  // not a back edge
      }
      bool known = false;
      for (u32 k = 0; k < nheaders; k++) known = known || headers[k] == h;
      if (known) continue;
      if (nheaders == kMaxHeaders) return false;
      headers[nheaders++] = h;
    }
  if (nheaders == 0) return false;
  // The natural loop of each header: what reaches one of its back edges
  // without going through it.
  u8* in_loop = static_cast<u8*>(platform::alloc(usize(n) * nheaders));
  u32* stack = static_cast<u32*>(platform::alloc(n * sizeof(u32)));
  for (u32 k = 0; k < nheaders; k++) {
    u8* body = in_loop + usize(k) * n;
    u32 h = headers[k], sp = 0;
    body[h] = 1;
    for (u32 v = 0; v < n; v++)
      for (u32 j = 0; j < g.nsucc(v); j++)
        if (g.succ(v, j) == h && dom.dominates(h, v) && !body[v]) {
          body[v] = 1;
          stack[sp++] = v;
        }
    while (sp) {
      u32 v = stack[--sp];
      for (u32 j = 0; j < dom.npreds(v); j++) {
        u32 p = dom.pred(v, j);
        if (!body[p]) {
          body[p] = 1;
          stack[sp++] = p;
        }
      }
    }
  }
  // The outermost: headers in no other header's loop.
  u8* outer = static_cast<u8*>(platform::alloc(n));
  bool ok = true;
  for (u32 k = 0; k < nheaders && ok; k++) {
    bool nested = false;
    for (u32 m = 0; m < nheaders; m++)
      nested = nested || (m != k && in_loop[usize(m) * n + headers[k]]);
    if (nested) continue;
    if (out->nheads == StaticLoop::kMaxPoints) ok = false;
    else out->heads[out->nheads++] = g.addr(headers[k]);
    for (u32 v = 0; v < n; v++) outer[v] |= in_loop[usize(k) * n + v];
  }
  for (u32 v = 0; v < n && ok; v++) {
    if (!outer[v]) continue;
    for (u32 j = 0; j < g.nsucc(v) && ok; j++) {
      uptr to = g.addr(g.succ(v, j));
      if (outer[g.succ(v, j)]) continue;
      bool known = false;
      for (u32 k = 0; k < out->nexits; k++) known = known || out->exits[k] == to;
      if (known) continue;
      if (out->nexits == StaticLoop::kMaxPoints) ok = false;
      else out->exits[out->nexits++] = to;
    }
  }
  platform::free(outer);
  platform::free(stack);
  platform::free(in_loop);
  return ok && out->nheads > 0;
}

}  // namespace

bool find_static_loop(uptr after_threads, uptr after_tid, CodeReader read, void* ctx,
                      StaticLoop* out) {
  *out = StaticLoop();
  X86Insn in;
  // The two calls, a few register moves apart.
  if (after_threads >= after_tid || after_tid - after_threads > 32) return false;
  uptr a = after_threads;
  if (!skip_straight(&a, 8, read, ctx, &in) || in.flow != X86Insn::kCall ||
      a + in.length != after_tid)
    return false;
  // The division of the iteration count, then `tid < remainder`.
  a = after_tid;
  u32 divides = 0;
  if (!skip_straight(&a, 16, read, ctx, &in, &divides) || divides == 0 ||
      in.flow != X86Insn::kBranch || in.target <= a)
    return false;
  // The block that takes one more iteration: skipped over inline, or out
  // of line with a jump back.
  uptr rejoin = inline_block_end(a + in.length, in.target, read, ctx);
  if (!rejoin) {
    rejoin = a + in.length;
    a = in.target;
    if (!skip_straight(&a, 4, read, ctx, &in) || in.flow != X86Insn::kJump ||
        in.target != rejoin)
      return false;
  }
  // start and end, then the guard that skips an empty share.
  a = rejoin;
  if (!skip_straight(&a, 8, read, ctx, &in) || in.flow != X86Insn::kBranch || in.target <= a)
    return false;
  uptr entry = a + in.length, done = in.target;
  Graph g;
  if (!g.build(entry, done, after_tid, read, ctx)) return false;
  return outermost_loops(g, out);
}

}  // namespace rm
