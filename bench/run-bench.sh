#!/bin/bash
# run-bench.sh -- CPU time of racemap against its peers, measured side by
# side in one run on this machine: native, --tool=none, racemap, drd,
# helgrind.  Prints user+sys seconds, each tool's ratio to native, and
# racemap's to --tool=none and to drd.
#   bench/run-bench.sh [VALGRIND_LIB of a racemap build]
# RUNS=N runs every command N times and keeps the least CPU time (for a
# loaded machine; default 1).  A run that exits non-zero (a tool that
# failed to start, a workload whose self-check failed) is retried, up to
# N more times, and never counted; "fail" if no run succeeded.
# Not a test: speed is compared, never asserted.
set -u
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] && export VALGRIND_LIB=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for w in "$here"/workloads/*.c; do
  # shellcheck disable=SC2046  # a workload's "// CFLAGS:" line: words
  gcc -O1 -g -pthread $(sed -n 's|^// CFLAGS: ||p' "$w") "$w" -o "$work/$(basename "${w%.c}")"
done
head -c 4000000 /dev/zero | tr '\0' 'a' >"$work/input"
runs=${RUNS:-1}
cpu() {  # prints the least user+sys seconds of $runs successful runs
  local ok=0 tries=0 best=
  while [ $ok -lt "$runs" ] && [ $tries -lt $((2 * runs)) ]; do
    tries=$((tries + 1))
    /usr/bin/time -f "%U %S" -o "$work/t" "$@" >/dev/null 2>&1 || continue
    ok=$((ok + 1))
    best=$(awk -v b="$best" 'END {t = $1 + $2; if (b == "" || t < b) b = t; printf "%.2f", b}' "$work/t")
  done
  echo "${best:-fail}"
}
printf '%-14s %8s %8s %8s %8s %8s   %s\n' workload native none racemap drd helgrind "racemap/native drd/native helgrind/native racemap/none racemap/drd"
run() {  # name command...
  local name=$1
  shift
  local n none rm drd hg
  n=$(cpu "$@")
  none=$(cpu valgrind --tool=none "$@")
  rm=$(cpu valgrind --tool=racemap "$@")
  drd=$(cpu valgrind --tool=drd "$@")
  hg=$(cpu valgrind --tool=helgrind "$@")
  printf '%-14s %8s %8s %8s %8s %8s   %s\n' "$name" "$n" "$none" "$rm" "$drd" "$hg" \
    "$(awk -v n="$n" -v o="$none" -v r="$rm" -v d="$drd" -v h="$hg" 'BEGIN { n += 0; if (n < 0.01) n = 0.01;
       o += 0; d += 0; if (o < 0.01) o = 0.01; if (d < 0.01) d = 0.01;
       printf "%.0fx %.0fx %.0fx %.1fx %.2fx", r / n, d / n, h / n, r / o, r / d }')"
}
for w in "$here"/workloads/*.c; do
  name=$(basename "${w%.c}")
  run "$name" "$work/$name"
done
if command -v pigz >/dev/null; then run "pigz -p4" pigz -p 4 -c "$work/input"; fi
if command -v xz >/dev/null; then run "xz -T4" xz -T4 -c "$work/input"; fi
