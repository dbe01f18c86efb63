#!/bin/sh
# filter-output.sh -- make racemap's output comparable across runs and
# machines (in the spirit of Valgrind's filter_stderr): pids, addresses,
# line numbers of system sources and library paths become placeholders.
# Frames in the test programs themselves (tests/regress/*) keep their
# file:line, since those are what a report must get right.
exec perl -ne '
  s/^==\d+==/==PID==/;
  s/^--\d+--/--PID--/;
  next if /^==PID== (Copyright|Using Valgrind|Command:|racemap-\d|For lists of|For counts of|Parent PID)/;
  s/0x[0-9A-Fa-f]+/0x......../g;
  s/\(in \/\S*\/([^\/)]+)\)$/(in $1)/;
  s/\(([^():]+):\d+\)$/($1:...)/ unless /\(\w+_(racy|ok)\.(c|cpp):\d+\)$/;
  print;
'
