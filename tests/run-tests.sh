#!/bin/bash
# run-tests.sh -- racemap's test runner (make check).
#
#   unit        the engine's GoogleTest binaries ($UNIT_TESTS)
#   regress     every tests/regress/*_racy.* and *_ok.* program (and the
#               bundled examples/), built with
#               -O1 -g -pthread and run under racemap:
#                 *_racy: some report names every line marked "// RACE"
#                         (a line marked once must appear as both accesses)
#                 *_ok:   no report at all
#               and, where NAME.stderr.exp exists, the filtered output
#               must equal it (tests/filter-output.sh).  The .rs ones are
#               built with ${RUSTC:-rustc} --edition 2021 -g -C opt-level=1
#               (std only; 1.70 or later); without a rustc they fail.
#   cli         Valgrind conventions: options, exit codes, suppressions,
#               XML, log files (tests/cli-tests.sh).
# A program may carry lines "// CFLAGS: ...", "// LDFLAGS: ...",
# "// RUSTFLAGS: ..." (.rs) and "// VGOPTS: ..." (extra options for
# valgrind), "// EXIT: N" (the exit status expected under valgrind, 0 by
# default) and "// REPORTS: N" (the exact number of race reports).
# Ends with "N passed, N failed".  Runs from the build directory; $1 is
# the tests/ source directory.  REGRESS_ONLY=pattern limits the programs.
set -u
src=$(cd "${1:-$(dirname "$0")}" && pwd)
out=$PWD/tests/regress-out
mkdir -p "$out"
VALGRIND=${VALGRIND:-valgrind}
export VALGRIND_LIB
passed=0
failed=0
failures=()

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  failures+=("$1")
  echo "FAIL: $1${2:+: $2}"
}

# ---- unit tests
for t in ${UNIT_TESTS:-}; do
  log=$out/$(basename "$t").log
  if ./"$t" >"$log" 2>&1; then r=0; else r=1; fi
  np=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
  nf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
  passed=$((passed + ${np:-0}))
  failed=$((failed + ${nf:-0}))
  if [ "$r" != 0 ] && [ -z "$nf" ]; then fail "$t" "crashed (see $log)"; fi
  grep '^\[  FAILED  \] [A-Za-z]' "$log" | sed 's/^/FAIL: unit: /'
  echo "unit: $t: ${np:-0} passed, ${nf:-0} failed"
done

# ---- regression programs
# Prints each race report of a racemap log on one line.
reports() {
  awk '/Possible data race/ {if (inb) print b; b = $0; inb = 1; next}
       /^==[0-9]+== (---|ERROR SUMMARY)/ {if (inb) print b; inb = 0; next}
       inb {b = b " " $0}
       END {if (inb) print b}' "$1"
}

check_racy() {  # name log source
  local name=$1 log=$2 srcf=$3 base line n block all
  base=$(basename "$srcf")
  local lines
  mapfile -t lines < <(grep -n '// RACE' "$srcf" | cut -d: -f1)
  if [ ${#lines[@]} -eq 0 ]; then fail "$name" "no // RACE marker in source"; return; fi
  if ! grep -q "Possible data race" "$log"; then fail "$name" "no race reported"; return; fi
  # Some report must name every marked line (twice if only one is marked:
  # both accesses are on it).
  while IFS= read -r block; do
    all=1
    for line in "${lines[@]}"; do
      n=$(grep -o "($base:$line)" <<<"$block" | wc -l)
      if [ ${#lines[@]} -eq 1 ]; then [ "$n" -ge 2 ] || all=0; else [ "$n" -ge 1 ] || all=0; fi
    done
    if [ $all = 1 ]; then pass; return; fi
  done < <(reports "$log")
  fail "$name" "no report names all racing lines (${lines[*]}) of $base"
}

for srcf in "$src"/regress/*_racy.c "$src"/regress/*_racy.cpp "$src"/regress/*_ok.c \
  "$src"/regress/*_ok.cpp "$src"/regress/*_racy.rs "$src"/regress/*_ok.rs \
  "$src"/../examples/*_racy.cpp "$src"/../examples/*_ok.cpp; do
  [ -f "$srcf" ] || continue
  name=$(basename "${srcf%.*}")
  if [ -n "${REGRESS_ONLY:-}" ] && ! [[ $name == *${REGRESS_ONLY}* ]]; then continue; fi
  exe=$out/$name
  cflags=$(sed -n 's|^// CFLAGS: ||p' "$srcf" | head -1)
  ldflags=$(sed -n 's|^// LDFLAGS: ||p' "$srcf" | head -1)
  rustflags=$(sed -n 's|^// RUSTFLAGS: ||p' "$srcf" | head -1)
  case $srcf in
    *.cpp) cc="${CXX:-g++} -std=c++17" ;;
    *) cc=${CC:-gcc} ;;
  esac
  build=($cc -O1 -g -pthread -I"$src/../include" $cflags)
  if [[ $srcf == *.rs ]]; then
    build=(${RUSTC:-rustc} --edition 2021 -g -C opt-level=1 $rustflags)
    if ! command -v "${build[0]}" >/dev/null; then
      fail "$name" "no Rust compiler '${build[0]}' (apt-get install rustc-web, or set RUSTC)"
      continue
    fi
  fi
  if ! "${build[@]}" "$srcf" -o "$exe" $ldflags 2>"$out/$name.build.log"; then
    fail "$name" "does not build (see $out/$name.build.log)"
    continue
  fi
  log=$out/$name.log
  vgopts=$(sed -n 's|^// VGOPTS: ||p' "$srcf" | head -1)
  (cd "$out" && timeout 300 "$VALGRIND" --tool=racemap $vgopts "./$name" >"$out/$name.stdout" 2>"$log") 2>/dev/null
  rc=$?
  if grep -qE "the 'impossible' happened|internal check failed|Valgrind's memory management: out of memory" "$log"; then
    fail "$name" "racemap crashed (see $log)"
    continue
  fi
  want=$(sed -n 's|^// EXIT: ||p' "$srcf" | head -1)
  if [ "$rc" != "${want:-0}" ]; then
    fail "$name" "exit status $rc under racemap, expected ${want:-0} (see $log)"
    continue
  fi
  reports_want=$(sed -n 's|^// REPORTS: ||p' "$srcf" | head -1)
  if [ -n "$reports_want" ]; then
    n=$(grep -c "Possible data race" "$log")
    if [ "$n" = "$reports_want" ]; then pass; else fail "$name" "$n reports, expected $reports_want"; fi
  fi
  case $name in
    *_racy) check_racy "$name" "$log" "$srcf" ;;
    *_ok)
      if grep -q "Possible data race" "$log"; then
        fail "$name" "false report: $(grep -m1 -A2 'Possible data race' "$log" | tr -s ' ' | tr '\n' ' ')"
      else
        pass
      fi
      ;;
  esac
  exp="${srcf%.*}.stderr.exp"
  if [ -f "$exp" ]; then
    "$src/filter-output.sh" <"$log" >"$out/$name.stderr.out"
    if diff -u "$exp" "$out/$name.stderr.out" >"$out/$name.stderr.diff"; then
      pass
    else
      fail "$name.stderr.exp" "output differs (see $out/$name.stderr.diff)"
    fi
  fi
done

# ---- command line conventions
if [ -z "${REGRESS_ONLY:-}" ] && [ -f "$src/cli-tests.sh" ]; then
  . "$src/cli-tests.sh"
fi

if [ $failed -gt 0 ]; then
  echo
  echo "failed:"
  printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
