#!/usr/bin/env python3
"""Writes a larger benchmark file from a smaller one: COPIES copies of its records (the
header once), each copy's journey and customer ids renumbered past the previous copy's,
so that journeys stay distinct and the file stays sorted by journey.

    python3 Benchmarks/make_copies.py .bench-data/tp_10m.csv 10 /tmp/tp_100m.csv

The 100M-row check of Benchmarks/results/100M.md used this on the 10M file (the data
generator holds every row in memory, which 100M rows do not fit on this machine).
Ids `j0000042` / `c0014101` become `j00000042` / `c00014101` in copy 0 and
`j03000042` / `c03014101` in copy 1 (an offset of STEP per copy).
"""
import os
import sys

STEP = 3_000_000  # above the largest journey and customer number of the 10M file


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    tmp = out + ".part"
    with open(tmp, "wb") as w:
        for k in range(copies):
            offset = k * STEP
            with open(src, "rb") as f:
                header = f.readline()
                if k == 0:
                    w.write(header)
                lines = []
                for line in f:
                    # j0000000,c1416865,...
                    j = int(line[1:8]) + offset
                    c = int(line[10:17]) + offset
                    lines.append(b"j%08d,c%08d%s" % (j, c, line[17:]))
                    if len(lines) == 100_000:
                        w.writelines(lines)
                        lines.clear()
                w.writelines(lines)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
