/*
 * test_load.c — loading and validating instances: the example of
 * format.md §2 (made valid) with every resolved value checked, defaults,
 * dates as periods, windows cut to the horizon, all errors collected with
 * their JSON pointers, syntax errors with line and column, warnings, the
 * summary and the id lookups.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "instance/eligible.h"
#include "instance/instance.h"

static const char *EXAMPLE =
    "{\n"
    "  \"format\": \"placera/1\",\n"
    "  \"name\": \"Norrbotten 2027\",\n"
    "  \"horizon\": {\"start\": \"2027-01-01\", \"unit\": \"month\", \"step\": 1, \"length\": 24, \"open_end\": false},\n"
    "  \"rotations\": {\"primary-care\": {\"name\": \"Allmänmedicin\"}, \"acute\": {}, \"psychiatry\": {}},\n"
    "  \"sites\": {\"vc-kalix\": {\"name\": \"Kalix vårdcentral\", \"area\": \"Kalix\", \"priority\": 2,\n"
    "                           \"capacity\": {\"primary-care\": 2},\n"
    "                           \"posts\": {\"BT\": 1}, \"ranking\": {\"BT\": [\"t2\", \"t1\"]}},\n"
    "             \"sus\": {\"area\": \"Luleå\", \"capacity\": {\"acute\": {\"max\": 3, \"min\": 1},\n"
    "                       \"psychiatry\": [1,1,1,1,1,1,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}}},\n"
    "  \"supervisors\": {\"anna\": {\"site\": \"vc-kalix\", \"rotations\": [\"primary-care\"], \"programs\": [\"BT\", \"ST-am\"],\n"
    "                           \"max_trainees\": 2, \"unavailable\": [{\"from\": \"2027-07\", \"to\": \"2027-08\"}]},\n"
    "                  \"bo\": {\"site\": \"sus\", \"mentees\": 2}},\n"
    "  \"programs\": {\"BT\": {\"requirements\": {\"primary-care\": {\"min\": 3, \"block_min\": 3},\n"
    "                                         \"acute\": {\"min\": 3, \"block_min\": 3},\n"
    "                                         \"psychiatry\": {\"max\": 2, \"after\": [\"acute\"]}},\n"
    "                        \"choices\": [], \"max_per_site\": 12},\n"
    "               \"ST-am\": {\"requirements\": {\"acute\": {\"sites\": [\"sus\"], \"at_home\": false}},\n"
    "                        \"choices\": [{\"rotations\": [\"acute\", \"psychiatry\"], \"pick\": 1}], \"mentor\": true}},\n"
    "  \"trainees\": {\"t1\": {\"program\": \"BT\", \"start\": \"2027-01\", \"end\": \"2027-12\", \"home\": \"vc-kalix\",\n"
    "                        \"areas\": [\"Kalix\", \"Luleå\"], \"unavailable\": [{\"from\": \"2027-07\", \"to\": \"2027-07-20\"}],\n"
    "                        \"preferences\": {\"sites\": {\"vc-kalix\": 2}, \"rotations\": {\"psychiatry\": -1}},\n"
    "                        \"fixed\": [{\"site\": \"vc-kalix\", \"rotation\": \"primary-care\", \"from\": 0, \"to\": 2}],\n"
    "                        \"completed\": {\"acute\": 1}, \"weights\": {\"unmet\": 50},\n"
    "                        \"previous\": {\"site\": \"sus\", \"rotation\": \"acute\", \"periods\": 2}},\n"
    "                 \"t2\": {\"program\": \"ST-am\", \"home_choices\": [\"sus\", \"vc-kalix\"], \"start\": -3, \"end\": 40,\n"
    "                        \"areas\": [\"Piteå\"], \"mentor_id\": \"bo\", \"x-note\": \"free\"}},\n"
    "  \"weights\": {\"unmet\": 1000, \"unassigned\": 100, \"fairness\": 2},\n"
    "  \"allocation\": {\"stable\": true},\n"
    "  \"$comment\": \"adapted from format.md\"\n"
    "}\n";

static pl_instance *load_ok(const char *text, pl_diags *d)
{
    pl_instance *inst = NULL;
    pl_diags_init(d);
    pl_status st = pl_instance_load_string(text, strlen(text), "ex.json", &inst, d);
    if (st != PL_OK)
        pl_diags_print(d, stderr);
    assert_int_equal(st, PL_OK);
    assert_non_null(inst);
    return inst;
}

static void test_example(void **state)
{
    (void)state;
    pl_diags d;
    pl_instance *inst = load_ok(EXAMPLE, &d);
    assert_string_equal(pl_instance_name(inst), "Norrbotten 2027");
    assert_int_equal(inst->horizon.length, 24);
    assert_int_equal(inst->horizon.unit, PL_UNIT_MONTH);
    assert_int_equal(inst->n_rotations, 3);
    assert_int_equal(inst->n_sites, 2);
    assert_int_equal(inst->n_programs, 2);
    assert_int_equal(inst->n_trainees, 2);
    assert_true(inst->stable);
    assert_true(inst->weights.fairness == 2 && inst->weights.change == 10 &&
                inst->weights.unallocated == 10000);

    int pc = pli_instance_rotation_index(inst, "primary-care");
    int ac = pli_instance_rotation_index(inst, "acute");
    int ps = pli_instance_rotation_index(inst, "psychiatry");
    int kx = pli_instance_site_index(inst, "vc-kalix");
    int sus = pli_instance_site_index(inst, "sus");
    int bt = pli_instance_program_index(inst, "BT");
    int st = pli_instance_program_index(inst, "ST-am");
    assert_true(pc == 0 && ac == 1 && ps == 2 && kx == 0 && sus == 1 && bt == 0 && st == 1);
    assert_int_equal(pli_instance_trainee_index(inst, "t2"), 1);
    assert_int_equal(pli_instance_supervisor_index(inst, "bo"), 1);
    assert_int_equal(pli_instance_site_index(inst, "nowhere"), -1);
    assert_string_equal(inst->rotations[pc].name, "Allmänmedicin");
    assert_null(inst->rotations[ac].name);

    /* sites */
    const pl_site *s = &inst->sites[kx];
    assert_string_equal(s->name, "Kalix vårdcentral");
    assert_string_equal(inst->areas[s->area], "Kalix");
    assert_true(s->priority == 2);
    assert_true(s->offers[pc] && !s->offers[ac]);
    assert_int_equal(pl_cap_max(inst, kx, pc, 23), 2);
    assert_int_equal(pl_cap_max(inst, kx, ac, 0), 0);
    assert_int_equal(s->posts[bt], 1);
    assert_int_equal(s->posts[st], -1);
    assert_int_equal(s->n_ranking[bt], 2);
    assert_int_equal(s->ranking[bt][0], 1);
    assert_null(s->ranking[st]);
    assert_int_equal(pl_cap_max(inst, sus, ac, 5), 3);
    assert_int_equal(pl_cap_min(inst, sus, ac, 5), 1);
    assert_int_equal(pl_cap_max(inst, sus, ps, 6), 0);
    assert_int_equal(pl_cap_max(inst, sus, ps, 8), 1);

    /* supervisors: anna's own lists and leave; bo's defaults (3.9.24) */
    const pl_supervisor *a = &inst->supervisors[0], *b = &inst->supervisors[1];
    assert_int_equal(a->site, kx);
    assert_true(a->rotations[pc] && !a->rotations[ac]);
    assert_true(a->programs[bt] && a->programs[st]);
    assert_int_equal(a->max_trainees, 2);
    assert_true(a->available[5] && !a->available[6] && !a->available[7] && a->available[8]);
    assert_true(!b->rotations[pc] && b->rotations[ac] && b->rotations[ps]);
    assert_true(b->programs[bt] && b->programs[st]);
    assert_int_equal(b->max_trainees, 1);
    assert_int_equal(b->mentees, 2);
    assert_int_equal(a->mentees, 0);

    /* programs */
    const pl_program *g = &inst->programs[bt];
    assert_true(g->rules[pc].present && g->rules[pc].min == 3 && g->rules[pc].block_min == 3);
    assert_true(g->rules[ps].max == 2 && g->rules[ps].n_after == 1 && g->rules[ps].after[0] == ac);
    assert_true(g->rules[pc].max == PL_UNLIMITED && g->rules[pc].block_max == PL_UNLIMITED);
    assert_int_equal(g->max_per_site, 12);
    assert_false(g->mentor);
    assert_int_equal(g->n_choices, 0);
    const pl_program *g2 = &inst->programs[st];
    assert_true(g2->mentor);
    assert_int_equal(g2->n_choices, 1);
    assert_int_equal(g2->choices[0].pick, 1);
    assert_int_equal(g2->choices[0].n_rotations, 2);
    assert_true(g2->rules[ac].sites && g2->rules[ac].sites[sus] && !g2->rules[ac].sites[kx]);
    assert_false(g2->rules[pc].present);

    /* trainee t1 */
    const pl_trainee *t = &inst->trainees[0];
    assert_int_equal(t->program, bt);
    assert_int_equal(t->start, 0);
    assert_int_equal(t->end, 11);
    assert_true(t->active[5] && !t->active[6] && t->active[7] && !t->active[12]);
    assert_int_equal(t->home, kx);
    assert_false(t->has_home_choices);
    assert_true(t->has_areas && t->n_areas == 2);
    assert_string_equal(inst->areas[t->areas[1]], "Luleå");
    assert_true(t->pref_site[kx] == 2 && t->pref_site[sus] == 0);
    assert_true(t->pref_rotation[ps] == -1);
    assert_int_equal(t->n_fixed, 1);
    assert_true(t->fixed[0].site == kx && t->fixed[0].rotation == pc &&
                t->fixed[0].from == 0 && t->fixed[0].to == 2);
    assert_int_equal(t->completed[ac], 1);
    assert_true(t->previous.site == sus && t->previous.rotation == ac && t->previous.periods == 2);
    assert_true(t->weights.unmet == 50 && t->weights.unassigned == 100);
    assert_int_equal(t->max_per_site, 12);
    assert_int_equal(t->mentor_id, -1);
    assert_true(t->rules[ps].present && t->rules[ps].max == 2);

    /* trainee t2: window cut to the horizon, home choices, program's choices */
    const pl_trainee *u = &inst->trainees[1];
    assert_int_equal(u->start, 0);
    assert_int_equal(u->end, 23);
    assert_true(u->has_home_choices && u->home == -1 && u->n_home_choices == 2);
    assert_true(u->home_choices[0] == sus && u->home_choices[1] == kx);
    assert_true(u->mentor);
    assert_int_equal(u->mentor_id, 1);
    assert_int_equal(u->n_choices, 1);
    assert_int_equal(inst->n_areas, 3); /* Kalix, Luleå, and Piteå used only by t2 */

    /* eligibility (3.1): t2's areas only allow its home choices */
    assert_true(pli_eligible(inst, 1, sus, ac, 0, sus));
    assert_false(pli_eligible(inst, 1, sus, ac, 0, kx)); /* Luleå not in t2's areas */
    assert_true(pli_eligible_any(inst, 1, sus, ac, 0));
    assert_false(pli_eligible_any(inst, 1, kx, pc, 0)); /* not in ST-am requirements */

    pl_instance_summary sum;
    pl_instance_summarize(inst, &sum);
    /* t1: 11 active periods × (kx/pc + sus/ac) + sus/ps in its 10 open active
     * periods (not 6, 7) = 32; t2: sus/ac 24 periods */
    assert_int_equal(sum.eligible_cells, 11 + 11 + 10 + 24);
    assert_int_equal(sum.periods, 24);
    assert_int_equal(pl_instance_trainee_count(inst), 2);
    assert_string_equal(pl_instance_trainee_id(inst, 1), "t2");
    assert_null(pl_instance_trainee_id(inst, 2));

    pl_instance_free(inst);
    pl_diags_free(&d);
}

