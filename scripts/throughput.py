#!/usr/bin/env python3
"""The throughput figures of issue #16, measured in one run against `wc -l`.

Usage: scripts/throughput.py BIN WORKDIR   (scripts/bench.sh calls it)

Inputs, built once in WORKDIR from the real documents under tests/:
  archive/   about 50 MB: every corpus and EUR-Lex document, copied as
             separate files until the folder holds 50 MB
  big-2mb.txt, big-20mb.txt, big-100mb.txt: the documents concatenated
  one-document: tests/corpus/lv-2022-cyber-posture.txt (35 KB)

Prints each figure next to its goal. Times are the best of RUNS runs
(wall clock, as /usr/bin/time gives it); memory is the peak resident set.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import time

RUNS = 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = sorted(
    glob.glob(os.path.join(ROOT, "tests/corpus/*.txt"))
    + glob.glob(os.path.join(ROOT, "tests/eurlex/*.txt"))
)
ONE = os.path.join(ROOT, "tests/corpus/lv-2022-cyber-posture.txt")


def build(work):
    if os.path.exists(os.path.join(work, ".built")):
        return
    archive = os.path.join(work, "archive")
    os.makedirs(archive, exist_ok=True)
    total, i = 0, 0
    while total < 50_000_000:
        src = DOCS[i % len(DOCS)]
        shutil.copyfile(src, os.path.join(archive, f"doc-{i:05}.txt"))
        total += os.path.getsize(src)
        i += 1
    text = "".join(open(p, encoding="utf-8").read() for p in DOCS)
    for name, size in [("big-2mb", 2_000_000), ("big-20mb", 20_000_000), ("big-100mb", 100_000_000)]:
        with open(os.path.join(work, f"{name}.txt"), "w", encoding="utf-8") as f:
            n = 0
            while n < size:
                f.write(text)
                n += len(text.encode())
    open(os.path.join(work, ".built"), "w").close()


def measure(cmd, work):
    """Best wall time (s) and largest peak RSS (MB) over RUNS runs."""
    best, rss = float("inf"), 0.0
    for _ in range(RUNS):
        out = os.path.join(work, "time")
        subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", "-o", out] + cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        secs, kb = open(out).read().split()[-2:]
        best = min(best, float(secs))
        rss = max(rss, int(kb) / 1024)
    return max(best, 1e-3), rss


def per_run_ms(cmd, n=30):
    """Median wall time of one short process, in milliseconds."""
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2]


def lsp_reanalysis_ms(bin_path, n=40):
    """Median time from a full-text didChange to its publishDiagnostics."""
    text = open(ONE, encoding="utf-8").read()
    p = subprocess.Popen([bin_path, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(msg):
        body = json.dumps(msg).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()

    def recv():
        length = 0
        while True:
            line = p.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(p.stdout.read(length))

    def diagnostics_for(version):
        while True:
            m = recv()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
                return

    uri = "file:///tmp/conclint-bench/doc.txt"
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "capabilities": {}, "initializationOptions": {"debounceMs": 0}}})
    while recv().get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    diagnostics_for(1)
    times = []
    for v in range(2, n + 2):
        edited = text + ("\n" if v % 2 else "")
        t = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": edited}]}})
        diagnostics_for(v)
        times.append((time.perf_counter() - t) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait(timeout=10)
    times.sort()
    return times[len(times) // 2]


def main():
    bin_path, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    build(work)
    archive = os.path.join(work, "archive")
    files = sorted(glob.glob(os.path.join(archive, "*.txt")))
    arch_mb = sum(os.path.getsize(f) for f in files) / 1e6
    big = {k: os.path.join(work, f"big-{k}mb.txt") for k in (2, 20, 100)}
    rows = []

    def row(what, value, goal, ok):
        rows.append((what, value, goal, "yes" if ok else "no"))

    wc, _ = measure(["wc", "-l"] + files, work)
    one, one_rss = measure([bin_path, "lint", "--format", "json", "--threads", "1", archive], work)
    two, _ = measure([bin_path, "lint", "--format", "json", "--threads", "2", archive], work)
    print(f"archive: {len(files)} files, {arch_mb:.1f} MB; wc -l {wc:.2f} s; "
          f"lint 1 thread {one:.2f} s (peak {one_rss:.1f} MB); 2 threads {two:.2f} s")
    row("lint --threads 1, archive", f"{arch_mb / one:.1f} MB/s ({one / wc:.0f}× wc -l)",
        "≥ 100 MB/s (≤ 12× wc -l)", arch_mb / one >= 100)
    row("speed-up on 2 cores", f"{one / two:.2f}×", "≥ 1.8×", one / two >= 1.8)

    for cmd in (["lint", "--format", "json", "--threads", "1"], ["parse", "--format", "json"],
                ["classify", "--format", "json"]):
        t2, _ = measure([bin_path] + cmd + [big[2]], work)
        t20, _ = measure([bin_path] + cmd + [big[20]], work)
        ratio = (t20 / 20) / (t2 / 2)
        row(f"{cmd[0]}: per-MB cost, 20 MB / 2 MB", f"{ratio:.2f} ({t2:.2f} s, {t20:.2f} s)",
            "≤ 1.2", ratio <= 1.2)

    for k in (20, 100):
        _, rss = measure([bin_path, "lint", "--format", "json", "--threads", "1", big[k]], work)
        row(f"peak memory, one {k} MB file", f"{rss:.0f} MB ({rss / k:.1f}× the file)",
            f"≤ {3 * k} MB (3×)", rss <= 3 * k)

    ms = per_run_ms([bin_path, "lint", "--format", "json", ONE])
    row("one 35 KB document, process start to exit", f"{ms:.1f} ms", "< 10 ms", ms < 10)
    ms = lsp_reanalysis_ms(bin_path)
    row("language server: re-analysis of a 35 KB document", f"{ms:.1f} ms", "< 5 ms", ms < 5)

    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'measured':<34} {'goal':<26} met")
    for what, value, goal, ok in rows:
        print(f"{what:<{width}}  {value:<34} {goal:<26} {ok}")


if __name__ == "__main__":
    main()
