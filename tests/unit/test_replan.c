/*
 * test_replan.c — re-planning with a kept past (format.md 6, `--keep-until`).
 *
 * A supervisor who leaves in April, re-planned from April: January to March
 * stay exactly as in the reference (placements, empty periods and the named
 * supervisors), the cost is the one worked out by hand and the one found by
 * exhaustive search with those periods fixed (support_enum, whose only
 * judge is the independent checker).  Random references on tiny instances,
 * some of whose pasts break the instance: the solver (compact model and
 * decomposition) and the enumeration agree on the optimum, or all find
 * none.  The checker refuses a schedule
 * that changes the kept past and charges no change there; a kept past that
 * names a site the instance lost is a reason, not a silent drop; times
 * parse as period numbers or dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "placera.h"
#include "schedule/schedule.h"
#include "support_enum.h"
#include "support_rng.h"

/* Anna (Heden, two trainees) leaves in April: "end": "2027-03".  Bertil at
 * Heden takes one trainee, Cecilia at Kalix one. */
#define SCENARIO_WITH(KALIX) \
    "{\"format\": \"placera/1\", \"name\": \"anna leaves\"," \
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6}," \
    " \"rotations\": {\"pc\": {}}," \
    " \"sites\": {\"heden\": {\"capacity\": {\"pc\": 2}}, \"kalix\": {\"capacity\": {\"pc\": " KALIX "}}}," \
    " \"supervisors\": {\"anna\": {\"site\": \"heden\", \"max_trainees\": 2, \"end\": \"2027-03\"}," \
    "                  \"bertil\": {\"site\": \"heden\"}, \"cecilia\": {\"site\": \"kalix\"}}," \
    " \"programs\": {\"BT\": {\"requirements\": {\"pc\": {\"min\": 6}}}}," \
    " \"trainees\": {\"t1\": {\"program\": \"BT\", \"preferences\": {\"sites\": {\"heden\": 3}}}," \
    "              \"t2\": {\"program\": \"BT\", \"preferences\": {\"sites\": {\"heden\": 2, \"kalix\": 1}}}}}"
static const char *SCENARIO = SCENARIO_WITH("1");

/* The published plan: both at Heden with Anna all year. */
static const char *REFERENCE =
    "{\"format\": \"placera-schedule/1\", \"status\": \"optimal\", \"placements\": ["
    " {\"trainee\": \"t1\", \"site\": \"heden\", \"rotation\": \"pc\", \"from\": 0, \"to\": 5, \"supervisor\": \"anna\"},"
    " {\"trainee\": \"t2\", \"site\": \"heden\", \"rotation\": \"pc\", \"from\": 0, \"to\": 5, \"supervisor\": \"anna\"}]}";

static pl_instance *load(const char *text)
{
    pl_diags d;
    pl_diags_init(&d);
    pl_instance *inst = NULL;
    pl_status st = pl_instance_load_string(text, strlen(text), "i.json", &inst, &d);
    if (st != PL_OK)
        pl_diags_print(&d, stderr);
    assert_int_equal(st, PL_OK);
    pl_diags_free(&d);
    return inst;
}

static pl_schedule *load_schedule(const char *text, const pl_instance *inst)
{
    pl_diags d;
    pl_diags_init(&d);
    pl_schedule *s = NULL;
    pl_status st = pl_schedule_load_string(text, strlen(text), "s.json", inst, true, &s, &d);
    if (st != PL_OK)
        pl_diags_print(&d, stderr);
    assert_int_equal(st, PL_OK);
    pl_diags_free(&d);
    return s;
}

static pl_status solve_method(const pl_instance *inst, const pl_schedule *ref, int keep,
                              pl_method method, pl_schedule **out)
{
    pl_params params;
    pl_diags d;
    pl_params_init(&params);
    params.method = method;
    params.reference = ref;
    params.keep_until = keep;
    params.time_limit = 20;
    pl_diags_init(&d);
    pl_status st = pl_solve(inst, &params, out, &d);
    pl_diags_free(&d);
    return st;
}