static const char *MINI_HEAD =
    "{\"format\": \"placera/1\", \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 12},"
    " \"rotations\": {\"r\": {}}, \"sites\": {\"s\": {\"capacity\": {\"r\": 1}}},"
    " \"supervisors\": {\"u\": {\"site\": \"s\"}},"
    " \"programs\": {\"P\": {\"requirements\": {\"r\": {\"max\": 3}}}}, ";

static pl_status load_mini(const char *trainees, pl_instance **inst, pl_diags *d)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s\"trainees\": %s}", MINI_HEAD, trainees);
    pl_diags_init(d);
    return pl_instance_load_string(buf, strlen(buf), "m.json", inst, d);
}

static bool has_message(const pl_diags *d, const char *path, const char *part)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].path && !strcmp(d->items[i].path, path) &&
            strstr(d->items[i].message, part))
            return true;
    return false;
}

static void test_month_dates_same_period(void **state)
{
    (void)state;
    pl_instance *inst = NULL;
    pl_diags d;
    assert_int_equal(load_mini("{\"a\": {\"program\": \"P\", \"unavailable\": [{\"from\": \"2027-07\"}]},"
                               " \"b\": {\"program\": \"P\", \"unavailable\": [{\"from\": \"2027-07-15\"}]},"
                               " \"c\": {\"program\": \"P\", \"unavailable\": [{\"from\": 6}]},"
                               " \"e\": {\"program\": \"P\", \"unavailable\": [{\"from\": \"2026-01\", \"to\": \"2027-02-10\"}],"
                               "        \"end\": \"2030-01\"}}",
                               &inst, &d),
                     PL_OK);
    for (int t = 0; t < 3; t++)
        for (int p = 0; p < 12; p++)
            assert_int_equal(inst->trainees[t].active[p], p != 6);
    /* a window reaching before the horizon is cut to it */
    assert_false(inst->trainees[3].active[0]);
    assert_false(inst->trainees[3].active[1]);
    assert_true(inst->trainees[3].active[2]);
    assert_int_equal(inst->trainees[3].end, 11);
    pl_instance_free(inst);
    pl_diags_free(&d);
}

