#!/usr/bin/env bash
# tq against DuckDB, Polars, chDB and DataFusion on the benchmark of ../shared/bench.
#
#   scripts/bench.sh [--rows 1000000|10000000] [--procs 3] [--reps 5]
#                    [--engines tq,duckdb,polars,chdb,datafusion]
#
# Installs the peers into a venv (.bench-data/venv, versions of ../shared/bench/PEERS.md),
# builds tq (release), generates the data once into .bench-data/ (or $TQ_BENCH_DATA), runs
# every engine in interleaved processes, checks every answer against DuckDB's and writes
# Benchmarks/results/<1M|10M>.md and .json. Any other argument goes to Benchmarks/run.py
# (see its --help). Benchmarks/README.md says how to read the result.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${TQ_BENCH_DATA:-$root/.bench-data}"
venv="$data/venv"
peers="duckdb==2.0.0 polars==2.1.0 chdb==4.4.0 datafusion==55.0.0 pyarrow==26.0.1 numpy"
[ -d "$root/../shared/bench" ] || { echo "bench.sh needs ../shared/bench beside the repo" >&2; exit 1; }

engines="tq,duckdb,polars,chdb,datafusion"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[i]}" = "--engines" ] && engines="${args[i+1]:-}"
  case "${args[i]}" in --engines=*) engines="${args[i]#--engines=}" ;; esac
done

mkdir -p "$data"
if ! "$venv/bin/python" -c 'import duckdb, polars, chdb, datafusion, pyarrow, numpy' 2>/dev/null; then
  echo "bench.sh: installing $peers into $venv" >&2
  python3 -m venv "$venv" 2>/dev/null || { "$root/scripts/setup.sh" python3-venv; python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q $peers
fi

tq="$root/.build/release/tq"
if [[ ",$engines," == *",tq,"* ]]; then
  "$root/scripts/setup.sh" libedit-dev
  (cd "$root" && swift build -c release --product tq && swift build -c release --product tq-floor) >&2
fi

exec "$venv/bin/python" "$root/Benchmarks/run.py" --python "$venv/bin/python" --tq "$tq" \
  --data-dir "$data" "$@"
