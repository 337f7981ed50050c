/*
 * test_check_rules.c — the checker's per-period rules: eligibility (3.1),
 * capacity and supervision as a matching (3.2), and max_per_site.  Each rule
 * has a schedule that passes (its cost worked out by hand) and schedules
 * that break it.
 */
#include "../check/fixture.h"

#define ROW(t, s, r, f, to) \
    "{\"trainee\": \"" t "\", \"site\": \"" s "\", \"rotation\": \"" r "\", \"from\": " #f ", \"to\": " #to "}"
#define ROWS(t, s, r, f, to, sup)                                                           \
    "{\"trainee\": \"" t "\", \"site\": \"" s "\", \"rotation\": \"" r "\", \"from\": " #f \
    ", \"to\": " #to ", \"supervisor\": \"" sup "\"}"

/* ---- 3.1 eligibility --------------------------------------------------- */

static pl_instance *elig_instance(void)
{
    return fx_instance(
        "\"s1\": {\"area\": \"N\", \"capacity\": {\"pc\": 1, \"ac\": 1, \"ps\": [1, 1, 0, 0, 1, 1]}},"
        "\"s2\": {\"area\": \"S\", \"capacity\": {\"pc\": 1, \"ac\": 1, \"ps\": 1}},"
        "\"s3\": {\"area\": \"W\", \"capacity\": {\"pc\": 1, \"ac\": 1}}",
        "\"a\": {\"site\": \"s1\", \"max_trainees\": 3}, \"b\": {\"site\": \"s2\", \"max_trainees\": 3},"
        "\"c\": {\"site\": \"s3\", \"max_trainees\": 3}",
        "\"BT\": {\"requirements\": {\"pc\": {}, \"ac\": {\"sites\": [\"s1\", \"s2\"]}, \"ps\": {\"at_home\": true}}},"
        "\"P2\": {\"requirements\": {\"pc\": {}}}",
        "\"t1\": {\"program\": \"BT\", \"home\": \"s1\", \"areas\": [\"S\"], \"unavailable\": [{\"from\": 5}]},"
        "\"t2\": {\"program\": \"P2\", \"home\": \"s1\"}",
        "");
}

static pl_check_report *elig(pl_instance *inst, const char *rows)
{
    char *body = pli_asprintf("\"placements\": [%s]", rows);
    pl_schedule *s = fx_schedule(inst, body);
    pl_check_report *rep = fx_check(inst, s);
    pl_schedule_free(s);
    free(body);
    return rep;
}

/* t1: pc at its home s1 (area N, allowed as home), ac at s2 (area S, in the
 * rule's sites), ps at home in period 4 (capacity 1 then).  t2: pc at s3.
 * Costs: t1 active 0-4, placed 0, 1, 4 → 2 unassigned; t2 placed 0 → 5.
 * unassigned 7 × 100 = 700; no mins, no preferences.  Total 700. */
static void eligibility_valid(void **state)
{
    (void)state;
    pl_instance *inst = elig_instance();
    pl_check_report *rep = elig(inst, ROW("t1", "s1", "pc", 0, 0) "," ROW("t1", "s2", "ac", 1, 1) ","
                                      ROW("t1", "s1", "ps", 4, 4) "," ROW("t2", "s3", "pc", 0, 0));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 700, 700);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void eligibility_violations(void **state)
{
    (void)state;
    pl_instance *inst = elig_instance();
    pl_check_report *rep = elig(inst, ROW("t1", "s1", "ps", 5, 5));
    FX_ASSERT_VIOLATION(rep, "t1 is at s1 (ps) in period 5 (2027-06)", "not available");
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t2", "s1", "ac", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t2 is at s1 (ac)", "not in its requirements");
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t1", "s1", "ps", 2, 3));
    FX_ASSERT_VIOLATION(rep, "periods 2 to 3 (2027-03 to 2027-04)", "no capacity for ps");
    assert_int_equal(rep->violations.count, 1); /* the two periods together */
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t1", "s3", "ac", 0, 0));
    FX_ASSERT_VIOLATION(rep, "does not allow site s3");
    FX_ASSERT_VIOLATION(rep, "outside the trainee's areas");
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t1", "s2", "ps", 0, 0));
    FX_ASSERT_VIOLATION(rep, "must be done at its home (s1)");
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t1", "s3", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t1 is at s3 (pc)", "outside the trainee's areas");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- 3.2 capacity ------------------------------------------------------- */

static pl_instance *cap_instance(void)
{
    return fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}}, \"s2\": {\"capacity\": {\"pc\": 2}}",
                       "\"a\": {\"site\": \"s1\", \"max_trainees\": 2}, \"b\": {\"site\": \"s2\", \"max_trainees\": 2}",
                       "\"BT\": {\"requirements\": {\"pc\": {}}}",
                       "\"t1\": {\"program\": \"BT\"}, \"t2\": {\"program\": \"BT\"}", "");
}

/* Both at s2 (room for 2) in period 0: unassigned 5 + 5 → 1000. */
static void capacity(void **state)
{
    (void)state;
    pl_instance *inst = cap_instance();
    pl_check_report *rep = elig(inst, ROW("t1", "s2", "pc", 0, 0) "," ROW("t2", "s2", "pc", 0, 0));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 1000, 1000);
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t1", "s1", "pc", 0, 0) "," ROW("t2", "s1", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "s1 (pc) has 2 trainees in period 0 (2027-01) but room for 1");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- 3.2 supervision: a matching, not a count -------------------------- */

