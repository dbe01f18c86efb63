#!/bin/bash
# drb-eval.sh -- precision and recall of racemap, helgrind and drd on the
# DataRaceBench micro-benchmarks (https://github.com/LLNL/dataracebench).
#
#   bench/drb-eval.sh [options] DRB/micro-benchmarks
#     --tool T       racemap, helgrind or drd; repeat it or give a comma
#                    list (default: racemap,helgrind,drd)
#     --threads N    OMP_NUM_THREADS (default 2)
#     --timeout S    seconds per run (default 120)
#     --jobs N       programs run at once (default 1; each valgrind uses
#                    one CPU, so up to the number of CPUs is safe)
#     --out DIR      results directory (default /tmp/drb-results)
#     --only REGEX   only programs whose name matches (grep -E)
#     --cc CC, --cxx CXX   compilers (default gcc, g++)
#     --cflags FLAGS compile flags (default "-g -O1"; DataRaceBench's own
#                    harness uses "-O3 -march=native -g" for Valgrind tools)
#     --report       no build, no run: summarize OUT's results-TOOL.tsv again
#     --host-offload also build and run the programs with target/teams
#                    constructs: without an offload device libgomp runs
#                    them on the host (its fallback), teams one by one
#
# DataRaceBench is not bundled: fetch it once, e.g.
#   git clone https://github.com/LLNL/dataracebench /tmp/dataracebench
#   bench/drb-eval.sh --tool racemap /tmp/dataracebench/micro-benchmarks
# racemap is run with the VALGRIND_LIB of the environment (a build tree's
# vglib/); helgrind and drd use it too when it holds them, else valgrind's
# own.  VALGRIND names the valgrind launcher (default: valgrind).  The
# racemap tool and preload of VALGRIND_LIB are first copied to OUT/vglib.PID
# (the rest symlinked), so a rebuild during the run does not mix builds;
# OUT/binary-TOOL.txt names the binary and its md5.
# Results vary by a few programs from run to run: racemap orders threads
# through atomics as observed, and a loaded machine hits the timeout.
#
# Every DRBnnn-*-yes.c{,pp} has a race, every *-no.c{,pp} is race-free.
# Skipped (reason in OUT/build.tsv): Fortran, programs using target/teams
# offload (unless --host-offload), programs that do not build.  Built with
#   gcc -fopenmp -g -O1 PROG.c -lm
# (g++ for .cpp; PolyBench kernels also get utilities/polybench.c, as in
# DataRaceBench's own scripts/test-harness.sh).  Each is run once, without
# arguments, under `timeout`.
#
# Verdicts: a tool reports a program when its ERROR SUMMARY is above 0
# (racemap: some "Possible data race" is printed).  A run that timed out
# or crashed (valgrind internal error) without a report has no verdict and
# is listed apart, outside TP/FP/TN/FN (also a tool that failed to start:
# a run is retried for a minute while a build tree's tool is relinked).
#
# Output, in OUT:
#   build.tsv              program, expected, built|skipped, reason
#   results-TOOL.tsv       program, expected, tool, verdict (race|none|
#                          timeout|crash), errors, seconds, status (ok,
#                          exit N, signal N, timeout, crash), user_reports
#                          (race reports in which the top frame of either
#                          access is in the program's own source file),
#                          the first report's top two frames
#   summary-TOOL.txt       TP FP TN FN precision recall, the false
#                          positives/negatives and the runs without verdict;
#                          also the same counts judging only user_reports.
#   logs/TOOL/PROG.log     the tool's output
# The summaries are printed at the end.
set -u
# The whole script is one block, read before it runs: an edit of this file
# during a long run cannot change what the run executes.
{
here=$(cd "$(dirname "$0")" && pwd)
tools=()
threads=2
tmo=120
jobs=1
out=/tmp/drb-results
only=
report_only=
host_offload=
CC=${CC:-gcc}
CXX=${CXX:-g++}
usage() { sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case $1 in
    --tool|-t) IFS=, read -r -a more <<<"$2"; tools+=("${more[@]}"); shift 2 ;;
    --tool=*) IFS=, read -r -a more <<<"${1#*=}"; tools+=("${more[@]}"); shift ;;
    --threads) threads=$2; shift 2 ;;
    --threads=*) threads=${1#*=}; shift ;;
    --timeout) tmo=$2; shift 2 ;;
    --timeout=*) tmo=${1#*=}; shift ;;
    --jobs|-j) jobs=$2; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    -j[0-9]*) jobs=${1#-j}; shift ;;
    --out|-o) out=$2; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    --only) only=$2; shift 2 ;;
    --only=*) only=${1#*=}; shift ;;
    --cc) CC=$2; shift 2 ;;
    --cflags) CFLAGS_DRB=$2; shift 2 ;;
    --report) report_only=1; shift ;;
    --host-offload) host_offload=1; shift ;;
    --cxx) CXX=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) echo "drb-eval.sh: unknown option $1" >&2; usage 2 >&2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || usage 2 >&2