static void test_all_errors_collected(void **state)
{
    (void)state;
    pl_instance *inst = NULL;
    pl_diags d;
    pl_status st = load_mini("{\"t7\": {\"program\": \"P\", \"requirements\": {\"r\": {\"min\": -1}},"
                             " \"home\": \"nowhere\", \"fixed\": [{\"from\": 12}], \"colour\": 1},"
                             " \"t 8\": {\"program\": \"Q\"}}",
                             &inst, &d);
    assert_int_equal(st, PL_ERR_INVALID);
    assert_null(inst);
    assert_int_equal(pl_diags_count_severity(&d, PL_SEV_ERROR), 6);
    assert_true(has_message(&d, "/trainees/t7/requirements/r/min", "must be an integer >= 0, got -1"));
    assert_true(has_message(&d, "/trainees/t7/home", "unknown site \"nowhere\""));
    assert_true(has_message(&d, "/trainees/t7/fixed/0/from", "inside the horizon"));
    assert_true(has_message(&d, "/trainees/t7/colour", "unknown key"));
    assert_true(has_message(&d, "/trainees/t 8", "bad id"));
    assert_true(has_message(&d, "/trainees/t 8/program", "unknown program"));
    char line[512];
    pl_diag_format(&d.items[0], line, sizeof line);
    assert_non_null(strstr(line, "m.json: /trainees/"));
    pl_diags_free(&d);
}