static pl_status solve_kept(const pl_instance *inst, const pl_schedule *ref, int keep,
                            pl_schedule **out)
{
    return solve_method(inst, ref, keep, PL_METHOD_AUTO, out);
}

/* Site, rotation and supervisor of trainee t in period p, or -1s. */
static void cell_of(const pl_schedule *s, int t, int p, int *site, int *rot, int *sup)
{
    *site = *rot = *sup = -1;
    for (size_t i = 0; i < s->n_rows; i++)
        if (s->rows[i].t == t && s->rows[i].from <= p && p <= s->rows[i].to) {
            *site = s->rows[i].s;
            *rot = s->rows[i].r;
            *sup = s->rows[i].sup;
        }
}

static void test_supervisor_leaves_in_april(void **state)
{
    (void)state;
    pl_instance *inst = load(SCENARIO);
    pl_schedule *ref = load_schedule(REFERENCE, inst);
    pl_schedule *out = NULL;
    int keep = -1;
    assert_int_equal(pl_instance_period(inst, "2027-04", &keep), PL_OK);
    assert_int_equal(keep, 3);
    assert_int_equal(solve_kept(inst, ref, keep, &out), PL_OK);
    assert_string_equal(pl_schedule_status(out), "optimal");
    /* By hand: from April Heden has Bertil alone, so one trainee moves to
     * Kalix for April-June.  t2 loses 1 per month there (heden 2, kalix 1),
     * t1 would lose 3: t2 moves.  preference -(6*3 + 3*2 + 3*1) = -27,
     * change 3 * 10 = 30, nothing else: cost 3. */
    assert_true(fabs(pl_schedule_cost(out) - 3.0) < 1e-6);
    assert_true(fabs(out->costs.change - 30.0) < 1e-6);
    assert_true(fabs(out->costs.preference + 27.0) < 1e-6);
    int anna = -1;
    for (int j = 0; j < inst->n_supervisors; j++)
        if (!strcmp(inst->supervisors[j].id, "anna"))
            anna = j;
    for (int t = 0; t < 2; t++)
        for (int p = 0; p < keep; p++) {
            int s1, r1, v1, s0, r0, v0;
            cell_of(out, t, p, &s1, &r1, &v1);
            cell_of(ref, t, p, &s0, &r0, &v0);
            assert_int_equal(s1, s0);
            assert_int_equal(r1, r0);
            assert_int_equal(v1, anna); /* named as in the kept past */
        }
    double ecost = 0;
    assert_int_equal(enum_optimum_kept(inst, ref, keep, true, &ecost, NULL, NULL), PL_OK);
    assert_true(fabs(ecost - 3.0) < 1e-6);

    pl_check_options o;
    pl_check_report *rep = NULL;
    pl_check_options_init(&o);
    o.reference = ref;
    o.keep_until = keep;
    assert_int_equal(pl_check_with(inst, out, &o, &rep), PL_OK);
    if (!pl_check_passed(rep)) {
        pl_diags_print(&rep->violations, stderr);
        pl_diags_print(&rep->mismatches, stderr);
    }
    assert_true(pl_check_passed(rep));
    pl_check_report_free(rep);
    pl_schedule_free(out);
    pl_schedule_free(ref);
    pl_instance_free(inst);
}

/* Moving t1 to Kalix in February breaks the kept past: a violation naming
 * it; the change of a kept period is not charged (it is a violation). */
