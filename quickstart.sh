#!/bin/sh
# quickstart.sh -- on a fresh Debian 12 (or Ubuntu) machine: install what
# racemap needs, build it, install it into Valgrind, and run it on the
# bundled example (two threads inserting into one std::unordered_map).
set -eu
cd "$(dirname "$0")"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update
# A rustc for make check's Rust programs (1.70 or later; Debian 12's rustc
# package is 1.63, its rustc-web is recent).
rust=rustc
apt-cache show rustc-web >/dev/null 2>&1 && rust=rustc-web
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  build-essential autoconf automake pkg-config valgrind libgtest-dev libxml2-utils $rust
autoreconf -i
./configure
make -j"$(nproc)"
$SUDO make install
g++ -O1 -g -pthread examples/concurrent_map_racy.cpp -o examples/concurrent_map_racy
valgrind --tool=racemap examples/concurrent_map_racy
