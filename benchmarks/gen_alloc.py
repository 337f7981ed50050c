#!/usr/bin/env python3
"""gen_alloc.py — a seeded annual-allocation instance for benchmarks/alloc_80_100.sh.

80 BT posts over 20 sites (14 health centres, 4 hospitals, 2 psychiatric
clinics), 100 applicants with home_choices of 3 to 5 sites (popular sites are
chosen more often), rankings on both sides (15 of the 20 sites rank the
applicants who chose them, leaving about one in ten out; 5 sites rank none),
main supervisors, and a 12-month BT schedule with the programme rules of
instances/norrbotten-bt.json (primary care and acute care 3 to 6 months in
blocks of at least 3, psychiatry 2 months after acute care), summer leave,
and site preferences for the home.  allocation.stable is true.

Usage: python3 benchmarks/gen_alloc.py [--seed N] [-o FILE]
"""
import argparse
import json
import random
import sys


def build(seed):
    rng = random.Random(seed)
    areas = ["Luleå", "Piteå", "Boden", "Kalix", "Kiruna", "Gällivare"]
    sites, supervisors = {}, {}
    kinds = [("hc", "primary-care", 14), ("hosp", "acute", 4), ("psy", "psychiatry", 2)]
    posts_left = 80
    order = []
    for kind, rotation, count in kinds:
        for i in range(count):
            sid = f"{kind}-{i + 1:02d}"
            order.append((sid, kind, rotation))
    # posts: 80 over 20 sites, hospitals and clinics hold more
    base = {"hc": 3, "hosp": 6, "psy": 4}
    posts = {sid: base[kind] for sid, kind, _ in order}
    total = sum(posts.values())
    while total < posts_left:
        sid = rng.choice(order)[0]
        posts[sid] += 1
        total += 1
    while total > posts_left:
        sid = rng.choice(order)[0]
        if posts[sid] > 1:
            posts[sid] -= 1
            total -= 1
    cap = {"hc": (3, 4), "hosp": (8, 11), "psy": (6, 8)}
    for n, (sid, kind, rotation) in enumerate(order):
        lo, hi = cap[kind]
        c = rng.randint(lo, hi)
        monthly = [c] * 12
        monthly[6] = max(1, c - 1 - c // 3)   # July: fewer places
        sites[sid] = {
            "area": areas[n % len(areas)],
            "priority": 2 if areas[n % len(areas)] in ("Kiruna", "Gällivare") else 0,
            "capacity": {rotation: monthly},
            "posts": {"BT": posts[sid]},
        }
        # enough supervision for the capacity; mentees about the posts
        need, mentees_left, k = c, posts[sid], 0
        while need > 0:
            k += 1
            m = min(need, rng.choice([2, 3]))
            mentees = min(mentees_left, rng.choice([1, 2]))
            mentees_left -= mentees
            sv = {"site": sid, "max_trainees": m, "mentees": mentees}
            if rng.random() < 0.3:
                start = rng.choice(["2027-06", "2027-07"])
                sv["unavailable"] = [{"from": start, "to": "2027-07"}]
            supervisors[f"{sid}-sv{k}"] = sv
            need -= m
        if mentees_left > 0:
            supervisors[f"{sid}-sv1"]["mentees"] += mentees_left
    popularity = {sid: rng.choice([1, 1, 2, 3, 5]) for sid, _, _ in order}
    trainees = {}
    applied = {sid: [] for sid, _, _ in order}
    for i in range(100):
        tid = f"bt{i + 1:03d}"
        k = rng.randint(3, 5)
        choices = []
        while len(choices) < k:
            pool = [s for s, _, _ in order if s not in choices]
            weights = [popularity[s] for s in pool]
            choices.append(rng.choices(pool, weights)[0])
        for s in choices:
            applied[s].append(tid)
        t = {"program": "BT", "home_choices": choices,
             "preferences": {"sites": {choices[0]: 2}}}
        if rng.random() < 0.7:
            m = rng.choice(["2027-07", "2027-08"])
            t["unavailable"] = [{"from": m, "to": m}]
        trainees[tid] = t
    # rankings: 15 sites rank the applicants who chose them, a tenth left out
    ranked = rng.sample([s for s, _, _ in order], 15)
    for sid in ranked:
        lst = [t for t in applied[sid] if rng.random() >= 0.1]
        rng.shuffle(lst)
        sites[sid]["ranking"] = {"BT": lst}
    return {
        "format": "placera/1",
        "name": f"alloc-80-100 seed {seed}",
        "horizon": {"start": "2027-01", "unit": "month", "length": 12},
        "rotations": {"primary-care": {"name": "Allmänmedicin"},
                      "acute": {"name": "Akutsjukvård"},
                      "psychiatry": {"name": "Psykiatri"}},
        "sites": sites,
        "supervisors": supervisors,
        "programs": {"BT": {
            "requirements": {
                "primary-care": {"min": 3, "max": 6, "block_min": 3},
                "acute": {"min": 3, "max": 6, "block_min": 3},
                "psychiatry": {"min": 2, "max": 2, "block_min": 2, "after": ["acute"]},
            },
            "mentor": True}},
        "trainees": trainees,
        "weights": {"unmet": 1000, "unassigned": 100, "understaffed": 500,
                    "unallocated": 10000, "rank": 10},
        "allocation": {"stable": True},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", default="-")
    a = ap.parse_args()
    text = json.dumps(build(a.seed), ensure_ascii=False, indent=1) + "\n"
    if a.o == "-":
        sys.stdout.write(text)
    else:
        with open(a.o, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