static void test_checker_refuses_a_changed_past(void **state)
{
    (void)state;
    pl_instance *inst = load(SCENARIO);
    pl_schedule *ref = load_schedule(REFERENCE, inst);
    pl_schedule *edited = load_schedule(
        "{\"format\": \"placera-schedule/1\", \"status\": \"feasible\", \"placements\": ["
        " {\"trainee\": \"t1\", \"site\": \"heden\", \"rotation\": \"pc\", \"from\": 0, \"to\": 0},"
        " {\"trainee\": \"t1\", \"site\": \"kalix\", \"rotation\": \"pc\", \"from\": 1, \"to\": 1},"
        " {\"trainee\": \"t1\", \"site\": \"heden\", \"rotation\": \"pc\", \"from\": 2, \"to\": 5},"
        " {\"trainee\": \"t2\", \"site\": \"heden\", \"rotation\": \"pc\", \"from\": 0, \"to\": 2},"
        " {\"trainee\": \"t2\", \"site\": \"kalix\", \"rotation\": \"pc\", \"from\": 3, \"to\": 5}]}",
        inst);
    pl_check_options o;
    pl_check_report *rep = NULL;
    pl_check_options_init(&o);
    o.reference = ref;
    o.keep_until = 3;
    o.costs_only = true;
    assert_int_equal(pl_check_with(inst, edited, &o, &rep), PL_OK);
    assert_int_equal(rep->violations.count, 1);
    assert_non_null(strstr(rep->violations.items[0].message, "t1 has kalix (pc) in period 1"));
    assert_non_null(strstr(rep->violations.items[0].message, "heden (pc)"));
    assert_true(fabs(rep->costs.change - 30.0) < 1e-6); /* t2's April-June only */
    pl_check_report_free(rep);
    /* keep until period 1: February is no longer kept, and costs change */
    o.keep_until = 1;
    assert_int_equal(pl_check_with(inst, edited, &o, &rep), PL_OK);
    assert_int_equal(rep->violations.count, 0);
    assert_true(fabs(rep->costs.change - 40.0) < 1e-6);
    pl_check_report_free(rep);
    pl_schedule_free(edited);
    pl_schedule_free(ref);
    pl_instance_free(inst);
}

/* The reference has t1 at a site the instance no longer has, in the kept
 * past: infeasible with a reason that says so (not a silent empty month). */
static void test_kept_past_names_a_lost_site(void **state)
{
    (void)state;
    pl_instance *inst = load(SCENARIO);
    pl_schedule *ref = load_schedule(
        "{\"format\": \"placera-schedule/1\", \"status\": \"optimal\", \"placements\": ["
        " {\"trainee\": \"t1\", \"site\": \"lulea\", \"rotation\": \"pc\", \"from\": 0, \"to\": 1},"
        " {\"trainee\": \"t2\", \"site\": \"heden\", \"rotation\": \"pc\", \"from\": 0, \"to\": 5}]}",
        inst);
    pl_schedule *out = NULL;
    assert_int_equal(solve_kept(inst, ref, 2, &out), PL_ERR_INFEASIBLE);
    assert_true(out->n_reasons >= 1);
    assert_non_null(strstr(out->reasons[0], "kept past"));
    assert_non_null(strstr(out->reasons[0], "lulea"));
    pl_schedule_free(out);
    /* kept only before period 0: nothing is kept, the re-plan exists */
    assert_int_equal(solve_kept(inst, ref, 0, &out), PL_OK);
    pl_schedule_free(out);
    /* the checker says the same */
    pl_check_options o;
    pl_check_report *rep = NULL;
    pl_schedule *any = load_schedule(REFERENCE, inst);
    pl_check_options_init(&o);
    o.reference = ref;
    o.keep_until = 2;
    o.costs_only = true;
    assert_int_equal(pl_check_with(inst, any, &o, &rep), PL_OK);
    bool named = false;
    for (size_t i = 0; i < rep->violations.count; i++)
        named |= strstr(rep->violations.items[i].message, "no site lulea") != NULL;
    assert_true(named);
    pl_check_report_free(rep);
    pl_schedule_free(any);
    pl_schedule_free(ref);
    pl_instance_free(inst);
}

/* A kept placement the instance forbids (Kalix closed in February) is a
 * reason in planners' words. */
