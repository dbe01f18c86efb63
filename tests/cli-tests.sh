# cli-tests.sh -- Valgrind conventions, checked end to end (sourced by
# run-tests.sh, which provides pass, fail, $VALGRIND, $src and $out).

cli=$out/cli
mkdir -p "$cli"
for p in two_races two_places history_lost; do
  ${CC:-gcc} -O1 -g -pthread "$src/cli/$p.c" -o "$cli/$p" || fail "cli: build $p"
done
${CC:-gcc} -O1 -g -pthread "$src/regress/thread_join_ok.c" -o "$cli/clean" || fail "cli: build clean"
${CC:-gcc} -O1 -g -pthread "$src/regress/report_heap_racy.c" -o "$cli/heap_race" || fail "cli: build heap_race"
rm_run() { "$VALGRIND" --tool=racemap "$@"; }

expect() {  # name condition...
  local name=$1
  shift
  if "$@"; then pass; else fail "cli: $name"; fi
}

# Unknown option and bad values: Valgrind's message, exit status 1.
rm_run --no-such-option "$cli/clean" >"$cli/unknown.out" 2>&1
expect "unknown option exits 1" test $? = 1
expect "unknown option message" grep -q "Unknown option: --no-such-option" "$cli/unknown.out"
for bad in --history-size=0 --history-size=abc --max-races=-1 --check-stack-var=maybe \
    --infer-atomics=perhaps --trace-atomics=2 --free-is-write=sometimes; do
  rm_run "$bad" "$cli/clean" >"$cli/bad.out" 2>&1
  rc=$?
  expect "bad value $bad exits 1" test $rc = 1
  expect "bad value $bad message" grep -q "Bad option: $bad" "$cli/bad.out"
done

# --help lists racemap's options, one line each.
rm_run --help >"$cli/help.out" 2>&1
for o in --check-stack-var --history-size --max-races --free-is-write; do
  expect "--help lists $o" grep -q -- "^ *$o=" "$cli/help.out"
done

# --error-exitcode: set on a race, not on a clean run.
rm_run -q --error-exitcode=42 "$cli/two_races" 2>/dev/null
expect "--error-exitcode on a race" test $? = 42
rm_run -q --error-exitcode=42 "$cli/clean" 2>/dev/null
expect "--error-exitcode on a clean run" test $? = 0

# -q: a clean run prints nothing.
rm_run -q "$cli/clean" >"$cli/quiet.out" 2>&1
expect "-q prints nothing on a clean run" test ! -s "$cli/quiet.out"

# One report per pair of code locations; --max-races caps them.
rm_run "$cli/two_races" 2>"$cli/two.out"
expect "two distinct races, two reports" test "$(grep -c 'Possible data race' "$cli/two.out")" = 2
rm_run --max-races=1 "$cli/two_races" 2>"$cli/max.out"
expect "--max-races=1 reports one" test "$(grep -c 'Possible data race' "$cli/max.out")" = 1

# --log-file, and an unwritable one.
rm -f "$cli"/log.*
rm_run --log-file="$cli/log.%p" "$cli/two_races" 2>/dev/null
expect "--log-file gets the reports" grep -q "Possible data race" "$cli"/log.*
rm_run --log-file=/nonexistent-dir/log "$cli/clean" >"$cli/badlog.out" 2>&1
rc=$?
expect "unwritable --log-file fails" test $rc != 0
expect "unwritable --log-file says why" grep -q "Cannot create log file" "$cli/badlog.out"

# --gen-suppressions and --suppressions, round trip.
rm_run --gen-suppressions=all "$cli/two_races" 2>"$cli/gen.out"
awk '/^{/ {p=1} p && !/^==/ {print} /^}/ {p=0}' "$cli/gen.out" >"$cli/gen.supp"
expect "--gen-suppressions writes racemap:Race" grep -q "^   racemap:Race" "$cli/gen.supp"
rm_run --suppressions="$cli/gen.supp" "$cli/two_races" 2>"$cli/supp.out"
expect "generated suppressions suppress" grep -q "ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 2 from 2)" "$cli/supp.out"

