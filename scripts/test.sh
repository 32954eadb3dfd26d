#!/usr/bin/env bash
# Install everything the test suite needs, then run it.
# System packages (Debian): chromium + chromium-driver for the browser tests, a Java runtime for
# the W3C HTML validator. They are installed only when missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v /usr/bin/time >/dev/null 2>&1 || need+=(time)
# The full-disk tests build on a small tmpfs in a mount namespace of their own (unshare).
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

python3 -m pip install -q -e '.[test]'
# Every core: the suite's 1,400 tests, most of them building a site, take about two thirds of
# the time on two cores (pytest-xdist; "-n 0" after the script's name runs them in one process).
exec python3 -m pytest -n auto "$@"
