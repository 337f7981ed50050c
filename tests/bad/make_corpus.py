#!/usr/bin/env python3
"""Write the bad-input corpus tests/bad/NAME.json: one file per class of error.

Each file is a small valid instance (BASE) with one defect (or a broken
syntax).  The expected messages are in NAME.expected, checked by
tests/sh/bad_inputs.sh.  Run from the repository root: python3 tests/bad/make_corpus.py
"""
import copy
import json
import os

BASE = {
    "format": "placera/1",
    "name": "bad",
    "horizon": {"start": "2027-01-01", "unit": "month", "length": 12},
    "rotations": {"acute": {}, "psych": {}},
    "sites": {"s1": {"area": "A", "capacity": {"acute": 2, "psych": 1}}},
    "supervisors": {"u1": {"site": "s1"}},
    "programs": {"BT": {"requirements": {"acute": {"min": 3}, "psych": {"max": 4}}}},
    "trainees": {"t1": {"program": "BT", "home": "s1"}},
}

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, text):
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def case(name, fn):
    doc = copy.deepcopy(BASE)
    fn(doc)
    write(name, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def put(path, value):
    """A mutation that sets doc[path...] = value."""
    def fn(doc):
        d = doc
        for k in path[:-1]:
            d = d[k]
        d[path[-1]] = value
    return fn


def delete(path):
    def fn(doc):
        d = doc
        for k in path[:-1]:
            d = d[k]
        del d[path[-1]]
    return fn


def seq(*fns):
    def fn(doc):
        for f in fns:
            f(doc)
    return fn


good = json.dumps(BASE, indent=2) + "\n"
# --- syntax ------------------------------------------------------------
write("syntax_truncated", good[: len(good) // 2])
write("syntax_trailing_comma", good.replace('"length": 12', '"length": 12,'))
write("syntax_duplicate_key", good.replace('"name": "bad",', '"name": "bad",\n  "name": "again",'))
write("syntax_empty", "")
write("syntax_bom", "\ufeff" + good)
write("syntax_single_quotes", good.replace('"name": "bad"', "'name': 'bad'"))
write("syntax_comment", good.replace('"name": "bad",', '"name": "bad", // a comment'))
# the same slips in their other places: each error names the slip (a hint)
write("syntax_comment_block", good.replace('"length": 12', '"length": /* months */ 12'))
write("syntax_trailing_comma_array", good.replace('"area": "A"', '"area": ["A",\n      ]'))
write("syntax_single_quotes_value", good.replace('"unit": "month"', '"unit": \'month\''))
write("top_array", "[1, 2, 3]\n")
write("top_string", '"placera/1"\n')

# --- top level -----------------------------------------------------------
case("format_missing", delete(["format"]))
case("format_wrong", put(["format"], "placera/2"))
case("unknown_top_key", seq(put(["solver"], {}), put(["x-note"], "x- keys are free"),
                            put(["$comment"], "so is this")))
case("name_not_string", put(["name"], 7))
case("collection_not_object", put(["sites"], [{"id": "s1"}]))
case("item_not_object", put(["rotations", "psych"], 3))

# --- ids and references ------------------------------------------------
case("bad_id_space", lambda d: d["trainees"].update({"t 2": {"program": "BT"}}))
case("bad_id_too_long", lambda d: d["rotations"].update({"r" * 65: {}}))
case("unknown_program", put(["trainees", "t1", "program"], "ST"))
case("unknown_site_home", put(["trainees", "t1", "home"], "s9"))
case("unknown_rotation_requirement", put(["programs", "BT", "requirements", "surgery"], {"min": 1}))
case("unknown_rotation_capacity", put(["sites", "s1", "capacity", "surgery"], 1))
case("unknown_supervisor_mentor", put(["trainees", "t1", "mentor_id"], "nobody"))
case("unknown_trainee_ranking", put(["sites", "s1", "ranking"], {"BT": ["t1", "t7"]}))
case("unknown_program_posts", put(["sites", "s1", "posts"], {"ST": 1}))
case("unknown_site_preference", put(["trainees", "t1", "preferences"], {"sites": {"s2": 1}}))
case("unknown_key_trainee", put(["trainees", "t1", "prgram"], "BT"))
case("unknown_key_rule", put(["programs", "BT", "requirements", "acute", "minimum"], 3))
case("duplicate_in_list", put(["supervisors", "u1", "rotations"], ["acute", "acute"]))
case("supervisor_missing_site", delete(["supervisors", "u1", "site"]))

# --- horizon -------------------------------------------------------------
case("horizon_missing", delete(["horizon"]))
case("horizon_unit_bad", put(["horizon", "unit"], "year"))
case("horizon_month_not_first", put(["horizon", "start"], "2027-01-15"))
case("horizon_start_impossible_date", put(["horizon", "start"], "2027-02-30"))
case("horizon_step_zero", put(["horizon", "step"], 0))
case("horizon_length_too_long", put(["horizon", "length"], 1001))
case("horizon_length_zero", put(["horizon", "length"], 0))
case("horizon_open_end_not_bool", put(["horizon", "open_end"], "no"))

# --- types and numbers -------------------------------------------------------
case("integer_with_fraction", put(["programs", "BT", "requirements", "acute", "min"], 2.0))
case("negative_count", put(["programs", "BT", "requirements", "acute", "min"], -1))
case("wrong_type_string", put(["supervisors", "u1", "max_trainees"], "two"))
case("wrong_type_bool", put(["programs", "BT", "mentor"], "yes"))
case("areas_not_list", put(["trainees", "t1", "areas"], "A"))

# --- times and ranges --------------------------------------------------------
case("date_bad_format", put(["trainees", "t1", "start"], "2027/03/01"))
case("date_month_with_week_unit", seq(
    put(["horizon"], {"start": "2027-01-04", "unit": "week", "step": 4, "length": 13}),
    put(["trainees", "t1", "unavailable"], [{"from": "2027-07"}])))
case("range_from_after_to", put(["trainees", "t1", "unavailable"], [{"from": 5, "to": 3}]))
case("range_missing_from", put(["supervisors", "u1", "unavailable"], [{"to": "2027-03"}]))
case("trainee_end_before_start", seq(put(["trainees", "t1", "start"], "2027-06"),
                                     put(["trainees", "t1", "end"], "2027-03")))
case("fixed_outside_horizon", put(["trainees", "t1", "fixed"], [{"rotation": "acute", "from": 10, "to": 14}]))
case("fixed_date_before_horizon", put(["trainees", "t1", "fixed"], [{"site": "s1", "from": "2026-12-15"}]))

# --- capacity ----------------------------------------------------------------
case("capacity_array_length", put(["sites", "s1", "capacity", "acute"], [2, 2, 2]))
case("capacity_object_missing_max", put(["sites", "s1", "capacity", "acute"], {"min": 1}))
# a min above max is not an error (format.md 3.9 point 25): the valid file
# tests/bad/ok/capacity_min_above_max.json, with its warning
case("capacity_wrong_type", put(["sites", "s1", "capacity", "acute"], "two"))

# --- rules, choices, amounts -----------------------------------------------------
case("rule_min_above_max", put(["programs", "BT", "requirements", "acute"], {"min": 5, "max": 4}))
case("rule_block_min_above_block_max", put(["programs", "BT", "requirements", "acute"],
                                           {"block_min": 4, "block_max": 2}))
case("rule_block_min_zero", put(["programs", "BT", "requirements", "acute", "block_min"], 0))
case("rule_after_itself", put(["programs", "BT", "requirements", "psych", "after"], ["psych"]))
case("override_merged_min_above_max", put(["trainees", "t1", "requirements"], {"psych": {"min": 6}}))
case("completed_above_max", put(["trainees", "t1", "completed"], {"psych": 5}))
case("choice_pick_too_large", put(["programs", "BT", "choices"], [{"rotations": ["acute", "psych"], "pick": 3}]))
case("choice_duplicate_rotation", put(["programs", "BT", "choices"], [{"rotations": ["acute", "acute"], "pick": 1}]))
case("choice_unknown_rotation", put(["trainees", "t1", "choices"], [{"rotations": ["acute", "ortho"], "pick": 1}]))
case("choice_missing_pick", put(["programs", "BT", "choices"], [{"rotations": ["acute"]}]))

# --- trainees ----------------------------------------------------------------
case("home_and_home_choices", put(["trainees", "t1", "home_choices"], ["s1"]))
case("home_choices_empty", seq(delete(["trainees", "t1", "home"]), put(["trainees", "t1", "home_choices"], [])))
case("previous_periods_zero", put(["trainees", "t1", "previous"], {"site": "s1", "rotation": "acute", "periods": 0}))
case("previous_unknown_rotation", put(["trainees", "t1", "previous"], {"site": "s1", "rotation": "ortho", "periods": 2}))
case("program_missing", delete(["trainees", "t1", "program"]))

# --- weights -----------------------------------------------------------------
case("weight_negative_unmet", put(["weights"], {"unmet": -5}))
case("weight_negative_fairness", put(["weights"], {"fairness": -1, "understaffed": -2, "site_change": -0.5}))
case("weight_not_number", put(["weights"], {"preference": "high"}))
case("weight_unknown", put(["weights"], {"unmett": 5}))
case("trainee_weight_top_only", put(["trainees", "t1", "weights"], {"fairness": 3}))
case("allocation_stable_not_bool", put(["allocation"], {"stable": 1}))

# --- everything at once ----------------------------------------------------------
case("many_errors", seq(
    put(["format"], "placera/0"),
    put(["sites", "s1", "capacity", "psych"], -1),
    put(["trainees", "t1", "home"], "nowhere"),
    put(["trainees", "t2"], {"program": "BT", "start": "2027-13", "fixed": [{"from": 20}]}),
    put(["programs", "BT", "requirements", "acute", "block_max"], 1.5)))

# --- hostile input: encodings, nesting, numbers, scale -----------------------------
def write_bytes(name, data):
    with open(os.path.join(HERE, name + ".json"), "wb") as f:
        f.write(data)


write_bytes("syntax_invalid_utf8", good.replace('"name": "bad"', '"name": "bad \\xff\\xfe"')
            .encode("utf-8").replace(b"\\xff\\xfe", b"\xff\xfe"))
write_bytes("syntax_overlong_utf8", good.replace('"name": "bad"', '"name": "bad XX"')
            .encode("utf-8").replace(b"XX", b"\xc0\xaf"))
# 100000 nested arrays: must be refused by the parser's depth limit, not
# recursed into (no stack overflow)
write("syntax_deep_nesting", '{"format": "placera/1", "name": ' + "[" * 100000 + "]" * 100000 + "}\n")
write("number_huge_real", good.replace('"length": 12', '"length": 1e400'))
write("number_two_pow_64", good.replace('"length": 12', '"length": 18446744073709551616'))
write("number_nan_text", good.replace('"length": 12', '"length": NaN'))
write("number_infinity_text", good.replace('"length": 12', '"length": -Infinity'))
case("number_large_integer", put(["programs", "BT", "requirements", "acute", "min"], 9007199254740993))
case("number_huge_weight", put(["weights"], {"preference": 1e308, "priority": -1e308}))
# scale: 101 sites x 100 rotations x 1000 periods = 10.1 million capacity
# cells, refused before the per-period arrays are allocated
case("scale_site_periods", seq(
    put(["horizon", "length"], 1000),
    put(["rotations"], {"r%d" % i: {} for i in range(100)}),
    put(["sites"], {"s%d" % i: {"capacity": {"r0": 1}} for i in range(101)}),
    put(["supervisors"], {"u1": {"site": "s0"}}),
    put(["programs"], {"BT": {"requirements": {"r0": {"min": 1}}}}),
    put(["trainees"], {"t1": {"program": "BT"}})))
# 10001 trainees x 1000 periods = 10.001 million trainee-periods
write("scale_trainee_periods", json.dumps(dict(BASE, horizon={"start": "2027-01-01", "unit": "month", "length": 1000},
                                               trainees={"t%d" % i: {"program": "BT"} for i in range(10001)}),
                                          separators=(",", ":")) + "\n")

# --- issue 17.5: years, echoed text, many messages ---------------------------------
# dates are written with four-digit years: a horizon that runs past 9999 or
# starts before 1900 is refused (9999-01 + 13 months ends in 10000)
case("horizon_year_10000", seq(put(["horizon", "start"], "9999-01-01"),
                               put(["horizon", "length"], 13)))
case("horizon_year_1899", put(["horizon", "start"], "1899-12-01"))
case("date_year_1899", put(["trainees", "t1", "start"], "1899-12-01"))
# an id of 100000 characters and one with a terminal escape and a line
# break: echoed cut at 80 characters, control characters escaped
case("long_id", lambda d: d["trainees"].update({"x" * 100000: {"program": "BT"}}))
case("control_characters_in_id", lambda d: d["trainees"].update(
    {"t\u001b[2J\u001b[31mred\nnext\u009b": {"program": "BT"}}))
# 250 trainees with an unknown home: 100 errors of that kind, then a count
case("many_errors_of_one_kind", lambda d: d["trainees"].update(
    {"t%03d" % i: {"program": "BT", "home": "nowhere%d" % i} for i in range(250)}))
