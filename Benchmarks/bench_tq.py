#!/usr/bin/env python3
"""One tq benchmark process, with the method and JSON shape of ../shared/bench/bench_peers.py.

    python3 Benchmarks/bench_tq.py --tq .build/release/tq --csv tp_1m.csv --reps 5 --out tq_1m_1.json

What it does: writes one tq script (in --work, default a temp dir) that

    .timer on / .mode csv
    load "<fifo sync1.csv>"        <- the harness reads /proc/PID/status here: RSS before load
    load "<csv>" as tp             <- load time = this statement's "Run Time"
    tables                         <- tq's own bytes per table (stdout)
    load "<fifo sync2.csv>"        <- RSS / peak RSS right after load
    per query (Benchmarks/queries/qNN.tq):
        save <query> to "qNN.csv"   once, untimed warm-up (recorded as first_s) and the answer
        <query>                     --reps times, timed; result to stdout (a file), CSV
    load "<fifo sync3.csv>"        <- RSS / peak RSS (VmHWM) at the end

and runs it with `tq SCRIPT`. The sync points are FIFOs: tq's `load` of a FIFO blocks in
read() until the harness writes a one-row CSV into it, so the harness reads the process's
/proc/PID/status while tq is idle at a known point of the script. Times come from tq's own
`.timer on` lines on stderr ("Run Time: 0.123 s", one per statement that is not a dot
command), matched to the statements in order. A query file may hold several statements
(Q10: two `let` and a join); its time is the sum of its statements' times and its answer is
its last statement's result.

The JSON has bench_peers.py's keys (engine, version, rows, load_s, rss_after_load,
hwm_after_load, table_bytes, queries.Qn.{first_s, times_s, best_s, median_s, result},
rss_end, hwm_end) plus rss_before_load, timer_resolution_s and the statement texts.
Results are read back from the saved CSV files and typed (int, float, else text; empty =
null) and normalised as bench_peers.py does (floats rounded to 6 digits), so that
../shared/bench/compare_results.py can compare them with DuckDB's.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
QUERY_DIR = os.path.join(HERE, "queries")
RUN_TIME = re.compile(r"^Run Time: ([0-9.]+) (s|ms)$")
TIMER_RESOLUTION_S = 0.001  # Console prints "%.3f s"


def statements(path):
    """The statements of a .tq query file, each joined onto one line (comments dropped).

    A line that starts with `|`, or follows a line ending with `|`, `,`, `[` or `(`,
    continues the statement above it (docs/language.md)."""
    out = []
    for raw in open(path, encoding="utf-8"):
        line = strip_comment(raw).strip()
        if not line:
            continue
        if out and (line.startswith("|") or out[-1].endswith(("|", ",", "[", "("))):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def strip_comment(line):
    """The line without a `#` comment (a `#` inside a "string" stays)."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"' and (i == 0 or line[i - 1] != "\\"):
            quoted = not quoted
        elif ch == "#" and not quoted:
            return line[:i]
    return line


def query_files(names=None):
    files = sorted(f for f in os.listdir(QUERY_DIR) if re.fullmatch(r"q\d+\.tq", f))
    qs = {f"Q{int(f[1:-3])}": os.path.join(QUERY_DIR, f) for f in files}
    if names:
        qs = {q: p for q, p in qs.items() if q in names}
    return qs


def tq_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def proc_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0]) * 1024
    return out


def typed(field):
    if field == "":
        return None
    for conv in (int, float):
        try:
            v = conv(field)
        except ValueError:
            continue
        return round(v, 6) if isinstance(v, float) else v
    return field


def read_csv(path):
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], [[typed(v) for v in r] for r in rows[1:]]


def tq_version(tq):
    try:
        r = subprocess.run(["git", "-C", HERE, "describe", "--always", "--dirty"], capture_output=True, text=True)
        commit = r.stdout.strip()
    except OSError:
        commit = "?"
    return commit


