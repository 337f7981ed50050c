#!/usr/bin/env python3
"""bench_row.py — turn the files of one benchmark run into one CSV row.

benchmarks/run.sh calls this once per instance, after `placera solve`,
`placera check` and (optionally) CBC have run.  It reads:

- the MPS file placera wrote (`--write-mps`): the size of the integer
  program (GLPK's header comments `* Rows:`, `* Columns:`, `* Non-zeros:`,
  or, when they are missing, a count of the ROWS and COLUMNS entries) and
  the objective constant (the RHS of the objective row);
- the schedule JSON: status, cost, bound, gap, solver seconds;
- the `/usr/bin/time -v` reports of placera and CBC: wall and CPU seconds,
  peak resident memory;
- placera's `--progress` lines: when the first incumbent came, when the
  incumbent last improved, the first bound reported (and the last one,
  used as the bound when no schedule was found);
- CBC's log: its status, objective and bound.

GLPK writes the objective constant c0 as the RHS of the objective row; CBC
(CoinMpsIO) reads that RHS as minus the constant.  So CBC's objective on a
GLPK-written file is (placera's cost) - 2*c0, and this script adds 2*c0
back before comparing (column obj_const keeps c0 so the correction can be
checked).

Python 3 standard library only.  usage:
  bench_row.py --header
  bench_row.py --set S --instance NAME --kind K --mps M.mps --schedule S.json
               --time T.txt --check ok|fail|- [--progress-log P.txt]
               [--cbc-log L --cbc-time T2.txt] [--note TEXT]
"""
import argparse
import csv
import json
import math
import re
import sys

COLUMNS = [
    "set", "instance", "kind", "vars", "int_vars", "rows", "nonzeros",
    "status", "cost", "score", "bound", "gap", "solve_s", "wall_s", "cpu_s",
    "rss_mb", "check", "first_inc_s", "last_inc_s", "first_bound", "cbc_status", "cbc_cost", "cbc_bound", "cbc_gap",
    "cbc_wall_s", "cbc_cpu_s", "cbc_rss_mb", "cbc_over_placera_time",
    "cbc_minus_placera_cost", "obj_const", "note",
]


def read_mps(path):
    """Return (vars, int_vars, rows, nonzeros, objective constant)."""
    info = {"vars": None, "int_vars": None, "rows": None, "nonzeros": None}
    const = 0.0
    obj_row = None
    section = None
    counted_rows = 0
    cols = set()
    try:
        f = open(path, encoding="latin-1")
    except OSError:
        return info, None
    with f:
        for line in f:
            if line.startswith("*"):
                m = re.match(r"\*\s*Rows:\s*(\d+)", line)
                if m:
                    info["rows"] = int(m.group(1))
                m = re.match(r"\*\s*Columns:\s*(\d+)(?:\s*\((\d+) integer)?", line)
                if m:
                    info["vars"] = int(m.group(1))
                    if m.group(2):
                        info["int_vars"] = int(m.group(2))
                m = re.match(r"\*\s*Non-zeros:\s*(\d+)", line)
                if m:
                    info["nonzeros"] = int(m.group(1))
                continue
            if not line[:1].isspace():
                section = line.split()[0] if line.strip() else section
                continue
            parts = line.split()
            if section == "ROWS":
                if parts[0] == "N" and obj_row is None:
                    obj_row = parts[1]
                elif parts[0] != "N":
                    counted_rows += 1
            elif section == "COLUMNS":
                if info["vars"] is None and "MARKER" not in line:
                    cols.add(parts[0])
            elif section == "RHS":
                # name row value [row value]
                for i in range(1, len(parts) - 1, 2):
                    if parts[i] == obj_row:
                        const += float(parts[i + 1])
    if info["rows"] is None:
        info["rows"] = counted_rows
    if info["vars"] is None:
        info["vars"] = len(cols)
    return info, const


def read_time(path):
    """Wall seconds, CPU seconds and peak RSS (MB) from `time -v` output."""
    wall = cpu = rss = None
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return wall, cpu, rss
    m = re.search(r"Elapsed \(wall clock\) time \([^)]*\): *(?:(\d+):)?(\d+):([\d.]+)", text)
    if m:
        wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    u = re.search(r"User time \(seconds\): *([\d.]+)", text)
    s = re.search(r"System time \(seconds\): *([\d.]+)", text)
    if u and s:
        cpu = float(u.group(1)) + float(s.group(1))
    m = re.search(r"Maximum resident set size \(kbytes\): *(\d+)", text)
    if m:
        rss = int(m.group(1)) / 1024.0
    return wall, cpu, rss