static void test_syntax_error_position(void **state)
{
    (void)state;
    pl_instance *inst = NULL;
    pl_diags d;
    pl_diags_init(&d);
    const char *text = "{\n  \"format\": \"placera/1\",\n  \"name\": \"x\" \"y\"\n}\n";
    assert_int_equal(pl_instance_load_string(text, strlen(text), "s.json", &inst, &d),
                     PL_ERR_SYNTAX);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_true(d.items[0].column > 0);
    assert_null(strstr(d.items[0].message, "(")); /* no slip: no hint */
    pl_diags_clear(&d);
    const char *dup = "{\"format\": \"placera/1\", \"format\": \"placera/1\"}";
    assert_int_equal(pl_instance_load_string(dup, strlen(dup), "s.json", &inst, &d),
                     PL_ERR_SYNTAX);
    assert_non_null(strstr(d.items[0].message, "duplicate"));
    pl_diags_clear(&d);
    assert_int_equal(pl_instance_load_string("  \n", 3, "s.json", &inst, &d), PL_ERR_SYNTAX);
    assert_non_null(strstr(d.items[0].message, "empty"));
    pl_diags_clear(&d);
    assert_int_equal(pl_instance_load("/nonexistent/x.json", &inst, &d), PL_ERR_IO);
    pl_diags_clear(&d);
    assert_int_equal(pl_instance_load("/tmp", &inst, &d), PL_ERR_IO);
    assert_non_null(strstr(d.items[0].message, "directory"));
    pl_diags_free(&d);
}

