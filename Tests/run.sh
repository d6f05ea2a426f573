#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: the style check (swift format lint), the Swift tests (unit, store, ledger and
# end-to-end through the binary), then the fuzz targets for a bounded time each, then the fast
# subset of the mutation check. Exits non-zero when any part fails.
#   FUZZ_SECONDS=30   seconds per fuzz target (5 targets)
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive Sources Tests Package.swift
swift test
Tests/Fuzz/run.sh "${FUZZ_SECONDS:-30}"
scripts/mutation-check.py --fast