static pl_instance *sup_instance(void)
{
    return fx_instance(
        "\"s1\": {\"capacity\": {\"pc\": 2, \"ac\": 2}}, \"s2\": {\"capacity\": {\"pc\": 2}}",
        "\"x\": {\"site\": \"s1\", \"rotations\": [\"pc\"], \"unavailable\": [{\"from\": 1}]},"
        "\"y\": {\"site\": \"s1\", \"rotations\": [\"ac\"]},"
        "\"w\": {\"site\": \"s2\", \"programs\": [\"P2\"], \"max_trainees\": 2}",
        "\"BT\": {\"requirements\": {\"pc\": {}, \"ac\": {}}}, \"P2\": {\"requirements\": {\"pc\": {}}}",
        "\"t1\": {\"program\": \"BT\"}, \"t2\": {\"program\": \"BT\"}", "");
}

/* t1 in pc and t2 in ac at s1, period 0, unnamed: x takes t1, y takes t2.
 * Then the same with the supervisors named.  unassigned 5 + 5 → 1000. */
static void supervision_valid(void **state)
{
    (void)state;
    pl_instance *inst = sup_instance();
    pl_check_report *rep = elig(inst, ROW("t1", "s1", "pc", 0, 0) "," ROW("t2", "s1", "ac", 0, 0));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 1000, 1000);
    pl_check_report_free(rep);

    rep = elig(inst, ROWS("t1", "s1", "pc", 0, 0, "x") "," ROWS("t2", "s1", "ac", 0, 0, "y"));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 1000, 1000);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* Two trainees, two supervisors with one place each: a count says yes, but
 * both trainees need pc and only x covers pc. */
static void supervision_matching(void **state)
{
    (void)state;
    pl_instance *inst = sup_instance();
    pl_check_report *rep = elig(inst, ROW("t1", "s1", "pc", 0, 0) "," ROW("t2", "s1", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "s1 in period 0 (2027-01)", "2 trainees without a named supervisor",
                        "only 1 can be matched");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);

    /* x named for t1 leaves nothing for t2 */
    rep = elig(inst, ROWS("t1", "s1", "pc", 0, 0, "x") "," ROW("t2", "s1", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "1 trainees without a named supervisor", "only 0 can be matched", "t2");
    pl_check_report_free(rep);

    /* x is on leave in period 1 */
    rep = elig(inst, ROW("t1", "s1", "pc", 1, 1));
    FX_ASSERT_VIOLATION(rep, "only 0 can be matched");
    pl_check_report_free(rep);

    /* w covers P2 only */
    rep = elig(inst, ROW("t1", "s2", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "s2 in period 0", "only 0 can be matched");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void supervision_named(void **state)
{
    (void)state;
    pl_instance *inst = sup_instance();
    pl_check_report *rep = elig(inst, ROWS("t1", "s1", "pc", 0, 0, "y"));
    FX_ASSERT_VIOLATION(rep, "t1 at s1 (pc) in period 0 (2027-01) is supervised by y", "does not cover that rotation");
    pl_check_report_free(rep);

    rep = elig(inst, ROWS("t1", "s1", "pc", 1, 1, "x"));
    FX_ASSERT_VIOLATION(rep, "supervised by x", "not available then");
    pl_check_report_free(rep);

    rep = elig(inst, ROWS("t1", "s2", "pc", 0, 0, "w"));
    FX_ASSERT_VIOLATION(rep, "supervised by w", "not qualified");
    pl_check_report_free(rep);

    rep = elig(inst, ROWS("t1", "s1", "pc", 0, 0, "w"));
    FX_ASSERT_VIOLATION(rep, "supervised by w", "works at another site");
    pl_check_report_free(rep);

    rep = elig(inst, ROWS("t1", "s1", "pc", 0, 0, "x") "," ROWS("t2", "s1", "pc", 0, 0, "x"));
    FX_ASSERT_VIOLATION(rep, "x is named for 2 trainees at s1 in period 0 (2027-01) but takes at most 1");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- max_per_site -------------------------------------------------------- */

static void max_per_site(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance(
        "\"s1\": {\"capacity\": {\"pc\": 1}}, \"s2\": {\"capacity\": {\"pc\": 1}}",
        "\"a\": {\"site\": \"s1\"}, \"b\": {\"site\": \"s2\"}",
        "\"BT\": {\"requirements\": {\"pc\": {}}, \"max_per_site\": 2}",
        "\"t1\": {\"program\": \"BT\"}", "");
    /* 2 at s1, 2 at s2: unassigned 2 → 200 */
    pl_check_report *rep = elig(inst, ROW("t1", "s1", "pc", 0, 1) "," ROW("t1", "s2", "pc", 2, 3));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 200, 200);
    pl_check_report_free(rep);

    rep = elig(inst, ROW("t1", "s1", "pc", 0, 2));
    FX_ASSERT_VIOLATION(rep, "t1 has 3 periods at s1 but may have at most 2");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eligibility_valid),
        cmocka_unit_test(eligibility_violations),
        cmocka_unit_test(capacity),
        cmocka_unit_test(supervision_valid),
        cmocka_unit_test(supervision_matching),
        cmocka_unit_test(supervision_named),
        cmocka_unit_test(max_per_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
