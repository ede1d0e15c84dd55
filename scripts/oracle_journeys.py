#!/usr/bin/env python3
"""Writes the golden test Tests/Golden/journeys/bench_oracle.tq from DuckDB's answers.

The benchmark queries Q4-Q10 of ../shared/bench/queries.sql are run by DuckDB (the
test oracle, not part of tq) on a small file made by the benchmark's generator, and each
answer becomes the expected block of the tq statement that asks the same question.

    pip install duckdb && python3 scripts/oracle_journeys.py
"""
import os
import re
import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Tests/Golden/journeys/fixtures/bench_12k.csv")
SQL = os.path.join(ROOT, "..", "shared", "bench", "queries.sql")
OUT = os.path.join(ROOT, "Tests/Golden/journeys/bench_oracle.tq")


def queries():
    text = open(SQL).read()
    found = {}
    for m in re.finditer(r"-- (Q\d+):[^\n]*\n(.*?;)", text, re.S):
        found[m.group(1)] = m.group(2)
    return found


def fmt(v, digits=None):
    if isinstance(v, float):
        return repr(round(v, digits)) if digits is not None else repr(v)
    return str(v)


def main():
    con = duckdb.connect()
    con.execute(f"CREATE TABLE tp AS SELECT * FROM read_csv_auto('{DATA}')")
    q = queries()
    records = []

    def record(types, tq, sql, digits):
        rows = con.execute(sql).fetchall()
        lines = ["\t".join(fmt(v, d) for v, d in zip(r, digits)) for r in rows]
        records.append(f"query {types} nosort\n{tq}\n----\n" + "\n".join(lines) + "\n")

    records.append('statement ok\nload "fixtures/bench_12k.csv" as bench\n')
    record("TIIRR", "bench | compare google = channel in [\"google_organic\", \"google_ads\"], "
           "social = source_group == \"social\", referral = source_group == \"referral\" "
           "| sort group | select group, journeys, conversions, rate = round(conversion_rate, 9), value = round(value, 2)",
           q["Q4"].replace("1.0 * sum(conv) / count(*) AS conv_rate", "round(1.0 * sum(conv) / count(*), 9) AS conv_rate"),
           [None, None, None, 9, 2])
    record("TIR", "bench | paths top 10 | select path, conversions, value = round(value, 2)", q["Q5"], [None, None, 2])
    record("TRR", "bench | attribute last | where conversions > 0 | derive conversions = round(conversions), "
           "value = round(value, 2) | sort -value, channel | select channel, conversions, value",
           q["Q6"].replace("count(*) AS conversions", "count(*)::DOUBLE AS conversions"), [None, 0, 2])
    record("TRR", "bench | attribute linear | derive conversions = round(conversions, 6), value = round(value, 6) "
           "| sort -value, channel | select channel, conversions, value", q["Q7"], [None, 6, 6])
    record("TTR", "bench | transitions | select from, to, count", q["Q8"].replace("count(*) AS n", "count(*)::DOUBLE AS n"),
           [None, None, 1])
    record("ITI", "bench | funnel stage [awareness, consideration, purchase, retention, advocacy] "
           "| select step, stage, journeys", q["Q9"], [None, None, None])
    record("RR", "bench | length stats | select conversions, mean = round(mean_touches, 9)",
           "SELECT count(*)::DOUBLE, round(avg(touches), 9) FROM (" + q["Q10"].split("SELECT count(*)")[0].rstrip()
           + " SELECT * FROM j)", [1, 9])
    record("R", "bench | lag stats | select median = round(median_hours, 9)",
           "SELECT round(median_hours_to_conversion, 9) FROM (" + q["Q10"].rstrip(";") + ")", [9])
    header = ("# Journey verbs against the benchmark queries (../shared/bench/queries.sql Q4-Q10),\n"
              "# expected rows computed by DuckDB with scripts/oracle_journeys.py on a file made by\n"
              "# ../shared/bench/gen_touchpoints.py --rows 12000 --seed 7. Do not edit by hand.\n\n")
    open(OUT, "w").write(header + "\n".join(records))


if __name__ == "__main__":
    main()