static void test_kept_past_breaks_capacity(void **state)
{
    (void)state;
    const char *text = SCENARIO_WITH("[1,0,1,1,1,1]");
    pl_instance *inst = load(text);
    pl_schedule *ref = load_schedule(
        "{\"format\": \"placera-schedule/1\", \"status\": \"optimal\", \"placements\": ["
        " {\"trainee\": \"t2\", \"site\": \"kalix\", \"rotation\": \"pc\", \"from\": 0, \"to\": 5}]}",
        inst);
    pl_schedule *out = NULL;
    assert_int_equal(solve_kept(inst, ref, 3, &out), PL_ERR_INFEASIBLE);
    bool named = false;
    for (size_t i = 0; i < out->n_reasons; i++)
        named |= strstr(out->reasons[i], "kept past: t2 is at kalix (pc) in period 1") != NULL;
    assert_true(named);
    pl_schedule_free(out);
    pl_schedule_free(ref);
    pl_instance_free(inst);
}

/* A random tiny instance: 2-3 trainees, 2 sites, 1-2 rotations, 4 months. */
static char *random_text(rng *g)
{
    static char buf[4096];
    int nr = rnd(g, 1, 2), nt = rnd(g, 2, nr == 1 ? 3 : 2);
    int n = snprintf(buf, sizeof buf,
                     "{\"format\": \"placera/1\", \"horizon\": {\"start\": \"2027-01\", "
                     "\"unit\": \"month\", \"length\": 4}, \"rotations\": {\"a\": {}%s},"
                     " \"sites\": {\"s1\": {\"capacity\": {\"a\": %d%s}},"
                     " \"s2\": {\"capacity\": {\"a\": [%d,%d,%d,%d]%s}}},"
                     " \"supervisors\": {\"v1\": {\"site\": \"s1\", \"max_trainees\": 2, \"end\": %d},"
                     " \"v2\": {\"site\": \"s2\", \"start\": %d}},"
                     " \"programs\": {\"P\": {\"requirements\": {\"a\": {\"min\": %d, \"block_min\": %d}%s}}},"
                     " \"weights\": {\"change\": %d, \"unassigned\": %d}, \"trainees\": {",
                     nr == 2 ? ", \"b\": {}" : "", rnd(g, 1, 2), nr == 2 ? ", \"b\": 1" : "",
                     rnd(g, 0, 1), rnd(g, 0, 1), rnd(g, 0, 1), rnd(g, 0, 1),
                     nr == 2 ? ", \"b\": 1" : "", rnd(g, 1, 3), rnd(g, 0, 2), rnd(g, 1, 3),
                     rnd(g, 1, 2), nr == 2 ? ", \"b\": {\"max\": 2}" : "", rnd(g, 0, 20),
                     rnd(g, 5, 100));
    for (int t = 0; t < nt; t++)
        n += snprintf(buf + n, sizeof buf - (size_t)n,
                      "%s\"t%d\": {\"program\": \"P\", \"preferences\": {\"sites\": "
                      "{\"s1\": %d, \"s2\": %d}}%s}",
                      t ? ", " : "", t, rnd(g, -3, 3), rnd(g, -3, 3),
                      chance(g, 25) ? ", \"unavailable\": [{\"from\": 2}]" : "");
    snprintf(buf + n, sizeof buf - (size_t)n, "}}");
    return buf;
}

/* A random reference: each trainee-period empty or at a random cell. */
static char *random_reference(rng *g, int nt, int nr)
{
    static char buf[4096];
    int n = snprintf(buf, sizeof buf,
                     "{\"format\": \"placera-schedule/1\", \"status\": \"feasible\", \"placements\": [");
    bool first = true;
    for (int t = 0; t < nt; t++)
        for (int p = 0; p < 4; p++) {
            if (chance(g, 30))
                continue;
            n += snprintf(buf + n, sizeof buf - (size_t)n,
                          "%s{\"trainee\": \"t%d\", \"site\": \"s%d\", \"rotation\": \"%s\", "
                          "\"from\": %d}",
                          first ? "" : ", ", t, rnd(g, 1, 2), nr == 2 && chance(g, 40) ? "b" : "a", p);
            first = false;
        }
    snprintf(buf + n, sizeof buf - (size_t)n, "]}");
    return buf;
}