def sync(fifo, proc):
    """Waits until tq opens `fifo` for reading, samples its memory, then lets it go on."""
    # The wait polls at a growing interval (0.5 ms up to 20 ms): tq loads the CSV while this
    # loop waits for the next FIFO, and a fast poll would take time from tq's two threads on
    # a two-core machine. The sample is of memory, so a late one costs nothing.
    pause = 0.0005
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:  # ENXIO: no reader yet
            if proc.poll() is not None:
                raise RuntimeError(f"tq exited with status {proc.returncode} before reaching {os.path.basename(fifo)}")
            time.sleep(pause)
            pause = min(0.02, pause * 1.5)
    st = proc_status(proc.pid)
    os.set_blocking(fd, True)
    os.write(fd, b"sync\n1\n")
    os.close(fd)
    return st


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tq", default=os.path.join(os.path.dirname(HERE), ".build", "release", "tq"))
    ap.add_argument("--csv", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--queries", default="all", help="comma list like Q1,Q5, 'all' or 'none'")
    ap.add_argument("--work", help="folder for the script, FIFOs, answers and output (default: a temp dir)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    csv_path = os.path.abspath(args.csv)
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="tq-bench-")
    os.makedirs(work, exist_ok=True)

    names = None if args.queries == "all" else ([] if args.queries == "none" else args.queries.split(","))
    qfiles = query_files(names) if names != [] else {}

    fifos = []
    for i in (1, 2, 3):
        p = os.path.join(work, f"sync{i}.csv")
        if os.path.exists(p):
            os.unlink(p)
        os.mkfifo(p)
        fifos.append(p)

    lines = [".timer on", ".mode csv"]
    labels = []  # one per timed statement, in order: (kind, query, rep)

    def stmt(text, label):
        lines.append(text)
        labels.append(label)

    stmt(f"load {tq_string(fifos[0])} as bench_sync1", ("sync", None, None))
    stmt(f"load {tq_string(csv_path)} as tp", ("load", None, None))
    stmt("tables", ("tables", None, None))
    stmt(f"load {tq_string(fifos[1])} as bench_sync2", ("sync", None, None))
    texts = {}
    for q, path in qfiles.items():
        sts = statements(path)
        texts[q] = sts
        answer = os.path.join(work, f"{q.lower()}.csv")
        for s in sts[:-1]:
            stmt(s, ("query", q, 0))
        stmt(f"save {sts[-1]} to {tq_string(answer)}", ("query", q, 0))
        for rep in range(1, args.reps + 1):
            for s in sts:
                stmt(s, ("query", q, rep))
    stmt(f"load {tq_string(fifos[2])} as bench_sync3", ("sync", None, None))
    script = os.path.join(work, "bench.tq")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    stdout_path = os.path.join(work, "stdout.csv")
    stderr_path = os.path.join(work, "stderr.txt")
    env = dict(os.environ, TQ_HISTORY="", NO_COLOR="1")
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        proc = subprocess.Popen([args.tq, script], stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        try:
            before = sync(fifos[0], proc)
            after = sync(fifos[1], proc)
            tables_out = open(stdout_path, encoding="utf-8").read()
            end = sync(fifos[2], proc)
        except BaseException:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            sys.stderr.write(open(stderr_path, encoding="utf-8", errors="replace").read())
            raise
        code = proc.wait()
    err_text = open(stderr_path, encoding="utf-8", errors="replace").read()
    if code != 0:
        sys.stderr.write(err_text)
        raise SystemExit(f"tq exited with status {code}")
    times = [float(m.group(1)) / (1000.0 if m.group(2) == "ms" else 1.0)
             for m in (RUN_TIME.match(l) for l in err_text.splitlines()) if m]
    if len(times) != len(labels):
        sys.stderr.write(err_text)
        raise SystemExit(f"expected {len(labels)} timings, got {len(times)}")

    load_s = next(t for t, l in zip(times, labels) if l[0] == "load")
    table_bytes = rows = None
    hdr, trows = None, []
    if tables_out.strip():
        import csv
        import io
        rdr = list(csv.reader(io.StringIO(tables_out)))
        hdr = rdr[0]
        for r in rdr[1:]:
            if r[0] == "tp":
                rows, table_bytes = int(r[hdr.index("rows")]), int(r[hdr.index("bytes")])

    per = {}
    for t, (kind, q, rep) in zip(times, labels):
        if kind == "query":
            per.setdefault(q, {}).setdefault(rep, 0.0)
            per[q][rep] += t
    res = {"engine": "tq", "version": tq_version(args.tq), "threads": "CSV reader 2 threads, queries 1",
           "csv": os.path.basename(csv_path), "rows": rows, "load_s": load_s,
           "rss_before_load": before["VmRSS"], "hwm_before_load": before["VmHWM"],
           "rss_after_load": after["VmRSS"], "hwm_after_load": after["VmHWM"],
           "table_bytes": table_bytes, "timer_resolution_s": TIMER_RESOLUTION_S,
           "work": work, "queries": {}}
    for q, reps in per.items():
        timed = [reps[r] for r in range(1, args.reps + 1)]
        header, result = read_csv(os.path.join(work, f"{q.lower()}.csv"))
        res["queries"][q] = {"first_s": reps[0], "times_s": timed, "best_s": min(timed),
                             "median_s": statistics.median(timed), "statements": texts[q],
                             "columns": header, "result": result}
        print(f"tq {q}: median {statistics.median(timed)*1e3:.1f} ms best {min(timed)*1e3:.1f} ms", file=sys.stderr)
    res["rss_end"] = end["VmRSS"]
    res["hwm_end"] = end["VmHWM"]
    with open(args.out, "w") as f:
        json.dump(res, f, indent=1)
    print(f"tq load {load_s:.2f}s rows {rows} table {table_bytes} B hwm {end['VmHWM']/2**20:.0f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main()
