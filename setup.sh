#!/usr/bin/env bash
# quotient's two set-up commands (see README.md):
#   bash setup.sh demo   install what is missing, build, analyze data/samples/*.txt
#   bash setup.sh test   install what is missing, build, run the whole test suite
# Environment: BUILD_DIR (default build), BUILD_TYPE (default Release),
# JOBS (default: all cores), CTEST_ARGS (extra ctest arguments), CMAKE_ARGS
# (extra configure arguments, e.g. -DQUOTIENT_SANITIZE=ON).
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ pkg-config
          libboost-dev libboost-test-dev libboost-program-options-dev
          libeigen3-dev libprotobuf-dev protobuf-compiler
          zlib1g-dev libzstd-dev libsqlite3-dev libpq-dev
          libbenchmark-dev)  # tests/bench/micro (optional: built when found)

install_missing() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local dir=${BUILD_DIR:-build}
  # shellcheck disable=SC2086
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" ${CMAKE_ARGS:-} >/dev/null
  cmake --build "$dir" -j"${JOBS:-$(nproc)}"
}

case "${1:-}" in
  demo)
    install_missing
    build
    "${BUILD_DIR:-build}/quotient" analyze -f table data/samples/*.txt
    ;;
  test)
    install_missing
    build
    # shellcheck disable=SC2086
    ctest --test-dir "${BUILD_DIR:-build}" -j"${JOBS:-$(nproc)}" --output-on-failure ${CTEST_ARGS:-}
    ;;
  *)
    echo "usage: bash setup.sh demo|test" >&2
    exit 2
    ;;
esac
