#!/bin/sh
# explain.sh — why a requirement is unmet or a site understaffed (issue 15
# item 3; docs/explanations.md).  One small instance per kind of
# explanation; each is solved, checked by `placera check`, and the `why` of
# its unmet / understaffed item in the schedule JSON must hold the words
# asserted here.  The same words must appear in the text output and in the
# HTML report (which computes them again from the instance and the schedule).
# Usage: sh tests/sh/explain.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
has() { grep -qF -- "$2" "$1"; }

# case NAME WORDS: $tmp/NAME.json (written before) is solved and checked; the
# schedule's JSON, the text output and the HTML report must contain WORDS.
case_() {
    name=$1 words=$2
    if ! "$PLACERA" solve "$tmp/$name.json" -o "$tmp/$name.s.json" --quiet 2>"$tmp/err"; then
        bad "$name: solve: $(cat "$tmp/err")"; return
    fi
    if ! "$PLACERA" check "$tmp/$name.json" "$tmp/$name.s.json" >/dev/null 2>&1; then
        bad "$name: check"; return
    fi
    if grep -F '"why": "' "$tmp/$name.s.json" | grep -qF -- "$words"; then
        ok "$name: why in the JSON"
    else
        bad "$name: no why \"$words\" in"; grep -A1 '"why"' "$tmp/$name.s.json"
    fi
    "$PLACERA" solve "$tmp/$name.json" --format text --quiet >"$tmp/$name.txt" 2>/dev/null
    if has "$tmp/$name.txt" "$words"; then ok "$name: why in the text"; else bad "$name: text"; fi
    "$PLACERA" report "$tmp/$name.json" "$tmp/$name.s.json" -o "$tmp/$name.html" 2>/dev/null
    html=$(printf '%s' "$words" | sed "s/'/\&#39;/g")
    if grep -F '<td class="why">' "$tmp/$name.html" | grep -qF -- "$html"; then
        ok "$name: why in the HTML report"
    else
        bad "$name: HTML"; grep -o '<td class="why">[^<]*' "$tmp/$name.html"
    fi
}

# head NAME LENGTH: the common top of an instance
head_() {
    printf '{"format": "placera/1", "name": "%s",\n "horizon": {"start": "2027-01", "unit": "month", "length": %s},\n' "$1" "$2"
}

# 1. the active periods cannot hold the blocks (the issue's william: runs 2, 1, 5)
{ head_ runs 12; cat <<'JSON'
 "rotations": {"primary-care": {}},
 "sites": {"hc": {"capacity": {"primary-care": 2}}},
 "supervisors": {"anna": {"site": "hc", "max_trainees": 2}},
 "programs": {"BT": {"requirements": {"primary-care": {"min": 6, "block_min": 3, "block_max": 3}}}},
 "trainees": {"william": {"program": "BT", "end": 9,
              "unavailable": [{"from": 2, "to": 2}, {"from": 4, "to": 4}]}}}
JSON
} >"$tmp/runs.json"
case_ runs "william's active periods come in runs of 2, 1 and 5 months, which can hold at most 5 of the 6 months of primary-care it needs in blocks of at least 3"

# 2. a pin takes the time
{ head_ pin 6; cat <<'JSON'
 "rotations": {"pc": {}, "acute": {}},
 "sites": {"hc": {"capacity": {"pc": 1}}, "sus": {"capacity": {"acute": 1}}},
 "supervisors": {"anna": {"site": "hc"}, "bo": {"site": "sus"}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3, "block_min": 3}, "acute": {}}}},
 "trainees": {"saga": {"program": "BT", "fixed": [{"site": "sus", "rotation": "acute", "from": 0, "to": 3}]}}}
JSON
} >"$tmp/pin.json"
case_ pin "saga's pinned placements (acute at sus in periods 0-3) leave runs of 2 months, which can hold at most 0 of the 3 months of pc it needs in blocks of at least 3"

