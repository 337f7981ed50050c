/*
 * test_check_rows.c — the checker on the rows themselves: unknown ids, bad
 * ranges, overlaps, homes and unallocated trainees, and stated costs
 * compared with recomputed ones.
 */
#include "../check/fixture.h"

#define SITES2                                                                 \
    "\"s1\": {\"area\": \"N\", \"capacity\": {\"pc\": 1, \"ac\": 1, \"ps\": 1}}," \
    "\"s2\": {\"area\": \"S\", \"capacity\": {\"pc\": 1, \"ac\": 1, \"ps\": 1}}"
#define SUPS2                                                                  \
    "\"a\": {\"site\": \"s1\", \"max_trainees\": 3}, \"b\": {\"site\": \"s2\", \"max_trainees\": 3}"
#define BT "\"BT\": {\"requirements\": {\"pc\": {\"min\": 3, \"block_min\": 2}, \"ac\": {\"min\": 3}}}"

static pl_instance *basic(void)
{
    return fx_instance(SITES2, SUPS2, BT, "\"t1\": {\"program\": \"BT\", \"home\": \"s1\"}",
                       "\"weights\": {\"idle\": 1, \"site_change\": 5},");
}

#define BASIC_ROWS                                                                        \
    "\"placements\": ["                                                                   \
    "{\"trainee\": \"t1\", \"site\": \"s1\", \"rotation\": \"pc\", \"from\": 0, \"to\": 2, \"supervisor\": \"a\"}," \
    "{\"trainee\": \"t1\", \"site\": \"s2\", \"rotation\": \"ac\", \"from\": 3, \"to\": 4, \"supervisor\": \"b\"}]"

/* pc at s1 in 0-2, ac at s2 in 3-4, nothing in 5.
 * unmet: pc 3 of 3, ac 2 of 3 → 1 × 1000 = 1000
 * unassigned: period 5 → 1 × 100 = 100
 * idle (weight 1): periods 0..4 all placed → 0
 * site_change (weight 5): s1 → s2 once → 5
 * preference, priority, understaffed: 0.  Total 1105. */
