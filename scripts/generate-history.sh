#!/usr/bin/env bash
# Regenerates Events/history/ from the public list files in ../shared/data (or $1) with the
# project's own commands: a fresh ledger holding the curated notices, every publication imported
# in time order (`sanctions import-history`), then the events after the curated ones written as
# history files (`sanctions export`). A rerun on the same data writes the same bytes.
#
#   scripts/generate-history.sh [DATA_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product sanctions >&2
sanctions=.build/release/sanctions
# The curated notices only: the history is what this script is about to write.
"$sanctions" init --db "$work/ledger.sqlite" --curated-only >&2
"$sanctions" import-history "$data" --sources scripts/history-sources.json --db "$work/ledger.sqlite" >&2
"$sanctions" verify --db "$work/ledger.sqlite" >&2
"$sanctions" export Events/history --snapshots-only --replace --db "$work/ledger.sqlite"
