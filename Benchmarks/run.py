#!/usr/bin/env python3
"""tq against DuckDB, Polars, chDB and DataFusion on the benchmark of ../shared/bench, in one run.

    python3 Benchmarks/run.py --rows 1000000 --procs 3 --reps 5 \\
        --engines tq,duckdb,polars,chdb,datafusion --python .bench-data/venv/bin/python

(scripts/bench.sh sets up the venv, builds tq and calls this.)

1. Generates the data once: ../shared/bench/gen_touchpoints.py --rows N --seed 42 into
   --data-dir (tp_1m.csv, tp_10m.csv, ...), reused by later runs.
2. Runs --procs rounds; in each round one process per engine, in the order of --engines
   (interleaved, as PEERS.md): tq through Benchmarks/bench_tq.py, the peers through
   ../shared/bench/bench_peers.py (unchanged). Each process loads the CSV once and runs every
   query once untimed, then --reps times timed.
3. Checks every engine's answers against DuckDB's of the same round with
   ../shared/bench/compare_results.py; a query whose tq answer differs gets no time in the
   report (the time stays in the JSON, flagged).
4. Times reading the columns each query reads (its `# columns:` line), as tq stores them,
   with tq-floor (Benchmarks/Floor) on the same CSV: the journey queries' target is within
   20x of that read.
5. Writes Benchmarks/results/<label>.md and .json (label 1M, 10M, 100k, ...); the raw
   per-process JSON and logs stay in --data-dir/runs/<label>-<time>/.

Statistics as PEERS.md: query time = median of all timed runs of all processes of an engine,
spread = [min-max of the per-process medians]. Targets (issue 6): per query tq <= 0.2x the
fastest peer; load <= 0.4x the fastest peer's load; memory <= 50 bytes per row. A target is
missed only where tq's spread lies wholly above target x the fastest peer's spread; a missed
target is a "gap" up to 0.5x and a "fail" above.
"""
import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))
PEERS = ["duckdb", "polars", "chdb", "datafusion"]
NAMES = {"tq": "tq", "duckdb": "DuckDB", "polars": "Polars", "chdb": "chDB", "datafusion": "DataFusion"}
QUERIES = [f"Q{i}" for i in range(1, 11)]
TITLES = {"Q1": "filter count", "Q2": "group count", "Q3": "per persona", "Q4": "google/social/referral",
          "Q5": "top paths", "Q6": "last touch", "Q7": "linear", "Q8": "Markov transitions",
          "Q9": "ordered funnel", "Q10": "touches / time to conv."}
QUERY_TARGET, LOAD_TARGET, FAIL_ABOVE, BYTES_PER_ROW_TARGET = 0.2, 0.4, 0.5, 50
# journey queries: within this many times the time to read the columns they read
JOURNEY_QUERIES, READ_FLOOR_TARGET = [f"Q{i}" for i in range(4, 11)], 20
COLUMNS_LINE = re.compile(r"^#\s*columns:\s*([^(]*)")
# PEERS.md run2 (quiet machine), sum of the Q1-Q10 medians in ms: how much slower this run's machine was
PEERS_MD_SUM_MS = {"1M": {"duckdb": 803, "polars": 815, "chdb": 979, "datafusion": 1292},
                   "10M": {"duckdb": 9677, "polars": 10979, "chdb": 10229, "datafusion": 17889}}
# BASELINE.md: read() + find every delimiter, 2 threads, median 7.4 GB/s (197 ms for 1.46 GB)
TOKENISER_BYTES_PER_S = 1_458_358_426 / 0.197


