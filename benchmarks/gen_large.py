#!/usr/bin/env python3
"""Write a large valid placera instance (about 50 MB by default) for the
loading benchmark: many trainees with leave, areas, preferences, completed
periods, pins and home choices; sites with per-period capacities, posts and
rankings.  Deterministic for a given seed.

usage: python3 benchmarks/gen_large.py OUT.json [--trainees N] [--seed S]
"""
import argparse
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--trainees", type=int, default=135000)
    ap.add_argument("--sites", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    periods = 24
    rotations = ["rot-%02d" % i for i in range(12)]
    areas = ["area-%d" % i for i in range(8)]
    programs = {"BT": rotations[:6], "ST-am": rotations[3:10], "ST-im": rotations[6:12],
                "AT": rotations[::2]}
    sites = {}
    for i in range(a.sites):
        offered = rng.sample(rotations, 5)
        cap = {}
        for r in offered:
            k = rng.random()
            if k < 0.5:
                cap[r] = rng.randint(20, 60)
            elif k < 0.8:
                cap[r] = [rng.randint(10, 60) for _ in range(periods)]
            else:
                mx = rng.randint(20, 60)
                cap[r] = {"max": mx, "min": rng.randint(0, 5)}
        sites["site-%03d" % i] = {"name": "Site %d" % i, "area": areas[i % len(areas)],
                                  "priority": rng.choice([0, 0, 1, 2]), "capacity": cap,
                                  "posts": {g: 2000 for g in programs}}
    site_ids = list(sites)
    supervisors = {}
    for i in range(a.sites * 5):
        s = site_ids[i % len(site_ids)]
        sup = {"site": s, "max_trainees": rng.randint(8, 20), "mentees": rng.randint(0, 40)}
        if rng.random() < 0.3:
            sup["unavailable"] = [{"from": "2027-07", "to": "2027-07"}]
        supervisors["sup-%04d" % i] = sup
    progs = {}
    for g, rs in programs.items():
        req = {r: {"min": rng.randint(1, 3), "max": 8, "block_min": 1, "block_max": 6} for r in rs}
        progs[g] = {"requirements": req, "max_per_site": 16,
                    "choices": [{"rotations": rs[-2:], "pick": 1}]}
    trainees = {}
    rankings = {}
    for i in range(a.trainees):
        g = rng.choice(list(programs))
        t = {"program": g}
        if rng.random() < 0.8:
            t["home"] = rng.choice(site_ids)
        else:
            choices = rng.sample(site_ids, 3)
            t["home_choices"] = choices
            rankings.setdefault((choices[0], g), []).append("t%06d" % i)
        s0 = rng.randint(0, 6)
        t["start"] = "2027-%02d" % (s0 + 1)
        t["end"] = "2028-%02d-%02d" % (rng.randint(6, 12), rng.randint(1, 28))
        t["unavailable"] = [{"from": "2027-%02d-%02d" % (m, rng.randint(1, 28)),
                             "to": "2027-%02d-28" % m}
                            for m in sorted(rng.sample(range(s0 + 4, 13), rng.randint(1, 2)))]
        t["areas"] = rng.sample(areas, 3)
        t["preferences"] = {"sites": {s: rng.choice([-2, -1, 1, 2, 3]) for s in rng.sample(site_ids, 3)},
                            "rotations": {r: rng.choice([-1, 1, 2]) for r in rng.sample(programs[g], 2)}}
        if rng.random() < 0.5:
            t["completed"] = {programs[g][0]: rng.randint(0, 2)}
        if rng.random() < 0.2:
            t["fixed"] = [{"rotation": programs[g][1], "from": s0, "to": s0 + 1}]
        if rng.random() < 0.1:
            t["weights"] = {"unassigned": 50}
        trainees["t%06d" % i] = t
    for (s, g), ts in rankings.items():
        sites[s].setdefault("ranking", {})[g] = ts
    doc = {"format": "placera/1", "name": "large benchmark",
           "horizon": {"start": "2027-01-01", "unit": "month", "length": periods},
           "rotations": {r: {"name": r.upper()} for r in rotations},
           "sites": sites, "supervisors": supervisors, "programs": progs,
           "trainees": trainees, "weights": {"unmet": 1000, "fairness": 1},
           "allocation": {"stable": False}}
    with open(a.out, "w") as f:
        f.write("{\n")
        items = list(doc.items())
        for k, (key, val) in enumerate(items):
            sep = "," if k + 1 < len(items) else ""
            if isinstance(val, dict) and key in ("sites", "supervisors", "trainees", "programs"):
                f.write("  %s: {\n" % json.dumps(key))
                sub = list(val.items())
                for j, (sk, sv) in enumerate(sub):
                    f.write("    %s: %s%s\n" % (json.dumps(sk), json.dumps(sv, ensure_ascii=False),
                                                 "," if j + 1 < len(sub) else ""))
                f.write("  }%s\n" % sep)
            else:
                f.write("  %s: %s%s\n" % (json.dumps(key), json.dumps(val), sep))
        f.write("}\n")


if __name__ == "__main__":
    main()