drb=$(cd "$1" && pwd) || exit 2
[ ${#tools[@]} -gt 0 ] || tools=(racemap helgrind drd)
for t in "${tools[@]}"; do
  case $t in racemap|helgrind|drd) ;; *) echo "drb-eval.sh: unknown tool $t" >&2; exit 2 ;; esac
done
ls "$drb"/DRB*-*.c >/dev/null 2>&1 || { echo "drb-eval.sh: no DRB*.c in $drb" >&2; exit 2; }
mkdir -p "$out/bin"
export VALGRIND=${VALGRIND:-valgrind}
if [ -z "$report_only" ] && [ -n "${VALGRIND_LIB:-}" ] && [ -e "$VALGRIND_LIB/racemap-amd64-linux" ] &&
   [[ " ${tools[*]} " == *" racemap "* ]]; then
  snap_from=$VALGRIND_LIB
  snap=$out/vglib.$$
  mkdir -p "$snap"
  for f in "$VALGRIND_LIB"/*; do
    case ${f##*/} in
      racemap-*|vgpreload_racemap-*) cp -L "$f" "$snap/" ;;
      *) ln -s "$(readlink -f "$f")" "$snap/${f##*/}" ;;
    esac
  done
  trap 'rm -rf "$snap"' EXIT
  export VALGRIND_LIB=$snap
fi

# ---- build (once per OUT; a lock lets concurrent invocations share it)
expected() { case $1 in *-yes) echo yes ;; *-no) echo no ;; *) echo '?' ;; esac; }
build_all() {
  local f name ext cc extra reason
  : >"$out/build.tsv.new"
  for f in "$drb"/DRB*; do
    name=$(basename "$f")
    ext=${name##*.}
    name=${name%.*}
    if [ -n "$only" ] && ! grep -Eq -- "$only" <<<"$name"; then continue; fi
    case $ext in
      c) cc=$CC ;;
      cpp|cc|cxx) cc=$CXX ;;
      f|F|f90|F90|f95|F95|f03|f08) printf '%s\t%s\tskipped\tFortran\n' "$name" "$(expected "$name")" >>"$out/build.tsv.new"; continue ;;
      *) continue ;;
    esac
    if [ -z "$host_offload" ] && grep -Eq '#[[:space:]]*pragma[[:space:]]+omp[[:space:]]+(target|declare[[:space:]]+target|teams)|omp_target_|omp_get_num_devices' "$f"; then
      printf '%s\t%s\tskipped\ttarget/teams offload\n' "$name" "$(expected "$name")" >>"$out/build.tsv.new"
      continue
    fi
    extra=()
    if grep -q PolyBench "$f"; then
      extra=("$drb/utilities/polybench.c" -I"$drb" -I"$drb/utilities" -DPOLYBENCH_NO_FLUSH_CACHE -DPOLYBENCH_TIME -D_POSIX_C_SOURCE=200112L)
    fi
    if [ "$out/bin/$name" -nt "$f" ] || $cc -fopenmp ${CFLAGS_DRB:--g -O1} -w "$f" "${extra[@]}" -o "$out/bin/$name" -lm >"$out/bin/$name.build.log" 2>&1; then
      printf '%s\t%s\tbuilt\t\n' "$name" "$(expected "$name")" >>"$out/build.tsv.new"
    else
      reason=$(grep -m1 -E 'error|undefined reference' "$out/bin/$name.build.log" | sed "s|$drb/||; s/\t/ /g")
      printf '%s\t%s\tskipped\tdoes not build: %s\n' "$name" "$(expected "$name")" "${reason:-see $out/bin/$name.build.log}" >>"$out/build.tsv.new"
    fi
  done
  mv "$out/build.tsv.new" "$out/build.tsv"
}
[ -n "$report_only" ] || (flock 9; build_all) 9>"$out/.build.lock"
nbuilt=$(awk -F'\t' '$3 == "built"' "$out/build.tsv" | wc -l)
echo "built $nbuilt programs, skipped $(awk -F'\t' '$3 == "skipped"' "$out/build.tsv" | wc -l) (see $out/build.tsv)"