static void valid_basic(void **state)
{
    (void)state;
    pl_instance *inst = basic();
    pl_schedule *s = fx_schedule(inst, BASIC_ROWS);
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    fx_assert_costs(rep, 1000, 100, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 1105);
    assert_int_equal(rep->n_trainees, 1);
    assert_double_equal(rep->trainee_costs[0], 1105, FX_EPS);
    assert_int_equal(rep->n_placements, 2);
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

/* The same with its costs stated: right ones pass, wrong ones are mismatches. */
static void stated_costs(void **state)
{
    (void)state;
    pl_instance *inst = basic();
    pl_schedule *s = fx_schedule(inst, BASIC_ROWS ", \"cost\": 1105.0,"
        "\"costs\": {\"unmet\": 1000, \"unassigned\": 100, \"idle\": 0, \"site_change\": 5,"
        " \"preference\": 0, \"change\": 0, \"rank\": 0, \"unallocated\": 0, \"no_mentor\": 0,"
        " \"understaffed\": 0, \"priority\": 0, \"fairness\": 0},"
        "\"trainee_costs\": {\"t1\": 1105}");
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    pl_check_report_free(rep);
    pl_schedule_free(s);

    s = fx_schedule(inst, BASIC_ROWS ", \"cost\": 1106.0,"
        "\"costs\": {\"unmet\": 1000, \"unassigned\": 101, \"idle\": 0, \"site_change\": 5,"
        " \"preference\": 0, \"change\": 0, \"rank\": 0, \"unallocated\": 0, \"no_mentor\": 0,"
        " \"understaffed\": 0, \"priority\": 0, \"fairness\": 0},"
        "\"trainee_costs\": {\"t1\": 1105.0000000001}");
    rep = fx_check(inst, s);
    assert_false(pl_check_passed(rep));
    assert_int_equal(rep->violations.count, 0);
    assert_int_equal(rep->mismatches.count, 2); /* cost and costs.unassigned; t1 within tolerance */
    assert_true(fx_has(&rep->mismatches, "cost 1106", "1105", (const char *)NULL));
    assert_true(fx_has(&rep->mismatches, "costs.unassigned 101", "100", (const char *)NULL));
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

/* Rows the strict reader would refuse, built by hand. */
static void unknown_ids_and_ranges(void **state)
{
    (void)state;
    pl_instance *inst = basic();
    pl_schedule *s = fx_empty();
    fx_row(s, inst, "zz", "s1", "pc", 0, 0, NULL);
    fx_row(s, inst, "t1", "nowhere", "pc", 0, 0, NULL);
    fx_row(s, inst, "t1", "s1", "xx", 0, 0, NULL);
    fx_row(s, inst, "t1", "s1", "pc", 1, 2, "ghost");
    fx_row(s, inst, "t1", "s2", "ac", 5, 7, NULL);
    fx_row(s, inst, "t1", "s2", "ac", 4, 3, NULL);
    pl_check_report *rep = fx_check(inst, s);
    FX_ASSERT_VIOLATION(rep, "trainee \"zz\"");
    FX_ASSERT_VIOLATION(rep, "site \"nowhere\"");
    FX_ASSERT_VIOLATION(rep, "rotation \"xx\"");
    FX_ASSERT_VIOLATION(rep, "\"ghost\"");
    FX_ASSERT_VIOLATION(rep, "outside the horizon");
    FX_ASSERT_VIOLATION(rep, "backwards");
    assert_string_equal(rep->violations.items[0].path, "/placements/0");
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

static void overlap(void **state)
{
    (void)state;
    pl_instance *inst = basic();
    pl_schedule *s = fx_schedule(inst, "\"placements\": ["
        "{\"trainee\": \"t1\", \"site\": \"s1\", \"rotation\": \"pc\", \"from\": 0, \"to\": 2},"
        "{\"trainee\": \"t1\", \"site\": \"s2\", \"rotation\": \"ac\", \"from\": 2, \"to\": 3}]");
    pl_check_report *rep = fx_check(inst, s);
    FX_ASSERT_VIOLATION(rep, "t1 has two placements at once", "period 2 (2027-03)", "/placements/0");
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

#define HOMES_TRAINEES                                                         \
    "\"t1\": {\"program\": \"BT\", \"home\": \"s1\"},"                         \
    "\"t2\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"],"        \
    "        \"fixed\": [{\"site\": \"s1\", \"rotation\": \"pc\", \"from\": 0, \"to\": 1}]}," \
    "\"t3\": {\"program\": \"BT\", \"home_choices\": [\"s2\"]}"

static void homes(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance(SITES2, SUPS2, BT, HOMES_TRAINEES, "");

    /* a homes entry contradicting a fixed home */
    pl_schedule *s = fx_schedule(inst, "\"placements\": [], \"homes\": {\"t1\": \"s2\", \"t2\": \"s1\", \"t3\": \"s2\"}");
    pl_check_report *rep = fx_check(inst, s);
    FX_ASSERT_VIOLATION(rep, "t1 is given home s2", "fixed home is s1");
    assert_int_equal(rep->violations.count, 2); /* and t2's pin */
    FX_ASSERT_VIOLATION(rep, "t2 is pinned");
    pl_check_report_free(rep);
    pl_schedule_free(s);

    /* an allocation outside home_choices */
    s = fx_schedule(inst, "\"placements\": [], \"homes\": {\"t3\": \"s1\"}");
    rep = fx_check(inst, s);
    FX_ASSERT_VIOLATION(rep, "t3 is allocated home s1", "not among its home_choices");
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

/* t2 and t3 get no home: they must have no placements; t2's pin does not
 * apply (3.9.19).  Costs: t1 unassigned 6 → 600 and unmet pc 3 + ac 3 →
 * 6000; t2 and t3 unallocated 10000 each and nothing else.  Total 26600. */
static void unallocated(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance(SITES2, SUPS2, BT, HOMES_TRAINEES, "");
    pl_schedule *s = fx_schedule(inst, "\"placements\": [], \"homes\": {\"t1\": \"s1\"}");
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    fx_assert_costs(rep, 6000, 600, 0, 0, 0, 0, 0, 20000, 0, 0, 0, 0, 26600);
    assert_double_equal(rep->trainee_costs[1], 10000, FX_EPS);
    assert_double_equal(rep->trainee_costs[2], 10000, FX_EPS);
    pl_check_report_free(rep);
    pl_schedule_free(s);

    s = fx_schedule(inst, "\"placements\": [{\"trainee\": \"t2\", \"site\": \"s1\", \"rotation\": \"pc\", \"from\": 0, \"to\": 1}],"
                          "\"homes\": {\"t1\": \"s1\"}");
    rep = fx_check(inst, s);
    FX_ASSERT_VIOLATION(rep, "t2 has no home allocated", "no placements");
    assert_string_equal(rep->violations.items[0].path, "/placements/0");
    /* its cost stays unallocated alone */
    assert_double_equal(rep->trainee_costs[1], 10000, FX_EPS);
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

/* An infeasible schedule with no rows is checked like any other. */
static void infeasible_empty(void **state)
{
    (void)state;
    pl_instance *inst = basic();
    pl_schedule *s = fx_empty();
    s->status = PL_RESULT_INFEASIBLE;
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    /* unmet 6 × 1000, unassigned 6 × 100 */
    fx_assert_costs(rep, 6000, 600, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6600);
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_basic),
        cmocka_unit_test(stated_costs),
        cmocka_unit_test(unknown_ids_and_ranges),
        cmocka_unit_test(overlap),
        cmocka_unit_test(homes),
        cmocka_unit_test(unallocated),
        cmocka_unit_test(infeasible_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
