// rm_source_line.cpp -- what one line of C source says about its atomics.
#include "rm_source_line.h"

namespace rm {

namespace {

enum class Call : u8 { kOther, kLoad, kStore };

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

bool same(const char* s, usize n, const char* word) {
  usize i = 0;
  for (; i < n && word[i]; i++)
    if (s[i] != word[i]) return false;
  return i == n && word[i] == '\0';
}

bool starts(const char* s, usize n, const char* prefix) {
  usize i = 0;
  for (; prefix[i]; i++)
    if (i >= n || s[i] != prefix[i]) return false;
  return true;
}

// What a call of the function named s[0, n) does, if it is atomic at all;
// false for any other name.
bool atomic_call(const char* s, usize n, Call* kind) {
  static const char* const kLoads[] = {
      "atomic_load", "atomic_load_explicit", "__atomic_load_n", "__atomic_load",
      "__c11_atomic_load", "smp_load_acquire",
  };
  static const char* const kStores[] = {
      "atomic_store", "atomic_store_explicit", "__atomic_store_n", "__atomic_store",
      "__c11_atomic_store", "smp_store_release", "atomic_flag_clear", "atomic_flag_clear_explicit",
  };
  for (const char* w : kLoads)
    if (same(s, n, w)) return *kind = Call::kLoad, true;
  for (const char* w : kStores)
    if (same(s, n, w)) return *kind = Call::kStore, true;
  // Read-modify-writes and the rest: LOCK-prefixed instructions, known
  // without the source; their arguments are theirs, not the line's.
  if (starts(s, n, "atomic_") || starts(s, n, "__atomic_") || starts(s, n, "__sync_") ||
      starts(s, n, "__c11_atomic_"))
    return *kind = Call::kOther, true;
  return false;
}

// Skips a string or character literal that starts at i; returns the index
// after it.
usize skip_literal(const char* s, usize len, usize i) {
  char quote = s[i++];
  while (i < len && s[i] != quote) i += s[i] == '\\' ? 2 : 1;
  return i < len ? i + 1 : len;
}

// Walks the line's code, calling on_call(kind, first argument, its length)
// for each atomic call; returns whether the rest of the code accesses
// memory through a pointer, an index or a member.
template <typename OnCall>
bool walk(const char* s, usize len, OnCall on_call) {
  bool other = false;
  char prev = 0;  // the last significant character outside calls
  usize i = 0;
  while (i < len) {
    char c = s[i];
    if (c == '/' && i + 1 < len && s[i + 1] == '/') break;
    if (c == '/' && i + 1 < len && s[i + 1] == '*') {
      for (i += 2; i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'); i++) {}
      i += 2;
      continue;
    }
    if (c == '"' || c == '\'') {
      i = skip_literal(s, len, i);
      prev = 'x';
      continue;
    }
    if (c >= '0' && c <= '9') {  // a number: 1.5f, 0x10 (no member)
      while (i < len && (ident_char(s[i]) || s[i] == '.')) i++;
      prev = '0';
      continue;
    }
    if (ident_start(c)) {
      usize b = i;
      while (i < len && ident_char(s[i])) i++;
      Call kind;
      usize p = i;
      while (p < len && (s[p] == ' ' || s[p] == '\t')) p++;
      if (p < len && s[p] == '(' && atomic_call(s + b, i - b, &kind)) {
        // The call's text, to its closing parenthesis (or the line's end).
        usize arg = p + 1, arg_end = 0;
        int depth = 0;
        for (i = p; i < len; i++) {
          if (s[i] == '"' || s[i] == '\'') {
            i = skip_literal(s, len, i) - 1;
            continue;
          }
          if (s[i] == '(' || s[i] == '[') depth++;
          if (s[i] == ')' || s[i] == ']') depth--;
          if (!arg_end && ((depth == 1 && s[i] == ',') || depth == 0)) arg_end = i;
          if (depth == 0) break;
        }
        if (!arg_end) arg_end = i;
        if (i < len) i++;
        on_call(kind, s + arg, arg_end - arg);
        prev = ')';
        continue;
      }
      prev = 'x';
      continue;
    }
    if (c == '-' && i + 1 < len && s[i + 1] == '>') other = true;
    if (c == '[') other = true;
    // A unary `*` dereferences; after a name, `)` or `]` it multiplies
    // (or declares a pointer: `struct node *p`).
    if (c == '*' && !(prev == 'x' || prev == '0' || prev == ')' || prev == ']')) other = true;
    if (c == '.' && (prev == 'x' || prev == ')' || prev == ']') && i + 1 < len && ident_start(s[i + 1]))
      other = true;
    if (c != ' ' && c != '\t') prev = c;
    i++;
  }
  return other;
}

}  // namespace

LineAtomics scan_line(const char* line, usize len) {
  LineAtomics out;
  out.other_memory = walk(line, len, [&](Call kind, const char*, usize) {
    if (kind == Call::kLoad) out.loads++;
    if (kind == Call::kStore) out.stores++;
  });
  return out;
}

bool names_atomic_object(const char* line, usize len, const char* symbol, bool store) {
  // A static variable's symbol carries a suffix: `flag.0`.
  usize n = 0;
  while (symbol[n] && symbol[n] != '.') n++;
  if (n == 0) return false;
  bool named = false;
  walk(line, len, [&](Call kind, const char* arg, usize arg_len) {
    if (kind != (store ? Call::kStore : Call::kLoad)) return;
    usize i = 0;
    while (i < arg_len && (arg[i] == ' ' || arg[i] == '\t' || arg[i] == '&' || arg[i] == '(')) i++;
    usize b = i;
    while (i < arg_len && ident_char(arg[i])) i++;
    if (i - b != n) return;
    for (usize k = 0; k < n; k++)
      if (arg[b + k] != symbol[k]) return;
    named = true;
  });
  return named;
}

}  // namespace rm