# ---- run one program under one tool; prints its TSV row
run_one() {  # tool name expected
  local tool=$1 name=$2 exp=$3 log t0 t1 rc status errors verdict user frames src
  log=$out/logs/$tool/$name.log
  src=$(cd "$drb" && ls "$name".c* 2>/dev/null | head -1)
  local -a env=(env)
  if [ "$tool" != racemap ] && [ -n "${VALGRIND_LIB:-}" ] && ! [ -e "$VALGRIND_LIB/$tool-amd64-linux" ]; then
    env+=(-u VALGRIND_LIB)
  fi
  env+=(OMP_NUM_THREADS="$threads")
  local try
  for try in 1 2 3 4 5 6; do  # a tool being relinked fails to start: wait, retry
    t0=$(date +%s.%N)
    (cd "$out/bin" && timeout -k 10 "$tmo" "${env[@]}" "$VALGRIND" --tool="$tool" "./$name" >/dev/null 2>"$log")
    rc=$?
    t1=$(date +%s.%N)
    grep -q '^valgrind: failed to start tool' "$log" || break
    sleep 10
  done
  if grep -q '^valgrind: failed to start tool' "$log"; then
    status=crash
  elif [ $rc = 124 ] || [ $rc = 137 ]; then
    status=timeout
  elif grep -qE "the 'impossible' happened|internal check failed|Valgrind's memory management: out of memory|VALGRIND INTERNAL ERROR|^[a-z]+: [^ ]+\.c:[0-9]+ \(.*\): Assertion" "$log"; then
    status=crash
  elif grep -q 'Process terminating with default action of signal' "$log"; then
    status="signal $(sed -n 's/.*default action of signal \([0-9]*\).*/\1/p' "$log" | head -1)"
  elif [ $rc != 0 ]; then
    status="exit $rc"
  else
    status=ok
  fi
  # Each report as one line: headline then its stack lines.
  local pat='Possible data race'
  [ "$tool" = drd ] && pat='Conflicting (load|store)'
  local blocks
  blocks=$(awk -v pat="$pat" '
      $0 ~ pat {if (inb) print b; b = $0; inb = 1; next}
      /^==[0-9]+== (---|ERROR SUMMARY)/ || (/^==[0-9]+== [A-Z]/ && !/^==[0-9]+== +(at|by|Address|Block|This|Location|Other|Allocation|Locks|Lock)/) {if (inb) print b; inb = 0; next}
      inb {b = b "\037" $0}
      END {if (inb) print b}' "$log")
  if [ "$tool" = racemap ]; then
    errors=$(grep -c 'Possible data race' "$log")
  else
    errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) error.*/\1/p' "$log" | tail -1)
    [ -n "$errors" ] || errors=$(grep -cE "$pat" "$log")
  fi
  # user_reports: reports where the first frame of some stack is in the program's source.
  user=0
  if [ -n "$blocks" ]; then
    user=$(awk -v f="($src:" 'BEGIN {RS = "\n"; FS = "\037"}
      {hit = 0; first = 1
       for (i = 2; i <= NF; i++) {
         if ($i ~ /^==[0-9]+== +at /) { if (index($i, f)) hit = 1 }
       }
       n += hit}
      END {print n + 0}' <<<"$blocks")
  fi
  frames=$(head -1 <<<"$blocks" | tr '\037' '\n' | grep -E '^==[0-9]+== +(at|by) ' | head -2 |
    sed -E 's/^==[0-9]+== +(at|by) 0x[0-9A-Fa-f]+: //' | paste -sd'|' | tr '\t' ' ')
  if [ "$errors" -gt 0 ]; then verdict=race
  elif [ "$status" = timeout ] || [ "$status" = crash ]; then verdict=$status
  else verdict=none
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\t%s\n' "$name" "$exp" "$tool" "$verdict" "$errors" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" "$status" "$user" "$frames"
}
export -f run_one
export out drb threads tmo

summarize() {  # tool
  local tool=$1 f=$out/results-$1.tsv
  awk -F'\t' -v tool="$tool" -v nb="$nbuilt" -v thr="$threads" '
    function pr(v) { return v == "" ? "n/a" : sprintf("%.3f", v) }
    NR == 1 {next}
    {n++; e = $2; v = $4; u = ($8 > 0) ? "race" : (v == "race" ? "none" : v)
     if (v == "race" && e == "yes") tp++; else if (v == "race" && e == "no") {fp++; fpl = fpl "  " $1 "\t" $9 "\n"}
     else if (v == "none" && e == "no") tn++; else if (v == "none" && e == "yes") {fn++; fnl = fnl "  " $1 "\n"}
     else {unk++; ul = ul "  " $1 " (" e ", " $7 ")\n"}
     if (u == "race" && e == "yes") utp++; else if (u == "race" && e == "no") ufp++
     else if (u == "none" && e == "no") utn++; else if (u == "none" && e == "yes") ufn++
     if ($7 != "ok") odd = odd "  " $1 " (" $7 ", verdict " v ")\n"
     secs += $6}
    END {
      printf "%s on DataRaceBench: %d programs run, OMP_NUM_THREADS=%s, %.0f s in all\n", tool, n, thr, secs
      printf "  TP %d  FP %d  TN %d  FN %d  no verdict %d\n", tp, fp, tn, fn, unk
      printf "  precision %s  recall %s\n", pr(tp + fp ? tp / (tp + fp) : ""), pr(tp + fn ? tp / (tp + fn) : "")
      printf "  counting only reports whose access is in the program source (user_reports):\n"
      printf "  TP %d  FP %d  TN %d  FN %d  precision %s  recall %s\n", utp, ufp, utn, ufn,
        pr(utp + ufp ? utp / (utp + ufp) : ""), pr(utp + ufn ? utp / (utp + ufn) : "")
      printf "false positives (first report top frames):\n%s", fpl
      printf "false negatives:\n%s", fnl
      printf "timed out / crashed without a report:\n%s", ul
      if (odd != "") printf "runs that timed out, crashed, died of a signal or exited non-zero:\n%s", odd
    }' "$f"
}

hdr='program\texpected\ttool\tverdict\terrors\tseconds\tstatus\tuser_reports\tfirst_report_frames\n'
for tool in "${tools[@]}"; do
  if [ -z "$report_only" ]; then
  mkdir -p "$out/logs/$tool"
  if [ -n "${VALGRIND_LIB:-}" ] && [ -e "$VALGRIND_LIB/$tool-amd64-linux" ]; then
    echo "tool binary: $(readlink -f "$VALGRIND_LIB/$tool-amd64-linux" | sed "s|^$out/vglib\.[0-9]*|copy of ${snap_from:-?}|"), md5 $(md5sum <"$VALGRIND_LIB/$tool-amd64-linux" | cut -c1-12) at start, $(date '+%F %T')" >"$out/binary-$tool.txt"
  else
    echo "tool binary: valgrind's own $tool, $(valgrind --version), $(date '+%F %T')" >"$out/binary-$tool.txt"
  fi
  echo "running $tool on $nbuilt programs (-j$jobs, timeout ${tmo}s, OMP_NUM_THREADS=$threads) ..."
  {
    printf "$hdr"
    awk -F'\t' '$3 == "built" {print $1 "\t" $2}' "$out/build.tsv" |
      xargs -P "$jobs" -L1 bash -c 'run_one "$0" "$1" "$2"' "$tool" | sort
  } >"$out/results-$tool.tsv.new"
  mv "$out/results-$tool.tsv.new" "$out/results-$tool.tsv"
  fi
  [ -f "$out/results-$tool.tsv" ] || { echo "drb-eval.sh: no $out/results-$tool.tsv" >&2; continue; }
  summarize "$tool" >"$out/summary-$tool.txt"
  cat "$out/binary-$tool.txt" >>"$out/summary-$tool.txt" 2>/dev/null
  {
    echo "skipped:"
    awk -F'\t' '$3 == "skipped" {sub(/:.*/, "", $4); c[$4]++} END {for (r in c) printf "  %d %s\n", c[r], r}' "$out/build.tsv"
  } >>"$out/summary-$tool.txt"
done
for tool in "${tools[@]}"; do
  [ -f "$out/summary-$tool.txt" ] && { cat "$out/summary-$tool.txt"; echo; }
done
exit 0
}