/* The common slips get a plain hint after jansson's message; a slash or a
 * brace that is not one of them gets none. */
static void test_syntax_hints(void **state)
{
    (void)state;
    static const struct {
        const char *text, *hint;
    } cases[] = {
        {"{\"format\": \"placera/1\",\n}", "(remove the comma before } or ])"},
        {"{\"a\": [1, 2 , \n ]}", "(remove the comma before } or ])"},
        {"{\"a\": 1, // note\n}", "(JSON has no comments; use a \"$comment\" key)"},
        {"{\"a\": /* note */ 1}", "(JSON has no comments; use a \"$comment\" key)"},
        {"{'format': 1}", "(JSON strings use double quotes)"},
        {"{\"a\": 'x'}", "(JSON strings use double quotes)"},
        {"{\"a\": 1 / 2}", NULL},
        {"{\"a\": }", NULL},
        {"{\"a\": [1 2]}", NULL},
    };
    pl_instance *inst = NULL;
    pl_diags d;
    pl_diags_init(&d);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *text = cases[i].text;
        assert_int_equal(pl_instance_load_string(text, strlen(text), "h.json", &inst, &d),
                         PL_ERR_SYNTAX);
        assert_int_equal(d.count, 1);
        const char *m = d.items[0].message;
        assert_non_null(strstr(m, "invalid JSON: "));
        if (cases[i].hint)
            assert_non_null(strstr(m, cases[i].hint));
        else
            assert_null(strchr(m, '('));
        pl_diags_clear(&d);
    }
    pl_diags_free(&d);
}

