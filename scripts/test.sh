#!/usr/bin/env bash
# Runs every tq test: builds, then unit, golden, corpus and command-line tests (Swift Testing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" libedit-dev tmux
swift build --build-tests
export TQ_BIN="$root/.build/debug/tq"
# The tests' scratch files (homes, snapshots, FIFOs) go to a folder of this run, removed after.
TMPDIR="$(mktemp -d)"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
swift test --skip-build --disable-xctest
