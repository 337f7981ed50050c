#!/usr/bin/env python3
"""bench_tables.py — the markdown tables of a benchmark run.

Reads the CSV that benchmarks/run.sh wrote (one row per instance, columns in
bench_row.py) and prints, in markdown:

1. placera (GLPK) and CBC side by side on the same MPS file;
2. for MSSP instances, placera's score next to the best published score.
   Published values come from the shared MSSP folder (never copied into the
   project): `results/best_results_batch_*.csv` (column `score` = best
   score of the authors' SA+MIP runs, `lower_bound` = CPLEX's bound, which
   for this maximisation is an upper bound on the optimum; values in the
   millions mean no useful bound) and the "score maximizes" comments of
   `generated_solutions_small/*-sol.dzn` (which are sometimes a little
   higher than the CSV).  The shared folder has no per-instance values for
   the 100 Akbarzadeh–Maenhout originals; the table says so.

Python 3 standard library only.  usage:
  bench_tables.py RESULTS.csv [--mssp DIR] [--time-limit S]
"""
import argparse
import csv
import glob
import os
import re

NO_BOUND = 1e6  # published bounds above this are "no useful bound"


def fnum(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def fmt(x, kind="num"):
    if x is None:
        return ""
    if kind == "s":
        return "%.1f" % x
    if kind == "mb":
        return "%.0f" % x
    if kind == "pct":
        return "%.2f%%" % (100.0 * x)
    if kind == "ratio":
        return "%.2f" % x
    if x == int(x):
        return "%d" % x
    return "%.2f" % x


def side_by_side(rows, time_limit):
    mssp = any(r["kind"] == "mssp" for r in rows)
    head = ["instance", "vars (int)", "rows", "status", "cost"]
    if mssp:
        head.append("score")
    head += ["bound", "gap", "s", "MB", "check", "1st inc s", "last inc s",
             "CBC status", "CBC cost", "CBC gap", "CBC s", "CBC MB",
             "CBC s / placera s", "CBC − placera cost"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        g = lambda k: fnum(r.get(k))
        vars_ = r["vars"] + (" (%s)" % r["int_vars"] if r.get("int_vars") else "")
        cells = [r["instance"], vars_, r["rows"], r["status"], fmt(g("cost"))]
        if mssp:
            cells.append(fmt(g("score")))
        cells += [fmt(g("bound")), fmt(g("gap"), "pct"), fmt(g("wall_s"), "s"),
                  fmt(g("rss_mb"), "mb"), r["check"], fmt(g("first_inc_s"), "s"),
                  fmt(g("last_inc_s"), "s"), r["cbc_status"],
                  fmt(g("cbc_cost")), fmt(g("cbc_gap"), "pct"),
                  fmt(g("cbc_wall_s"), "s"), fmt(g("cbc_rss_mb"), "mb"),
                  fmt(g("cbc_over_placera_time"), "ratio"),
                  fmt(g("cbc_minus_placera_cost"))]
        lines.append("| " + " | ".join(c if c else "–" for c in cells) + " |")
    lines.append("")
    lines.append("Time limit %s s for each solver.  cost = placera's cost "
                 "(minimised); bound and gap from GLPK's search; s = wall "
                 "seconds of the whole `placera solve` (load, model, solve, "
                 "write) or of `cbc` (read, solve); MB = peak resident memory; "
                 "1st / last inc s = seconds into GLPK's search (from `--progress`) "
                 "of the first incumbent and of its last improvement.  "
                 "CBC's objective is put on placera's scale (objective constant "
                 "corrected, see benchmarks/README.md).  CBC − placera cost < 0: "
                 "CBC found a cheaper schedule." % (time_limit or "?"))
    return "\n".join(lines)


def published(mssp_dir):
    """name -> {score, source, bound}."""
    best = {}
    for path in sorted(glob.glob(os.path.join(mssp_dir, "results", "best_results_batch_*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                name = os.path.basename(r.get("Instance", "")).replace(".dzn", "")
                score, bound = fnum(r.get("score")), fnum(r.get("lower_bound"))
                if not name or score is None:
                    continue
                old = best.get(name)
                if old is None or score > old["score"]:
                    best[name] = {"score": score, "source": "results CSV",
                                  "bound": bound if bound is not None and bound < NO_BOUND else None}
    for path in sorted(glob.glob(os.path.join(mssp_dir, "generated_solutions_small", "*-sol.dzn"))):
        name = os.path.basename(path)[:-len("-sol.dzn")]
        with open(path, encoding="utf-8", errors="replace") as f:
            f.seek(max(0, os.path.getsize(path) - 400))
            m = re.search(r"score maximizes is (-?\d+)", f.read())
        if not m:
            continue
        score = float(m.group(1))
        e = best.setdefault(name, {"score": None, "source": "", "bound": None})
        if e["score"] is None or score > e["score"]:
            e["score"], e["source"] = score, "solution file"
    return best


def versus_published(rows, mssp_dir):
    pub = published(mssp_dir)
    head = ["instance", "placera score", "placera score bound", "CBC score",
            "best known score", "source", "published bound", "placera below best"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    originals = 0
    for r in rows:
        if r["kind"] != "mssp":
            continue
        g = lambda k: fnum(r.get(k))
        score = g("score")
        sbound = -g("bound") if g("bound") is not None else None
        cbc = -g("cbc_cost") if g("cbc_cost") is not None else None
        p = pub.get(r["instance"])
        if r["instance"].startswith("Instance_"):
            originals += 1
        if p and p["score"] is not None:
            below = (p["score"] - score) / p["score"] if score is not None else None
            flag = " (!)" if sbound is not None and sbound < p["score"] - 1e-6 else ""
            cells = [r["instance"], fmt(score), fmt(sbound) + flag, fmt(cbc), fmt(p["score"]),
                     p["source"], fmt(p["bound"]) or "none", fmt(below, "pct")]
        else:
            cells = [r["instance"], fmt(score), fmt(sbound), fmt(cbc),
                     "not published here", "", "", ""]
        lines.append("| " + " | ".join(c if c else "–" for c in cells) + " |")
    lines.append("")
    lines.append("Score = −cost (maximised).  placera score bound = −(GLPK bound), an upper "
                 "bound on the optimum score ((!) marks a bound below the best known score, which "
                 "would mean the import or the model is wrong).  Best known = the higher of the "
                 "best `score` in ../shared/benchmarks/mssp/results/best_results_batch_*.csv "
                 "and the \"score maximizes\" of the solution file; published bound = "
                 "CPLEX's `lower_bound` of that CSV row (an upper bound on the score; "
                 "none when in the millions).")
    if originals:
        lines.append("")
        lines.append("The %d Akbarzadeh–Maenhout originals here have no published per-instance "
                     "scores in ../shared/benchmarks/mssp (only data files); Zanazzo et al. "
                     "report reaching the optimum on all of them, but the values are in "
                     "the papers, not in the shared folder." % originals)
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--mssp", default="")
    ap.add_argument("--time-limit", default="")
    a = ap.parse_args()
    with open(a.csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    print(side_by_side(rows, a.time_limit))
    if any(r["kind"] == "mssp" for r in rows):
        print()
        if a.mssp and os.path.isdir(a.mssp):
            print(versus_published(rows, a.mssp))
        else:
            print("(no published comparison: the MSSP folder %r is absent)" % a.mssp)


if __name__ == "__main__":
    main()