static void test_warnings(void **state)
{
    (void)state;
    pl_instance *inst = NULL;
    pl_diags d;
    /* max 3 for r; 4 pinned periods; pinned on leave; two pins over capacity 1 */
    assert_int_equal(load_mini("{\"a\": {\"program\": \"P\", \"unavailable\": [{\"from\": 5}],"
                               "        \"fixed\": [{\"site\": \"s\", \"rotation\": \"r\", \"from\": 2, \"to\": 5}]},"
                               " \"b\": {\"program\": \"P\", \"fixed\": [{\"site\": \"s\", \"rotation\": \"r\", \"from\": 2}]}}",
                               &inst, &d),
                     PL_OK);
    assert_true(has_message(&d, "/trainees/a/fixed/0", "pinned placement of trainee a"));
    assert_true(has_message(&d, "/trainees/a/fixed", "allows at most 3"));
    assert_true(has_message(&d, "/sites/s/capacity/r", "pinned placements exceed the capacity"));
    assert_int_equal(pl_diags_count_severity(&d, PL_SEV_ERROR), 0);
    for (size_t i = 0; i < d.count; i++)
        assert_int_equal(d.items[i].severity, PL_SEV_WARNING);
    pl_instance_free(inst);
    pl_diags_free(&d);
}

/* A file over 1 MB takes the streamed path (load_stream.c): trainee k is
 * on line 4 + k.  `defect` (or -1) is the trainee whose text is broken:
 * kind 0 a missing colon, 1 an unknown program, 2 a duplicate id. */
static char *big_text(int n, int defect, int kind)
{
    size_t cap = (size_t)n * 400 + 4096, len = 0;
    char *buf = malloc(cap);
    len += (size_t)sprintf(buf + len, "{\n%s\n\"trainees\": {\n", MINI_HEAD + 1);
    for (int k = 0; k < n; k++) {
        char id[16];
        snprintf(id, sizeof id, "t%d", (k == defect && kind == 2) ? k - 1 : k);
        len += (size_t)sprintf(buf + len,
                               "\"%s\": {\"program\"%s\"%s\", \"start\": %d, \"x-pad\": "
                               "\"%0300d\"}%s\n",
                               id, (k == defect && kind == 0) ? " " : ": ",
                               (k == defect && kind == 1) ? "Q" : "P", k % 12, 0,
                               k + 1 < n ? "," : "");
    }
    sprintf(buf + len, "}}\n");
    return buf;
}

static void test_streamed_large(void **state)
{
    (void)state;
    pl_diags d;
    pl_instance *inst = NULL;
    char *text = big_text(4000, -1, 0);
    assert_true(strlen(text) > ((size_t)1 << 20));
    pl_diags_init(&d);
    assert_int_equal(pl_instance_load_string(text, strlen(text), "big.json", &inst, &d), PL_OK);
    assert_int_equal(inst->n_trainees, 4000);
    assert_int_equal(pli_instance_trainee_index(inst, "t3999"), 3999);
    assert_int_equal(inst->trainees[3999].start, 3999 % 12);
    assert_true(inst->trainees[25].rules[0].present);
    pl_instance_free(inst);
    free(text);

    /* a syntax error inside a streamed trainee: line and column of the whole file */
    text = big_text(4000, 3500, 0);
    pl_diags_clear(&d);
    assert_int_equal(pl_instance_load_string(text, strlen(text), "big.json", &inst, &d), PL_ERR_SYNTAX);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 4 + 3500);
    free(text);

    /* a meaning error in a streamed trainee keeps its JSON pointer */
    text = big_text(4000, 2000, 1);
    pl_diags_clear(&d);
    assert_int_equal(pl_instance_load_string(text, strlen(text), "big.json", &inst, &d), PL_ERR_INVALID);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].path, "/trainees/t2000/program");
    free(text);

    /* a duplicate trainee id is a syntax error at its place */
    text = big_text(4000, 1234, 2);
    pl_diags_clear(&d);
    assert_int_equal(pl_instance_load_string(text, strlen(text), "big.json", &inst, &d), PL_ERR_SYNTAX);
    assert_int_equal(d.items[0].line, 4 + 1234);
    assert_non_null(strstr(d.items[0].message, "duplicate"));
    free(text);
    pl_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example),
        cmocka_unit_test(test_month_dates_same_period),
        cmocka_unit_test(test_all_errors_collected),
        cmocka_unit_test(test_syntax_error_position),
        cmocka_unit_test(test_syntax_hints),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_streamed_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