static void test_random_kept_against_enumeration(void **state)
{
    (void)state;
    rng g = {0x5eed1234abcdULL};
    int agreed = 0, infeasible = 0;
    for (int i = 0; i < 60; i++) {
        char *text = random_text(&g);
        pl_instance *inst = load(text);
        pl_schedule *ref = load_schedule(random_reference(&g, inst->n_trainees, inst->n_rotations),
                                         inst);
        int keep = rnd(&g, 0, 4);
        double ecost = 0;
        pl_status est = enum_optimum_kept(inst, ref, keep, true, &ecost, NULL, NULL);
        assert_true(est == PL_OK || est == PL_ERR_INFEASIBLE);
        for (int m = 0; m < 2; m++) { /* both methods keep the past */
            pl_method method = m == 0 ? PL_METHOD_COMPACT : PL_METHOD_DECOMPOSITION;
            pl_schedule *out = NULL;
            pl_status st = solve_method(inst, ref, keep, method, &out);
            if (est == PL_ERR_INFEASIBLE) {
                if (st != PL_ERR_INFEASIBLE)
                    fprintf(stderr, "case %d (keep %d, method %d): enumeration none, solver %s %g\n%s\n",
                            i, keep, m, pl_schedule_status(out), pl_schedule_cost(out), text);
                assert_int_equal(st, PL_ERR_INFEASIBLE);
                infeasible += m == 0;
            } else {
                if (st != PL_OK || fabs(pl_schedule_cost(out) - ecost) > 1e-6)
                    fprintf(stderr, "case %d (keep %d, method %d): enumeration %g, solver %s %g\n%s\n",
                            i, keep, m, ecost, out ? pl_schedule_status(out) : "-",
                            out ? pl_schedule_cost(out) : 0, text);
                assert_int_equal(st, PL_OK);
                assert_true(fabs(pl_schedule_cost(out) - ecost) < 1e-6);
                pl_check_options o;
                pl_check_report *rep = NULL;
                pl_check_options_init(&o);
                o.reference = ref;
                o.keep_until = keep;
                assert_int_equal(pl_check_with(inst, out, &o, &rep), PL_OK);
                assert_true(pl_check_passed(rep));
                pl_check_report_free(rep);
                agreed += m == 0;
            }
            pl_schedule_free(out);
        }
        pl_schedule_free(ref);
        pl_instance_free(inst);
    }
    assert_true(agreed >= 10);
    assert_true(infeasible >= 5);
}

static void test_times(void **state)
{
    (void)state;
    pl_instance *inst = load(SCENARIO);
    int p = -1;
    assert_int_equal(pl_instance_period(inst, "0", &p), PL_OK);
    assert_int_equal(p, 0);
    assert_int_equal(pl_instance_period(inst, "6", &p), PL_OK);
    assert_int_equal(p, 6);
    assert_int_equal(pl_instance_period(inst, "7", &p), PL_ERR_INVALID);
    assert_int_equal(pl_instance_period(inst, "2027-04-15", &p), PL_OK);
    assert_int_equal(p, 3);
    assert_int_equal(pl_instance_period(inst, "2026-04", &p), PL_OK);
    assert_int_equal(p, 0);
    assert_int_equal(pl_instance_period(inst, "2030-01", &p), PL_OK);
    assert_int_equal(p, 6);
    assert_int_equal(pl_instance_period(inst, "April", &p), PL_ERR_INVALID);
    assert_int_equal(pl_instance_period(inst, "-1", &p), PL_ERR_INVALID);
    /* the supervisor's end cut the availability: Anna is gone from April */
    int anna = 0;
    assert_string_equal(inst->supervisors[anna].id, "anna");
    assert_true(inst->supervisors[anna].available[2]);
    assert_false(inst->supervisors[anna].available[3]);
    assert_int_equal(inst->supervisors[anna].end, 2);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_supervisor_leaves_in_april),
        cmocka_unit_test(test_checker_refuses_a_changed_past),
        cmocka_unit_test(test_kept_past_names_a_lost_site),
        cmocka_unit_test(test_kept_past_breaks_capacity),
        cmocka_unit_test(test_random_kept_against_enumeration),
        cmocka_unit_test(test_times),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