# 3. an after rule leaves too little time
{ head_ after 6; cat <<'JSON'
 "rotations": {"acute": {}, "psych": {}},
 "sites": {"sus": {"capacity": {"acute": 1, "psych": 1}}},
 "supervisors": {"bo": {"site": "sus"}},
 "programs": {"BT": {"requirements": {"acute": {"min": 4, "block_min": 4},
                                      "psych": {"min": 3, "after": ["acute"]}}}},
 "trainees": {"olle": {"program": "BT"}}}
JSON
} >"$tmp/after.json"
case_ after "psych must come after acute, which ends in period 3; the active runs after that (2 months) can hold at most 2 of the 3 months of psych it needs"

# 4. a choice takes the time
{ head_ choice 6; cat <<'JSON'
 "rotations": {"pc": {}, "surgery": {}, "medicine": {}},
 "sites": {"sus": {"capacity": {"pc": 1, "surgery": 1, "medicine": 1}}},
 "supervisors": {"bo": {"site": "sus"}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3, "block_min": 3},
                                      "surgery": {"min": 4, "block_min": 4},
                                      "medicine": {"min": 4, "block_min": 4}},
                     "choices": [{"rotations": ["surgery", "medicine"], "pick": 1}]}},
 "trainees": {"lisa": {"program": "BT"}}}
JSON
} >"$tmp/choice.json"
case_ choice "lisa's other placements take the periods it would need: "
if has "$tmp/choice.s.json" " (its choice of 1 of surgery, medicine); what is left can hold at most 0 of the 3 months of pc it needs in blocks of at least 3"; then
    ok "choice: the choice named"
else
    bad "choice: the choice named"
fi

# 5. no eligible site has room: full
{ head_ full 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": 1}}},
 "supervisors": {"anna": {"site": "hc", "max_trainees": 2}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3}}}},
 "trainees": {"t1": {"program": "BT"}, "t2": {"program": "BT"}}}
JSON
} >"$tmp/full.json"
case_ full "no eligible site has room: hc is full (1 of 1) in periods 0-2"

# 6. no eligible site has room: no qualified supervisor available
{ head_ nosup 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": 2}}},
 "supervisors": {"anna": {"site": "hc", "unavailable": [{"from": 1, "to": 2}]}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3}}}},
 "trainees": {"t1": {"program": "BT"}}}
JSON
} >"$tmp/nosup.json"
case_ nosup "in t1's free periods 1-2 no eligible site has room: hc has no qualified supervisor available in periods 1-2"

# 7. no site may take the trainee at all: the one failing condition (areas)
{ head_ areas 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc-heden": {"area": "Luleå", "capacity": {"pc": 2}},
           "hc-kiruna": {"area": "Kiruna", "capacity": {"acute": 1}}},
 "supervisors": {"anna": {"site": "hc-heden"}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3}}}},
 "trainees": {"saga": {"program": "BT", "home": "hc-kiruna", "areas": ["Kiruna", "Gällivare"]}}}
JSON
} >"$tmp/areas.json"
sed -i 's/"rotations": {"pc": {}}/"rotations": {"pc": {}, "acute": {}}/' "$tmp/areas.json"
case_ areas "no site may take saga for pc: hc-heden is in area Luleå, not in saga's areas Kiruna, Gällivare"

# 8. understaffed: nobody who may work there is active
{ head_ leave 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": {"max": 1, "min": 1}}}},
 "supervisors": {"anna": {"site": "hc"}},
 "programs": {"BT": {"requirements": {"pc": {}}}},
 "trainees": {"t1": {"program": "BT", "unavailable": [{"from": 2, "to": 2}]},
              "t2": {"program": "BT", "unavailable": [{"from": 2, "to": 2}]}}}
JSON
} >"$tmp/leave.json"
case_ leave "none of the 2 trainees who may work at hc in pc is active in period 2"

# 9. understaffed: the supervisors' max_trainees are below the minimum
{ head_ maxtr 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": {"max": 2, "min": 2}}}},
 "supervisors": {"anna": {"site": "hc"}},
 "programs": {"BT": {"requirements": {"pc": {}}}},
 "trainees": {"t1": {"program": "BT"}, "t2": {"program": "BT"}}}
