/*
 * test_check_costs.c — the checker's recomputed objective (format.md 3.8,
 * 3.9.8, 3.9.16, 5.2), every term worked out by hand, and the comparison
 * with the costs a schedule states.
 */
#include "../check/fixture.h"

#define ROW(t, s, r, f, to) \
    "{\"trainee\": \"" t "\", \"site\": \"" s "\", \"rotation\": \"" r "\", \"from\": " #f ", \"to\": " #to "}"

static pl_instance *cost_instance(void)
{
    return fx_instance(
        "\"s1\": {\"priority\": 2, \"capacity\": {\"pc\": {\"max\": 2, \"min\": 1}, \"ac\": 1}},"
        "\"s2\": {\"capacity\": {\"pc\": 1, \"ac\": {\"max\": 1, \"min\": [0, 0, 1, 1, 0, 0]}}}",
        "\"a\": {\"site\": \"s1\", \"max_trainees\": 2}, \"b\": {\"site\": \"s2\", \"max_trainees\": 2}",
        "\"BT\": {\"requirements\": {\"pc\": {\"min\": 2}, \"ac\": {\"min\": 2}}}",
        "\"t1\": {\"program\": \"BT\", \"home\": \"s1\", \"start\": \"2027-02\","
        "        \"preferences\": {\"sites\": {\"s1\": 2}, \"rotations\": {\"ac\": -1}},"
        "        \"weights\": {\"unassigned\": 20}},"
        "\"t2\": {\"program\": \"BT\", \"home\": \"s2\", \"unavailable\": [{\"from\": \"2027-05-10\"}]}",
        "\"weights\": {\"idle\": 3, \"site_change\": 7, \"fairness\": 0.5, \"understaffed\": 50, \"priority\": 4},");
}

#define COST_ROWS                                                              \
    "\"placements\": [" ROW("t1", "s1", "pc", 2, 3) "," ROW("t1", "s2", "ac", 5, 5) "," \
    ROW("t2", "s1", "ac", 0, 0) "," ROW("t2", "s1", "pc", 1, 1) "," ROW("t2", "s2", "ac", 3, 3) "]"

/*
 * t1 (active 1..5; unassigned weight 20): placed 2, 3 (s1 pc), 5 (s2 ac)
 *   unmet: pc 2/2, ac 1/2 → 1 × 1000 = 1000
 *   unassigned: periods 1, 4 → 2 × 20 = 40
 *   idle: start 1 .. last 5, empty 1 and 4 → 2 × 3 = 6
 *   site_change: s1, s1, s2 → 1 × 7 = 7
 *   preference: (2+0) + (2+0) + (0−1) = 3 → −3
 *   cost(t1) = 1050
 * t2 (active 0..3, 5; leave in 4): placed 0 (s1 ac), 1 (s1 pc), 3 (s2 ac)
 *   unmet: pc 1/2 → 1000; ac 2/2
 *   unassigned: 2, 5 → 200
 *   idle: 0 .. 3, empty 2 → 3
 *   site_change: s1, s1, s2 → 7
 *   cost(t2) = 1210
 * fairness: 0.5 × max(1050, 1210) = 605
 * understaffed: s1 pc min 1 has nobody in 0, 4, 5 → 3; s2 ac min 1 in 2..3,
 *   nobody in 2 → 1; 4 × 50 = 200
 * priority: s1 trainee-periods t1 2, 3 and t2 0, 1 → 4 × 2 = 8 → −4 × 8 = −32
 * total = 1050 + 1210 + 605 + 200 − 32 = 3033
 */