def label_for(rows):
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if rows % div == 0:
            return f"{rows // div}{unit}"
    return str(rows)


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def log(msg):
    print(f"[{dt.datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def ensure_data(args, label):
    os.makedirs(args.data_dir, exist_ok=True)
    csv = os.path.join(args.data_dir, f"tp_{label.lower()}.csv")
    if not os.path.exists(csv):
        log(f"generating {csv}")
        tmp = csv + ".tmp.csv"
        subprocess.run([args.python, os.path.join(SHARED, "gen_touchpoints.py"), "--rows", str(args.rows),
                        "--seed", str(args.seed), "--out", tmp,
                        "--truth", os.path.join(args.data_dir, f"tp_{label.lower()}.truth.json")], check=True)
        os.rename(tmp, csv)
    return csv


def run_process(args, engine, rnd, csv, run_dir):
    out = os.path.join(run_dir, f"{engine}_{rnd}.json")
    logf = os.path.join(run_dir, f"{engine}_{rnd}.log")
    if engine == "tq":
        cmd = [args.python, os.path.join(HERE, "bench_tq.py"), "--tq", args.tq, "--csv", csv,
               "--reps", str(args.reps), "--work", os.path.join(run_dir, f"tq_{rnd}"), "--out", out]
    else:
        cmd = [args.python, os.path.join(SHARED, "bench_peers.py"), "--engine", engine, "--csv", csv,
               "--reps", str(args.reps), "--out", out]
    la = loadavg()
    t0 = time.perf_counter()
    with open(logf, "w") as lf:
        code = subprocess.run(cmd, stdout=lf, stderr=subprocess.STDOUT).returncode
    wall = time.perf_counter() - t0
    log(f"round {rnd} {engine}: {wall:.1f} s, load average {la[0]:.2f}" + ("" if code == 0 else f", FAILED ({code})"))
    return {"engine": engine, "round": rnd, "json": out, "log": logf, "exit": code, "wall_s": wall, "loadavg": la}


def check_answers(procs):
    """compare_results.py on each round's files, DuckDB first; returns {(engine, round, Q): ok}."""
    verdict = {}
    lines = []
    for rnd in sorted({p["round"] for p in procs}):
        rp = [p for p in procs if p["round"] == rnd and p["exit"] == 0]
        duck = [p for p in rp if p["engine"] == "duckdb"]
        if not duck:
            continue
        others = [p for p in rp if p["engine"] != "duckdb"]
        r = subprocess.run([sys.executable, os.path.join(SHARED, "compare_results.py"), duck[0]["json"]]
                           + [p["json"] for p in others], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            m = re.match(r"(Q\d+m?): duckdb vs (\w+): (same|DIFFERENT)", line)
            if m:
                verdict[(m.group(2), rnd, m.group(1))] = m.group(3) == "same"
            lines.append(f"round {rnd}: {line}")
    return verdict, lines


def diff_rows(ref, other, limit=12):
    sys.path.insert(0, SHARED)
    from compare_results import same
    out = []
    if len(ref) != len(other):
        out.append(f"row count: DuckDB {len(ref)}, tq {len(other)}")
    for i in range(max(len(ref), len(other))):
        a = ref[i] if i < len(ref) else None
        b = other[i] if i < len(other) else None
        if a is None or b is None or len(a) != len(b) or not all(same(u, v) for u, v in zip(a, b)):
            out.append(f"row {i + 1}: DuckDB {a} | tq {b}")
            if len(out) >= limit:
                out.append("...")
                break
    return out


def fmt_ms(s):
    ms = s * 1e3
    if ms >= 100:
        return f"{ms:.0f}"
    if ms >= 10:
        return f"{ms:.1f}"
    return f"{ms:.2f}" if ms < 1 else f"{ms:.1f}"


def fmt_cell(st):
    return f"{fmt_ms(st['median_s'])} [{fmt_ms(st['spread_s'][0])}–{fmt_ms(st['spread_s'][1])}]"


def mib(b):
    return f"{b / 2**20:.0f} MiB" if b < 10 * 2**30 else f"{b / 2**30:.2f} GiB"


def grade(ratio, tq_spread, peer_spread, target):
    """met / within noise / gap / fail, by the rule in the module docstring."""
    if ratio <= target:
        return "met"
    if tq_spread[0] <= target * peer_spread[1]:
        return "within noise"
    return "fail" if ratio > FAIL_ABOVE else "gap"


def query_columns(q):
    """The columns query q reads, from the `# columns:` line of its .tq file."""
    path = os.path.join(HERE, "queries", f"q{int(q[1:]):02d}.tq")
    for line in open(path, encoding="utf-8"):
        m = COLUMNS_LINE.match(line)
        if m:
            return [c.strip() for c in m.group(1).split(",") if c.strip()]
    return []


def read_floors(args, csv, run_dir):
    """Runs tq-floor once on csv for every query's columns; its JSON, kept in run_dir/floor.json."""
    path = os.path.join(run_dir, "floor.json")
    if os.path.exists(path):
        return json.load(open(path))
    if not os.path.exists(args.floor) or not csv or not os.path.exists(csv):
        log(f"no read floors: {args.floor} or {csv} is missing")
        return None
    specs = [f"{q}={','.join(query_columns(q))}" for q in QUERIES if query_columns(q)]
    out = subprocess.run([args.floor, csv, "--reps", "9"] + specs, capture_output=True, text=True)
    if out.returncode != 0:
        log(f"tq-floor failed: {out.stderr.strip()}")
        return None
    with open(path, "w") as f:
        f.write(out.stdout)
    return json.loads(out.stdout)


def summarise(args, label, csv, procs, verdict, check_lines, run_dir):
    data = {}
    for p in procs:
        if p["exit"] == 0:
            data.setdefault(p["engine"], []).append(json.load(open(p["json"])))
    engines = [e for e in args.engines if e in data]
    peers = [e for e in engines if e != "tq"]
    csv_bytes = os.path.getsize(csv)
    stats = {}
    for e in engines:
        runs = data[e]
        es = {"version": runs[0].get("version"), "processes": len(runs), "queries": {}}
        for q in QUERIES + ["Q9m"]:
            per = [r["queries"][q] for r in runs if q in r["queries"]]
            if not per:
                continue
            pooled = [t for x in per for t in x["times_s"]]
            es["queries"][q] = {
                "median_s": statistics.median(pooled),
                "spread_s": [min(x["median_s"] for x in per), max(x["median_s"] for x in per)],
                "best_s": min(pooled), "first_s": [x["first_s"] for x in per],
                "process_medians_s": [x["median_s"] for x in per],
                "answer_matches_duckdb": (None if e == "duckdb" else
                                          [verdict.get((e, i + 1, q)) for i in range(len(per))]),
            }
        loads = [r["load_s"] for r in runs]
        es["load_s"] = {"median": statistics.median(loads), "spread": [min(loads), max(loads)], "all": loads}
        es["csv_mb_per_s"] = csv_bytes / 1e6 / statistics.median(loads)
        rows = runs[0]["rows"] or args.rows
        es["rows"] = rows
        es["table_bytes"] = statistics.median(r["table_bytes"] for r in runs)
        es["table_bytes_per_row"] = es["table_bytes"] / rows
        es["rss_after_load"] = statistics.median(r["rss_after_load"] for r in runs)
        es["hwm_after_load"] = statistics.median(r["hwm_after_load"] for r in runs)
        es["hwm_end"] = {"median": statistics.median(r["hwm_end"] for r in runs),
                         "spread": [min(r["hwm_end"] for r in runs), max(r["hwm_end"] for r in runs)]}
        if e == "tq":
            deltas = [(r["rss_after_load"] - r["rss_before_load"]) / rows for r in runs]
            es["rss_delta_bytes_per_row"] = {"median": statistics.median(deltas), "all": deltas}
            es["rss_before_load"] = statistics.median(r["rss_before_load"] for r in runs)
            es["timer_resolution_s"] = runs[0].get("timer_resolution_s")
        stats[e] = es

    comparison = {}
    if "tq" in stats and peers:
        for q in QUERIES:
            tqs = stats["tq"]["queries"].get(q)
            cand = [(stats[e]["queries"][q]["median_s"], e) for e in peers if q in stats[e]["queries"]
                    and (e == "duckdb" or all(stats[e]["queries"][q]["answer_matches_duckdb"] or [False]))]
            if not tqs or not cand:
                continue
            fm, fe = min(cand)
            fs = stats[fe]["queries"][q]["spread_s"]
            ok = tqs["answer_matches_duckdb"]
            answer = "unchecked" if not ok or None in ok else ("same" if all(ok) else "DIFFERENT")
            # a time printed as 0.000 s is below half the timer's resolution: grade its upper bound
            tq_s = tqs["median_s"] or (stats["tq"].get("timer_resolution_s") or 0.001) / 2
            ratio = tq_s / fm
            comparison[q] = {"fastest_peer": fe, "fastest_median_s": fm, "ratio": ratio, "answer": answer,
                             "ratio_is_upper_bound": not tqs["median_s"],
                             "status": grade(ratio, tqs["spread_s"], fs, QUERY_TARGET) if answer == "same" else "answer differs"}
        lp = [(stats[e]["load_s"]["median"], e) for e in peers]
        fm, fe = min(lp)
        tl = stats["tq"]["load_s"]
        floor = csv_bytes / TOKENISER_BYTES_PER_S
        comparison["load"] = {"fastest_peer": fe, "fastest_median_s": fm, "ratio": tl["median"] / fm,
                              "status": grade(tl["median"] / fm, tl["spread"], stats[fe]["load_s"]["spread"], LOAD_TARGET),
                              "tokeniser_floor_s": floor, "ratio_to_floor": tl["median"] / floor}
        bpr = stats["tq"]["table_bytes_per_row"]
        comparison["memory"] = {"table_bytes_per_row": bpr, "rss_delta_bytes_per_row": stats["tq"]["rss_delta_bytes_per_row"]["median"],
                                "status_table": "met" if bpr <= BYTES_PER_ROW_TARGET else "missed",
                                "status_rss": "met" if stats["tq"]["rss_delta_bytes_per_row"]["median"] <= BYTES_PER_ROW_TARGET else "missed"}

    floors = read_floors(args, csv, run_dir) if "tq" in stats else None
    if floors:
        comparison["read_floor"] = {}
        for q in QUERIES:
            f, tqs = floors["queries"].get(q), stats["tq"]["queries"].get(q)
            if not f or not tqs:
                continue
            ratio = tqs["median_s"] / f["median_s"]
            comparison["read_floor"][q] = {
                "columns": f["columns"], "bytes": f["bytes"], "floor_median_s": f["median_s"],
                "floor_best_s": f["best_s"], "ratio": ratio,
                "status": ("met" if ratio <= READ_FLOOR_TARGET else "missed") if q in JOURNEY_QUERIES else ""}

    mismatches = {}
    if "tq" in data and "duckdb" in data:
        for rnd, (tr, dr) in enumerate(zip(data["tq"], data["duckdb"]), start=1):
            for q in QUERIES:
                if verdict.get(("tq", rnd, q)) is False:
                    mismatches.setdefault(q, diff_rows(dr["queries"][q]["result"], tr["queries"][q]["result"]))

    las = [p["loadavg"][0] for p in procs]
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    meta = {"label": label, "rows": args.rows, "csv": os.path.basename(csv), "csv_bytes": csv_bytes,
            "procs": args.procs, "reps": args.reps, "engines": engines, "order": args.engines,
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{cpu}, {os.cpu_count()} CPUs", "python": platform.python_version(),
            "loadavg_1min_at_process_start": [min(las), max(las)], "run_dir": os.path.relpath(run_dir, ROOT),
            "versions": {e: stats[e]["version"] for e in engines},
            "failed_processes": [f"{p['engine']} round {p['round']} (exit {p['exit']}, log {p['log']})" for p in procs if p["exit"] != 0]}
    result = {"meta": meta, "engines": stats, "comparison": comparison, "answer_check": check_lines,
              "mismatches": mismatches, "processes": procs}
    return result


def markdown(res):
    m, st, cmp_ = res["meta"], res["engines"], res["comparison"]
    engines = m["engines"]
    peers = [e for e in engines if e != "tq"]
    L = [f"# tq and its peers on {m['rows']:,} rows ({m['label']})", "",
         f"Generated by `scripts/bench.sh --rows {m['rows']} --procs {m['procs']} --reps {m['reps']}` "
         f"on {m['date']}; compare with ../shared/bench/BASELINE.md and PEERS.md.", "",
         f"* Data: `{m['csv']}` ({m['csv_bytes']:,} bytes, gen_touchpoints.py seed 42).",
         f"* Machine: {m['machine']}; 1-minute load average at process starts "
         f"{m['loadavg_1min_at_process_start'][0]:.2f}–{m['loadavg_1min_at_process_start'][1]:.2f}.",
         f"* Method (PEERS.md): {m['procs']} process(es) per engine, interleaved in rounds "
         f"({', '.join(m['order'])}); each loads the CSV once, runs each query once untimed, then "
         f"{m['reps']} times timed. Time = median of all timed runs of the engine; [spread] = "
         f"min–max of the per-process medians. Load excluded from query times.",
         "* Versions: " + "; ".join(f"{NAMES[e]} {'commit ' if e == 'tq' else ''}{v}" for e, v in m["versions"].items()) + ".",
         "* tq times come from its `.timer on` lines (microseconds under a second, milliseconds "
         "above). tq reads CSV, groups by text columns and builds conversion paths on 2 threads; "
         "its other operators run on 1. The peers use 2 threads throughout.", ""]
    if m["failed_processes"]:
        L += ["**Failed processes:** " + "; ".join(m["failed_processes"]), ""]
    L += ["## Query times (ms), in memory, load excluded", "",
          "Target: tq ≤ 0.2× the fastest peer. Status: *met*; *within noise* (above 0.2× but tq's "
          "spread overlaps 0.2× the fastest peer's spread); *gap* (0.2–0.5×, no overlap); *fail* (> 0.5×). "
          "A tq time is shown only where tq's answer equals DuckDB's in every process.", "",
          "| Q | " + " | ".join(NAMES[e] for e in engines) + " | fastest peer | tq / fastest | target 0.2× |",
          "|---|" + "---|" * (len(engines) + 3)]
    sums = {e: 0.0 for e in engines}
    for q in QUERIES:
        cells = []
        for e in engines:
            s = st[e]["queries"].get(q)
            if s is None:
                cells.append("–")
                continue
            sums[e] += s["median_s"]
            if e == "tq":
                c = cmp_.get(q, {})
                if c.get("answer") == "DIFFERENT":
                    cells.append("answer ≠ DuckDB")
                    continue
                cell = ("< 0.5 (prints 0.000 s)" if not s["median_s"] else fmt_cell(s))
                cells.append(f"**{cell}**")
            else:
                cells.append(fmt_cell(s))
        c = cmp_.get(q)
        tail = ([f"{NAMES[c['fastest_peer']]} {fmt_ms(c['fastest_median_s'])}",
                 "–" if c["answer"] == "DIFFERENT" else ("< " if c["ratio_is_upper_bound"] else "") + f"{c['ratio']:.2f}×",
                 c["status"]] if c else ["–", "–", "–"])
        L.append(f"| {q} {TITLES[q]} | " + " | ".join(cells) + " | " + " | ".join(tail) + " |")
    wrong = [q for q in QUERIES if cmp_.get(q, {}).get("answer") == "DIFFERENT"]
    if "tq" in sums and wrong:
        sums["tq"] -= sum(st["tq"]["queries"][q]["median_s"] for q in wrong)
    L.append("| **sum Q1–Q10** | " + " | ".join(
        f"{sums[e] * 1e3:.0f}" + (f" (without {', '.join(wrong)})" if e == "tq" and wrong else "")
        for e in engines) + " | | | |")
    ref = PEERS_MD_SUM_MS.get(m["label"])
    if ref and any(e in ref for e in engines):
        L.append("| sum ÷ PEERS.md's (quiet machine) | " + " | ".join(
            f"{sums[e] * 1e3 / ref[e]:.1f}×" if e in ref else "" for e in engines) + " | | | |")
    if "chdb" in st and "Q9m" in st["chdb"]["queries"]:
        L += ["", f"chDB's Q9m (Q9 with materialised CTEs, PEERS.md): {fmt_cell(st['chdb']['queries']['Q9m'])} ms "
              "(not used as Q9's fastest peer, as in PEERS.md)."]
    if "tq" in st and peers:
        met = [q for q in QUERIES if cmp_.get(q, {}).get("status") == "met"]
        others = [f"{s} on " + ", ".join(q for q in QUERIES if cmp_.get(q, {}).get("status") == s)
                  for s in ("within noise", "gap", "fail", "answer differs")
                  if any(cmp_.get(q, {}).get("status") == s for q in QUERIES)]
        L += ["", "Summary: " + "; ".join(["target met on " + (", ".join(met) if met else "no query")] + others) + "."]
    L += ["", "## Load (CSV → in-memory table) and memory", "",
          "| engine | load s: median [min–max] | CSV MB/s | table bytes/row (engine's own count) | "
          "RSS after load | peak RSS after load | peak RSS, whole process: median [min–max] |",
          "|---|---|---|---|---|---|---|"]
    for e in engines:
        s = st[e]
        ld = s["load_s"]
        L.append(f"| {NAMES[e]} | {ld['median']:.2f} [{ld['spread'][0]:.2f}–{ld['spread'][1]:.2f}] | "
                 f"{s['csv_mb_per_s']:.0f} | {s['table_bytes_per_row']:.1f} | {mib(s['rss_after_load'])} | "
                 f"{mib(s['hwm_after_load'])} | {mib(s['hwm_end']['median'])} "
                 f"[{mib(s['hwm_end']['spread'][0])}–{mib(s['hwm_end']['spread'][1])}] |")
    if "load" in cmp_:
        c, mm, tq = cmp_["load"], cmp_["memory"], st["tq"]
        L += ["",
              f"* **Load**: tq {tq['load_s']['median']:.2f} s = **{c['ratio']:.2f}×** the fastest peer "
              f"({NAMES[c['fastest_peer']]} {c['fastest_median_s']:.2f} s); target ≤ 0.4×: **{c['status']}**. "
              f"Tokeniser floor (BASELINE.md: read() + find every delimiter, 2 threads, 7.4 GB/s) for "
              f"{m['csv_bytes'] / 1e6:.0f} MB: {c['tokeniser_floor_s'] * 1e3:.0f} ms; tq's load is "
              f"**{c['ratio_to_floor']:.1f}×** that floor.",
              f"* **Memory**: tq's own count (`tables`) {mm['table_bytes_per_row']:.1f} bytes/row "
              f"({mm['status_table']}); RSS after load − RSS before load (read from /proc at two points "
              f"where tq waits on a FIFO) {mm['rss_delta_bytes_per_row']:.1f} bytes/row ({mm['status_rss']}); "
              f"target ≤ 50 bytes/row. tq's RSS before load: {mib(tq['rss_before_load'])}. Peak RSS after load "
              "includes the CSV's pages while tq reads it (mmap; pages mapped 16 MB ahead of the parsing threads and dropped once parsed)."]
    if cmp_.get("read_floor"):
        rf = cmp_["read_floor"]
        L += ["", "## Query time against reading its columns", "",
              "`tq-floor` (Benchmarks/Floor) loads the same CSV as tq does and reads every byte tq keeps for "
              "the columns the query's SQL reads (its `# columns:` line): dictionary codes or journey run "
              "starts, typed values; on 2 threads, median of 9 reads. Target for the journey queries "
              f"(Q4–Q10): tq ≤ {READ_FLOOR_TARGET}× that read.", "",
              "| Q | columns | MB | read ms | tq ms | tq / read | target |", "|---|---|---|---|---|---|---|"]
        for q in QUERIES:
            if q in rf:
                c = rf[q]
                L.append(f"| {q} {TITLES[q]} | {', '.join(c['columns'])} | {c['bytes'] / 1e6:.0f} | "
                         f"{c['floor_median_s'] * 1e3:.2f} | {fmt_ms(st['tq']['queries'][q]['median_s'])} | "
                         f"{c['ratio']:.1f}× | {c['status'] or '–'} |")
    L += ["", "## Answer check (../shared/bench/compare_results.py, each round against DuckDB)", ""]
    bad = {k: v for k, v in res["mismatches"].items()}
    ck = res["answer_check"]
    tq_lines = [l for l in ck if "vs tq:" in l]
    n_same = sum("same" in l for l in ck)
    if "duckdb" not in engines:
        L.append("**DuckDB was not run, so no answer was checked** (the times above are unverified; "
                 "the fastest-peer ratios need DuckDB's answers and are left out).")
    L.append(f"{n_same} of {len(ck)} query results equal DuckDB's "
             f"(tq: {sum('same' in l for l in tq_lines)} of {len(tq_lines)}).")
    for l in ck:
        if "DIFFERENT" in l:
            L.append(f"* {l}")
    for q, d in bad.items():
        L += ["", f"tq {q} differs from DuckDB:", "", "```"] + d + ["```"]
    L += ["", f"Raw per-process JSON and logs: `{m['run_dir']}/` (not committed).", ""]
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--procs", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--engines", default="tq,duckdb,polars,chdb,datafusion")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data-dir", default=os.path.join(ROOT, ".bench-data"))
    ap.add_argument("--results-dir", default=os.path.join(HERE, "results"))
    ap.add_argument("--tq", default=os.path.join(ROOT, ".build", "release", "tq"))
    ap.add_argument("--floor", default=os.path.join(ROOT, ".build", "release", "tq-floor"),
                    help="tq-floor, which times reading each query's columns")
    ap.add_argument("--python", default=sys.executable, help="Python with duckdb, polars, chdb, datafusion")
    ap.add_argument("--label", help="results file name (default from --rows: 1M, 10M, 100k)")
    ap.add_argument("--summarise", metavar="RUN_DIR", help="only rewrite the report from an earlier run's folder")
    args = ap.parse_args()
    args.engines = args.engines.split(",")
    unknown = set(args.engines) - set(NAMES)
    if unknown:
        ap.error(f"unknown engines: {', '.join(sorted(unknown))}")
    label = args.label or label_for(args.rows)
    args.data_dir = os.path.abspath(args.data_dir)
    csv = ensure_data(args, label) if not args.summarise else None

    if args.summarise:
        run_dir = os.path.abspath(args.summarise)
        procs = json.load(open(os.path.join(run_dir, "processes.json")))
        csv = os.path.join(args.data_dir, f"tp_{label.lower()}.csv")
    else:
        run_dir = os.path.join(args.data_dir, "runs", f"{label}-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}")
        os.makedirs(run_dir)
        log(f"run folder {run_dir}")
        procs = []
        for rnd in range(1, args.procs + 1):
            for e in args.engines:
                procs.append(run_process(args, e, rnd, csv, run_dir))
                with open(os.path.join(run_dir, "processes.json"), "w") as f:
                    json.dump(procs, f, indent=1)
    verdict, lines = check_answers(procs)
    res = summarise(args, label, csv, procs, verdict, lines, run_dir)
    os.makedirs(args.results_dir, exist_ok=True)
    base = os.path.join(args.results_dir, label)
    with open(base + ".json", "w") as f:
        json.dump(res, f, indent=1)
    with open(base + ".md", "w") as f:
        f.write(markdown(res))
    log(f"wrote {base}.md and {base}.json")
    print(open(base + ".md").read())
    if any(v is False for k, v in verdict.items() if k[0] == "tq"):
        sys.exit(1)


if __name__ == "__main__":
    main()