# Suppressed races do not count towards --max-races.
printf '{\n   first\n   racemap:Race\n   fun:first_place\n}\n' >"$cli/first.supp"
rm_run --max-races=1 --suppressions="$cli/first.supp" "$cli/two_places" 2>"$cli/maxsupp.out"
expect "a suppressed race leaves room under --max-races" grep -q "second_place (two_places.c:6)" "$cli/maxsupp.out"

# A malformed suppression file: a clear error, exit 1, no crash.
printf '{\n  broken\n  racemap:Race\n  fun:worker\n' >"$cli/bad.supp"
rm_run --suppressions="$cli/bad.supp" "$cli/clean" >"$cli/badsupp.out" 2>&1
rc=$?
expect "malformed suppressions exit 1" test $rc = 1
expect "malformed suppressions message" grep -q "FATAL: in suppressions file" "$cli/badsupp.out"
printf '{\n  wrongkind\n  racemap:NoSuchKind\n  fun:worker\n}\n' >"$cli/kind.supp"
rm_run --suppressions="$cli/kind.supp" "$cli/clean" >"$cli/kind.out" 2>&1
rc=$?
expect "unknown suppression kind exits 1" test $rc = 1

# --xml=yes: well-formed protocol 4 with both accesses and their stacks.
rm_run --xml=yes --xml-file="$cli/races.xml" "$cli/two_races" 2>/dev/null
if command -v xmllint >/dev/null; then
  expect "--xml=yes is well-formed" xmllint --noout "$cli/races.xml"
fi
expect "xml protocol 4" grep -q "<protocolversion>4</protocolversion>" "$cli/races.xml"
expect "xml Race errors" test "$(grep -c '<kind>Race</kind>' "$cli/races.xml")" = 2
expect "xml previous access" grep -q "<prev_access>" "$cli/races.xml"
expect "xml two stacks per race" test "$(grep -c '<stack>' "$cli/races.xml")" -ge 4

expect "xml location of a global" grep -q "<kind>global</kind>" "$cli/races.xml"
expect "xml history available" grep -q "<history>available</history>" "$cli/races.xml"
rm_run --xml=yes --xml-file="$cli/heap.xml" "$cli/heap_race" 2>/dev/null
expect "xml location of a heap block" grep -q "<blocksize>128</blocksize>" "$cli/heap.xml"

# The earlier access's stack recycled out of a small history.
rm_run --history-size=1 "$cli/history_lost" 2>"$cli/lost.out"
expect "recycled history is said plainly" grep -q "no longer in thread #2's history" "$cli/lost.out"
rm_run --history-size=1 --xml=yes --xml-file="$cli/lost.xml" "$cli/history_lost" 2>/dev/null
expect "xml history lost" grep -q "<history>lost</history>" "$cli/lost.xml"
rm_run "$cli/history_lost" 2>"$cli/kept.out"
expect "default history keeps the stack" grep -q "worker (history_lost.c:10)" "$cli/kept.out"

# --check-stack-var=no hides races on stack variables.
${CC:-gcc} -O1 -g -pthread "$src/regress/stack_var_racy.c" -o "$cli/stack_var" &&
  rm_run --check-stack-var=no "$cli/stack_var" 2>"$cli/stack.out"
expect "--check-stack-var=no" grep -q "ERROR SUMMARY: 0 errors" "$cli/stack.out"

# --free-is-write=no: a free is no access (Helgrind's default).
${CC:-gcc} -O1 -g -pthread "$src/regress/heap_free_racy.c" -o "$cli/heap_free" &&
  rm_run --free-is-write=no "$cli/heap_free" 2>"$cli/free.out"
expect "--free-is-write=no" grep -q "ERROR SUMMARY: 0 errors" "$cli/free.out"
rm_run "$cli/heap_free" 2>"$cli/free_yes.out"
expect "free is a write by default" grep -q "by 0x[0-9A-F]*: main (heap_free_racy.c:19)" "$cli/free_yes.out"
