#!/bin/bash
# run-bench.sh -- CPU time of racemap against its peers, measured side by
# side in one run on this machine: native, --tool=none, racemap, drd,
# helgrind.  Prints user+sys seconds and each tool's ratio to native.
#   bench/run-bench.sh [VALGRIND_LIB of a racemap build]
# Not a test: speed is compared, never asserted.
set -u
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] && export VALGRIND_LIB=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for w in "$here"/workloads/*.c; do
  gcc -O1 -g -pthread "$w" -o "$work/$(basename "${w%.c}")"
done
head -c 4000000 /dev/zero | tr '\0' 'a' >"$work/input"
cpu() {  # prints user+sys seconds of a command
  /usr/bin/time -f "%U %S" -o "$work/t" "$@" >/dev/null 2>&1
  awk '{printf "%.2f", $1 + $2}' "$work/t"
}
printf '%-14s %8s %8s %8s %8s %8s   %s\n' workload native none racemap drd helgrind "racemap/native drd/native helgrind/native"
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
    "$(awk -v n="$n" -v r="$rm" -v d="$drd" -v h="$hg" 'BEGIN { if (n < 0.01) n = 0.01;
       printf "%.0fx %.0fx %.0fx", r / n, d / n, h / n }')"
}
for w in "$here"/workloads/*.c; do
  name=$(basename "${w%.c}")
  run "$name" "$work/$name"
done
if command -v pigz >/dev/null; then run "pigz -p4" pigz -p 4 -c "$work/input"; fi
if command -v xz >/dev/null; then run "xz -T4" xz -T4 -c "$work/input"; fi
