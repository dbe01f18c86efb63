// rm_sources.cpp -- the program's source lines, read once per file.
//
// The instrumenter reads the line of a load or store for the C11 atomic
// operation it may be (rm_source_line.h).  Files are found where the debug
// info says they were compiled; one that cannot be opened (a binary built
// elsewhere) gives no lines, and nothing is inferred from it.
#include "rm_tool.h"

namespace rm {

namespace {

constexpr Int kMaxFiles = 512;
constexpr Long kMaxFileSize = 16 << 20;

struct SourceFile {
  const HChar* name;     // as the debug info gives it (compared by pointer first)
  const HChar* dir;
  HChar* text;           // null: could not be read
  Long size;
  UInt* line_start;      // offsets of lines 1..lines (index 0 unused)
  UInt lines;
};

SourceFile files[kMaxFiles];
Int nfiles;

bool same_name(const HChar* a, const HChar* b) {
  return a == b || (a && b && VG_(strcmp)(a, b) == 0);
}

void load(SourceFile* f) {
  HChar path[4096];
  if (f->name[0] == '/' || !f->dir || !f->dir[0])
    VG_(snprintf)(path, sizeof path, "%s", f->name);
  else
    VG_(snprintf)(path, sizeof path, "%s/%s", f->dir, f->name);
  SysRes r = VG_(open)(path, VKI_O_RDONLY, 0);
  if (sr_isError(r)) return;
  Int fd = Int(sr_Res(r));
  struct vg_stat st;
  if (VG_(fstat)(fd, &st) != 0 || st.size <= 0 || st.size > kMaxFileSize) {
    VG_(close)(fd);
    return;
  }
  HChar* text = static_cast<HChar*>(VG_(malloc)("racemap.source", st.size + 1));
  Long got = 0;
  while (got < Long(st.size)) {
    Int n = VG_(read)(fd, text + got, Int(st.size - got));
    if (n <= 0) break;
    got += n;
  }
  VG_(close)(fd);
  text[got] = '\0';
  UInt lines = 1;
  for (Long i = 0; i < got; i++)
    if (text[i] == '\n') lines++;
  f->line_start = static_cast<UInt*>(VG_(malloc)("racemap.source", (lines + 1) * sizeof(UInt)));
  f->line_start[0] = 0;
  f->line_start[1] = 0;
  UInt k = 1;
  for (Long i = 0; i < got; i++)
    if (text[i] == '\n') f->line_start[++k] = UInt(i + 1);
  f->lines = lines;
  f->text = text;
  f->size = got;
}

SourceFile* add_file(const HChar* name, const HChar* dir) {
  if (nfiles == kMaxFiles) return nullptr;
  SourceFile* f = &files[nfiles++];
  f->name = VG_(strdup)("racemap.source", name);
  f->dir = dir ? VG_(strdup)("racemap.source", dir) : nullptr;
  load(f);
  return f;
}

// The file last found for each of the debug info's name pointers
// (hashed): a program's instructions name few files, over and over.
constexpr UInt kRecentBits = 10;
struct Recent {
  const HChar* name;
  const HChar* dir;
  SourceFile* file;
};
Recent recent[1u << kRecentBits];

SourceFile* file_of(const HChar* name, const HChar* dir) {
  Recent& r = recent[(UWord(name) >> 3) * 0x9E3779B97F4A7C15ull >> (64 - kRecentBits)];
  if (r.name == name && r.dir == dir &&
      (!r.file || (same_name(r.file->name, name) && same_name(r.file->dir, dir))))
    return r.file;  // (null: a file beyond the table's size)
  SourceFile* f = nullptr;
  for (Int i = 0; i < nfiles && !f; i++)
    if (same_name(files[i].name, name) && same_name(files[i].dir, dir)) f = &files[i];
  if (!f) f = add_file(name, dir);
  r = Recent{name, dir, f};
  return f;
}

}  // namespace

Bool source_line(Addr pc, const HChar** text, SizeT* len, const HChar** file, UInt* line) {
  const HChar* name = nullptr;
  const HChar* dir = nullptr;
  UInt n = 0;
  if (!VG_(get_filename_linenum)(VG_(current_DiEpoch)(), pc, &name, &dir, &n) || !name || n == 0)
    return False;
  SourceFile* f = file_of(name, dir);
  if (!f || !f->text || n > f->lines) return False;
  UInt b = f->line_start[n];
  UInt e = n < f->lines ? f->line_start[n + 1] : UInt(f->size);
  while (e > b && (f->text[e - 1] == '\n' || f->text[e - 1] == '\r')) e--;
  *text = f->text + b;
  *len = e - b;
  *file = f->name;
  *line = n;
  return True;
}

}  // namespace rm