static void all_terms(void **state)
{
    (void)state;
    pl_instance *inst = cost_instance();
    pl_schedule *s = fx_schedule(inst, COST_ROWS);
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    fx_assert_costs(rep, 2000, 240, 9, 14, -3, 0, 0, 0, 0, 200, -32, 605, 3033);
    assert_double_equal(rep->trainee_costs[0], 1050, FX_EPS);
    assert_double_equal(rep->trainee_costs[1], 1210, FX_EPS);
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

static void stated_match_and_mismatch(void **state)
{
    (void)state;
    pl_instance *inst = cost_instance();
    pl_schedule *s = fx_schedule(inst, COST_ROWS ", \"cost\": 3033.0000001,"
        "\"costs\": {\"unmet\": 2000, \"unassigned\": 240, \"idle\": 9, \"site_change\": 14,"
        " \"preference\": -3, \"change\": 0, \"rank\": 0, \"unallocated\": 0, \"no_mentor\": 0,"
        " \"understaffed\": 200, \"priority\": -32, \"fairness\": 605},"
        "\"trainee_costs\": {\"t1\": 1050, \"t2\": 1210}");
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    pl_check_report_free(rep);
    pl_schedule_free(s);

    s = fx_schedule(inst, COST_ROWS ", \"cost\": 3033,"
        "\"costs\": {\"unmet\": 2000, \"unassigned\": 240, \"idle\": 9, \"site_change\": 14,"
        " \"preference\": 3, \"change\": 0, \"rank\": 0, \"unallocated\": 0, \"no_mentor\": 0,"
        " \"understaffed\": 200, \"priority\": -32, \"fairness\": 605},"
        "\"trainee_costs\": {\"t1\": 1056, \"t2\": 1210}");
    rep = fx_check(inst, s);
    assert_false(pl_check_passed(rep));
    assert_int_equal(rep->violations.count, 0);
    assert_int_equal(rep->mismatches.count, 2);
    assert_true(fx_has(&rep->mismatches, "costs.preference 3", "-3", (const char *)NULL));
    assert_true(fx_has(&rep->mismatches, "the cost of t1 1056", "1050", (const char *)NULL));
    assert_string_equal(rep->mismatches.items[1].path, "/trainee_costs/t1");
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

/* change against a reference (5.2): the reference has t1 in 1..3 at s1 pc,
 * t2 as now but also in 4 (t2's leave: not counted), and a row for an
 * unknown trainee (ignored).  t1 differs in 1 (placed vs not) and 5 (not vs
 * placed) → 2 × 10 = 20; cost(t1) = 1070; the maximum stays t2's 1210.
 * total = 3033 + 20 = 3053. */
static void change(void **state)
{
    (void)state;
    pl_instance *inst = cost_instance();
    pl_schedule *s = fx_schedule(inst, COST_ROWS);
    pl_schedule *ref = fx_empty();
    fx_row(ref, inst, "t1", "s1", "pc", 1, 3, NULL);
    fx_row(ref, inst, "t2", "s1", "ac", 0, 0, NULL);
    fx_row(ref, inst, "t2", "s1", "pc", 1, 1, "a");
    fx_row(ref, inst, "t2", "s2", "ac", 3, 4, NULL);
    fx_row(ref, inst, "ghost", "s2", "pc", 0, 5, NULL);
    pl_check_report *rep = fx_check_ref(inst, s, ref);
    fx_assert_passed(rep);
    fx_assert_costs(rep, 2000, 240, 9, 14, -3, 20, 0, 0, 0, 200, -32, 605, 3053);
    assert_double_equal(rep->trainee_costs[0], 1070, FX_EPS);
    pl_check_report_free(rep);

    /* another rotation at the same site is a change too: t2 pc → ac in 1 */
    ref->rows[2].r = pli_instance_rotation_index(inst, "ac");
    rep = fx_check_ref(inst, s, ref);
    assert_double_equal(rep->costs.change, 30, FX_EPS);
    pl_check_report_free(rep);
    pl_schedule_free(ref);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

/* fairness over a negative maximum: one trainee at s1 pc in all 6 periods,
 * preference s1 = 1 per period → −6; fairness 2 × −6 = −12; total −18.
 * A second instance: a trainee never placed has idle 0 (3.9.16). */
static void fairness_negative_and_idle(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}}", "\"a\": {\"site\": \"s1\"}",
                                    "\"BT\": {\"requirements\": {\"pc\": {}}}",
                                    "\"t1\": {\"program\": \"BT\", \"preferences\": {\"sites\": {\"s1\": 1}}}",
                                    "\"weights\": {\"fairness\": 2},");
    pl_schedule *s = fx_schedule(inst, "\"placements\": [" ROW("t1", "s1", "pc", 0, 5) "]");
    pl_check_report *rep = fx_check(inst, s);
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 0, 0, 0, -6, 0, 0, 0, 0, 0, 0, -12, -18);
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);

    inst = fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}}", "\"a\": {\"site\": \"s1\"}",
                       "\"BT\": {\"requirements\": {\"pc\": {}}}",
                       "\"t1\": {\"program\": \"BT\"}, \"t2\": {\"program\": \"BT\"}",
                       "\"weights\": {\"idle\": 5, \"unassigned\": 0},");
    /* t1 in 2 only: idle 0..2 → periods 0, 1 → 10; t2 nothing → 0 */
    s = fx_schedule(inst, "\"placements\": [" ROW("t1", "s1", "pc", 2, 2) "]");
    rep = fx_check(inst, s);
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10);
    assert_double_equal(rep->trainee_costs[1], 0, FX_EPS);
    pl_check_report_free(rep);
    pl_schedule_free(s);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_terms),
        cmocka_unit_test(stated_match_and_mismatch),
        cmocka_unit_test(change),
        cmocka_unit_test(fairness_negative_and_idle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