def read_cbc(path):
    """CBC status, objective, bound (both as in CBC's log, uncorrected)."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return "-", None, None
    status = "?"
    m = re.search(r"Result - (.*)", text)
    if m:
        r = m.group(1).lower()
        status = ("optimal" if "optimal" in r else
                  "infeasible" if "infeasible" in r else
                  "time limit" if "time" in r else r.strip())
    elif "killed" in text:
        status = "killed"
    obj = bound = None
    if "No feasible solution found" not in text:
        m = re.search(r"Objective value: *(-?[\d.eE+-]+)", text)
        if m:
            obj = float(m.group(1))
    m = re.search(r"Lower bound: *(-?[\d.eE+-]+)", text)
    if m:
        bound = float(m.group(1))
    elif status == "optimal" and obj is not None:
        bound = obj
    return status, obj, bound


def read_progress(path):
    """From `placera solve --progress` lines: seconds of the first incumbent,
    seconds of the last incumbent change, first and last reported bound."""
    first = last = bound0 = bound1 = None
    prev = None
    try:
        f = open(path, encoding="utf-8", errors="replace")
    except OSError:
        return first, last, bound0, bound1
    with f:
        for line in f:
            m = re.match(r"\s*([\d.]+)s\s+incumbent\s+(\S+)\s+bound\s+(\S+)", line)
            if not m:
                continue
            t, inc, b = float(m.group(1)), m.group(2), m.group(3)
            if b != "-":
                bound1 = float(b)
                if bound0 is None:
                    bound0 = bound1
            if inc != "-":
                if first is None:
                    first = t
                if inc != prev:
                    last = t
                prev = inc
    return first, last, bound0, bound1


def num(x, digits=6):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if isinstance(x, float):
        if x == int(x) and abs(x) < 1e15:
            return str(int(x))
        return ("%%.%dg" % digits) % x
    return str(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--header", action="store_true")
    ap.add_argument("--set", default="")
    ap.add_argument("--instance", default="")
    ap.add_argument("--kind", default="")
    ap.add_argument("--mps")
    ap.add_argument("--schedule")
    ap.add_argument("--time")
    ap.add_argument("--check", default="-")
    ap.add_argument("--progress-log")
    ap.add_argument("--cbc-log")
    ap.add_argument("--cbc-time")
    ap.add_argument("--note", default="")
    a = ap.parse_args()
    out = csv.writer(sys.stdout, lineterminator="\n")
    if a.header:
        out.writerow(COLUMNS)
        return
    row = dict.fromkeys(COLUMNS)
    row.update(set=a.set, instance=a.instance, kind=a.kind, check=a.check,
               note=a.note)
    info, const = read_mps(a.mps) if a.mps else ({}, None)
    row.update(info)
    row["obj_const"] = const
    status = "error"
    cost = None
    try:
        with open(a.schedule, encoding="utf-8") as f:
            sched = json.load(f)
        status = sched.get("status", "?")
        cost = sched.get("cost")
        if status == "no_solution":
            cost = None
        row.update(status=status, cost=cost, bound=sched.get("bound"),
                   gap=sched.get("gap"), solve_s=sched.get("seconds"))
    except (OSError, ValueError, TypeError):
        row["status"] = status
    if a.kind == "mssp" and cost is not None:
        row["score"] = -cost
    row["wall_s"], row["cpu_s"], row["rss_mb"] = read_time(a.time) if a.time else (None,) * 3
    if a.progress_log:
        row["first_inc_s"], row["last_inc_s"], row["first_bound"], last_bound = \
            read_progress(a.progress_log)
        if row["bound"] is None and last_bound is not None:
            row["bound"] = last_bound  # no schedule: GLPK's last reported bound
    if a.cbc_log:
        st, obj, bound = read_cbc(a.cbc_log)
        corr = 2.0 * (const or 0.0)
        if obj is not None:
            obj += corr
        if bound is not None:
            bound += corr
        row.update(cbc_status=st, cbc_cost=obj, cbc_bound=bound)
        if obj is not None and bound is not None:
            row["cbc_gap"] = abs(obj - bound) / (1e-10 + abs(obj))
        w, c, r = read_time(a.cbc_time) if a.cbc_time else (None,) * 3
        row.update(cbc_wall_s=w, cbc_cpu_s=c, cbc_rss_mb=r)
        if w is not None and row["wall_s"]:
            row["cbc_over_placera_time"] = w / row["wall_s"]
        if obj is not None and cost is not None:
            row["cbc_minus_placera_cost"] = obj - cost
    else:
        row["cbc_status"] = "-"
    out.writerow([num(row[c]) if not isinstance(row[c], str) else row[c] for c in COLUMNS])


if __name__ == "__main__":
    main()
