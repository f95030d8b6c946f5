#!/usr/bin/env bash
# The throughput figures of issue #16 in one run, next to `wc -l` over the
# same files: MB/s on one core, the speed-up on two, per-MB cost of a 20 MB
# file against a 2 MB one (lint, parse, classify), peak memory against the
# file, one short document end to end, and the language server's re-analysis.
# Usage: scripts/bench.sh [WORKDIR]   (default: a temporary directory; the
# inputs, about 220 MB, are built there once from the documents in tests/)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
cargo build --release --quiet
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; commit $(git rev-parse --short HEAD)"
python3 scripts/throughput.py target/release/conclint "$work"
