#!/usr/bin/env bash
# Builds a synthetic archive from the corpus and measures the release binary:
# MB/s, files/s and peak RSS, next to a bare `wc -l` over the same files.
# Usage: scripts/bench.sh [WORKDIR]   (default: a temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work/archive"
cargo build --release --quiet
bin=target/release/conclint
corpus=(tests/corpus/*.txt)

# ≈100 MB in 3,000 files: each file one corpus document (22–64 KB).
if [ ! -f "$work/.built" ]; then
  i=0
  while [ $i -lt 3000 ]; do
    src=${corpus[$((i % ${#corpus[@]}))]}
    cp "$src" "$work/archive/doc-$i.txt"
    i=$((i + 1))
  done
  # One 100 MB file, one 10 MB file, one 1 MB single line.
  python3 - "$work" <<'PY'
import sys, glob
work = sys.argv[1]
text = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("tests/corpus/*.txt")))
def fill(path, size):
    with open(path, "w", encoding="utf-8") as f:
        n = 0
        while n < size:
            f.write(text); n += len(text.encode())
fill(f"{work}/big-100mb.txt", 100_000_000)
fill(f"{work}/big-10mb.txt", 10_000_000)
line = ("UZSVER, ka kibertelpa ir svarīga, un AICINA dalībvalstis " * 20000)[:1_000_000]
open(f"{work}/line-1mb.txt", "w", encoding="utf-8").write(line + "\n")
PY
  touch "$work/.built"
fi

measure() { # label, bytes, then the command
  local label=$1 bytes=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
  read -r secs rss < <(tail -n 1 "$work/time")
  python3 -c "
b=$bytes; s=max($secs,1e-9)
print(f'{\"$label\":<34} {b/1e6:8.1f} MB {s:7.2f} s {b/1e6/s:8.1f} MB/s   peak RSS {$rss/1024:7.1f} MB')"
}

arch_bytes=$(du -sb "$work/archive" | cut -f1)
nfiles=$(ls "$work/archive" | wc -l)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; commit $(git rev-parse --short HEAD)"
measure "wc -l archive (floor)" "$arch_bytes" wc -l "$work"/archive/*.txt
measure "lint archive, 1 thread" "$arch_bytes" $bin lint --format json --threads 1 "$work/archive"
measure "lint archive, 2 threads" "$arch_bytes" $bin lint --format json --threads 2 "$work/archive"
measure "lint 10 MB file" 10000000 $bin lint --format json "$work/big-10mb.txt"
measure "lint 100 MB file" 100000000 $bin lint --format json "$work/big-100mb.txt"
measure "lint 1 MB single line" 1000000 $bin lint --format json "$work/line-1mb.txt"
measure "lint one 22 KB document" 22701 $bin lint --format json tests/corpus/lv-6122-15-cyber-diplomacy.txt
echo "archive: $nfiles files"
/usr/bin/time -f "%e" -o "$work/time" $bin lint --format json --threads 2 "$work/archive" > /dev/null 2>&1 || true
python3 -c "print(f'files/s, 2 threads: {$nfiles/max(float(open(\"$work/time\").read().split()[-1]),1e-9):.0f}')"