JSON
} >"$tmp/maxtr.json"
case_ maxtr "the supervisors at hc who cover pc and are available in periods 0-2 take at most 1 trainee together (max_trainees), the minimum is 2"

# 10. understaffed: the trainees who may work there are placed elsewhere
{ head_ elsewhere 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc-a": {"capacity": {"pc": {"max": 1, "min": 1}}},
           "hc-b": {"capacity": {"pc": {"max": 1, "min": 1}}}},
 "supervisors": {"anna": {"site": "hc-a"}, "bo": {"site": "hc-b"}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3}}}},
 "trainees": {"t1": {"program": "BT"}}}
JSON
} >"$tmp/elsewhere.json"
case_ elsewhere "1 of the 1 trainee who may work at hc-"
if has "$tmp/elsewhere.s.json" "and is active in period 0 is placed elsewhere then: t1 at hc-"; then
    ok "elsewhere: the trainee and its site named"
else
    bad "elsewhere: the trainee and its site named"
fi

# 11. where there is room, the free stretches are too short for the blocks
{ head_ short 6; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": 1}}},
 "supervisors": {"anna": {"site": "hc", "max_trainees": 2}},
 "programs": {"BT": {"requirements": {"pc": {"min": 3, "block_min": 3}}},
              "X": {"requirements": {"pc": {}}}},
 "trainees": {"t0": {"program": "X", "start": 2, "end": 3,
                     "fixed": [{"site": "hc", "rotation": "pc", "from": 2, "to": 3}]},
              "t1": {"program": "BT"}}}
JSON
} >"$tmp/short.json"
case_ short "where an eligible site has room, t1's free periods (with its pc periods) come in runs of 2 and 2 months, which can hold at most 0 of the 3 months of pc it needs in blocks of at least 3"

# 12. understaffed: fewer trainees who may work there are active than the minimum
{ head_ few 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": {"max": 2, "min": 2}}}},
 "supervisors": {"anna": {"site": "hc", "max_trainees": 2}},
 "programs": {"BT": {"requirements": {"pc": {}}}},
 "trainees": {"t1": {"program": "BT"}}}
JSON
} >"$tmp/few.json"
case_ few "only 1 trainee who may work at hc in pc is active in period 0 (t1), the minimum is 2"

# 13. understaffed: no qualified supervisor available
{ head_ supleave 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": {"max": 1, "min": 1}}}},
 "supervisors": {"anna": {"site": "hc", "unavailable": [{"from": 2, "to": 2}]}},
 "programs": {"BT": {"requirements": {"pc": {}}}},
 "trainees": {"t1": {"program": "BT"}}}
JSON
} >"$tmp/supleave.json"
case_ supleave "no supervisor at hc who covers pc is available in period 2"

# 14. understaffed: a trainee is free but its rules keep it away
{ head_ maxrule 3; cat <<'JSON'
 "rotations": {"pc": {}},
 "sites": {"hc": {"capacity": {"pc": {"max": 1, "min": 1}}}},
 "supervisors": {"anna": {"site": "hc"}},
 "programs": {"BT": {"requirements": {"pc": {"max": 2}}}},
 "trainees": {"t1": {"program": "BT"}}}
JSON
} >"$tmp/maxrule.json"
case_ maxrule "1 trainee who may work at hc in pc is free in period "
if grep -F '"why": "' "$tmp/maxrule.s.json" | grep -qF "but placing it there would break its rules (blocks, max, order) or cost more than the understaffing"; then
    ok "maxrule: the rules named"
else
    bad "maxrule: the rules named"
fi

# A schedule read back keeps its why; reading one with a why that is not a
# string is an error.
if "$PLACERA" check "$tmp/runs.json" "$tmp/runs.s.json" >/dev/null 2>&1; then ok "check reads why"; else bad "check reads why"; fi
sed 's/"why": "[^"]*"/"why": 3/' "$tmp/runs.s.json" >"$tmp/bad.s.json"
if "$PLACERA" check "$tmp/runs.json" "$tmp/bad.s.json" >/dev/null 2>"$tmp/err"; then
    bad "a why that is not a string accepted"
else
    ok "a why that is not a string refused"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
