/*
 * test_check_sequence.c — the checker's rules over a trainee's whole
 * timeline: blocks with previous, leave and open_end (3.3), amounts (3.4),
 * order (3.5), choices (3.6) and pins (3.7).  Each has a passing schedule
 * (cost by hand) and failing ones.
 */
#include "../check/fixture.h"

#define ROW(t, s, r, f, to) \
    "{\"trainee\": \"" t "\", \"site\": \"" s "\", \"rotation\": \"" r "\", \"from\": " #f ", \"to\": " #to "}"

#define SITES2                                                                 \
    "\"s1\": {\"capacity\": {\"pc\": 3, \"ac\": 3, \"ps\": 3}},"               \
    "\"s2\": {\"capacity\": {\"pc\": 3, \"ac\": 3, \"ps\": 3}}"
#define SUPS2 "\"a\": {\"site\": \"s1\", \"max_trainees\": 3}, \"b\": {\"site\": \"s2\", \"max_trainees\": 3}"

static pl_check_report *run(pl_instance *inst, const char *rows)
{
    char *body = pli_asprintf("\"placements\": [%s]", rows);
    pl_schedule *s = fx_schedule(inst, body);
    pl_check_report *rep = fx_check(inst, s);
    pl_schedule_free(s);
    free(body);
    return rep;
}

/* ---- 3.3 blocks ----------------------------------------------------------- */

#define BLOCK_PROGRAM "\"BT\": {\"requirements\": {\"pc\": {\"block_min\": 2, \"block_max\": 3}, \"ac\": {}}}"
#define BLOCK_TRAINEES                                                                      \
    "\"t1\": {\"program\": \"BT\"},"                                                        \
    "\"t2\": {\"program\": \"BT\", \"previous\": {\"site\": \"s1\", \"rotation\": \"pc\", \"periods\": 1}}," \
    "\"t3\": {\"program\": \"BT\", \"unavailable\": [{\"from\": 2}]}"

/* t1: pc s1 0-1 (2), ac s1 2, pc s2 3-5 (3: another site, a new run).
 * t2: pc s1 0, continuing previous → 1 + 1 = 2.  t3: pc s1 0-1 and 3-4
 * around its leave in 2: two runs of 2.
 * unassigned: t1 0, t2 5, t3 1 (period 5) → 600.  Total 600. */
static void blocks_valid(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance(SITES2, SUPS2, BLOCK_PROGRAM, BLOCK_TRAINEES, "");
    pl_check_report *rep = run(inst, ROW("t1", "s1", "pc", 0, 1) "," ROW("t1", "s1", "ac", 2, 2) ","
                                     ROW("t1", "s2", "pc", 3, 5) "," ROW("t2", "s1", "pc", 0, 0) ","
                                     ROW("t3", "s1", "pc", 0, 1) "," ROW("t3", "s1", "pc", 3, 4));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 600, 600);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void blocks_violations(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance(SITES2, SUPS2, BLOCK_PROGRAM, BLOCK_TRAINEES, "");
    pl_check_report *rep = run(inst, ROW("t1", "s1", "pc", 2, 2));
    FX_ASSERT_VIOLATION(rep, "t1 is at s1 (pc) for 1 period (period 2 (2027-03)) but the rule needs blocks of at least 2");
    pl_check_report_free(rep);

    rep = run(inst, ROW("t1", "s1", "pc", 0, 3));
    FX_ASSERT_VIOLATION(rep, "for 4 periods (periods 0 to 3 (2027-01 to 2027-04))", "at most 3");
    pl_check_report_free(rep);

    /* previous at s1 is not continued at s2: the run of 1 is short */
    rep = run(inst, ROW("t2", "s2", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t2 is at s2 (pc) for 1 period", "at least 2");
    pl_check_report_free(rep);

    /* previous continued: 1 + 3 = 4 > 3 */
    rep = run(inst, ROW("t2", "s1", "pc", 0, 2));
    FX_ASSERT_VIOLATION(rep, "plus 1 continued from before the horizon", "at most 3");
    pl_check_report_free(rep);

    /* leave ends a run (3.9.2): 0-1 then 3 alone */
    rep = run(inst, ROW("t3", "s1", "pc", 0, 1) "," ROW("t3", "s1", "pc", 3, 3));
    FX_ASSERT_VIOLATION(rep, "t3 is at s1 (pc) for 1 period (period 3", "at least 2");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* open_end exempts a run reaching the last period from block_min (3.9.3).
 * t1: pc s1 in 5 only; unassigned 5 → 500 (t2, t3 idle: 600 + 500).
 * Total 500 + 600 + 500 = 1600. */
static void blocks_open_end(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance_h(
        "{\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6, \"open_end\": true}",
        SITES2, SUPS2, BLOCK_PROGRAM, BLOCK_TRAINEES, "");
    pl_check_report *rep = run(inst, ROW("t1", "s1", "pc", 5, 5));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 1600, 1600);
    pl_check_report_free(rep);
    /* but not a short run elsewhere */
    rep = run(inst, ROW("t1", "s1", "pc", 4, 4));
    FX_ASSERT_VIOLATION(rep, "at least 2");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- 3.4 amounts ------------------------------------------------------------ */

/* t1 completed pc 1, t2 previous pc 1 (not continued); max 3.
 * t1 pc s1 0-1 → 1 + 2 = 3; t2 pc s2 3-4 → 1 + 2 = 3.
 * unassigned 4 + 4 → 800.  Total 800. */
static void amounts(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance(SITES2, SUPS2, "\"BT\": {\"requirements\": {\"pc\": {\"max\": 3}}}",
        "\"t1\": {\"program\": \"BT\", \"completed\": {\"pc\": 1}},"
        "\"t2\": {\"program\": \"BT\", \"previous\": {\"site\": \"s1\", \"rotation\": \"pc\", \"periods\": 1}}", "");
    pl_check_report *rep = run(inst, ROW("t1", "s1", "pc", 0, 1) "," ROW("t2", "s2", "pc", 3, 4));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 800, 800);
    pl_check_report_free(rep);

    rep = run(inst, ROW("t1", "s1", "pc", 0, 2) "," ROW("t2", "s2", "pc", 3, 5));
    FX_ASSERT_VIOLATION(rep, "t1 has 4 periods of pc (3 placed, 1 completed or previous) but may have at most 3");
    FX_ASSERT_VIOLATION(rep, "t2 has 4 periods of pc", "at most 3");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- 3.5 order ---------------------------------------------------------------- */

static pl_instance *order_instance(void)
{
    return fx_instance(SITES2, SUPS2,
                       "\"BT\": {\"requirements\": {\"ac\": {}, \"ps\": {\"after\": [\"ac\"]}}}",
                       "\"t1\": {\"program\": \"BT\"},"
                       "\"t2\": {\"program\": \"BT\", \"completed\": {\"ac\": 1}}", "");
}

/* t1: ac 0-1, then ps 2-3; t2 (ac completed): ps 0.
 * unassigned 2 + 5 → 700.  Total 700. */
static void order_valid(void **state)
{
    (void)state;
    pl_instance *inst = order_instance();
    pl_check_report *rep = run(inst, ROW("t1", "s1", "ac", 0, 1) "," ROW("t1", "s1", "ps", 2, 3) ","
                                     ROW("t2", "s2", "ps", 0, 0));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 700, 700);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void order_violations(void **state)
{
    (void)state;
    pl_instance *inst = order_instance();
    pl_check_report *rep = run(inst, ROW("t1", "s1", "ps", 0, 1) "," ROW("t1", "s1", "ac", 2, 3));
    FX_ASSERT_VIOLATION(rep, "t1 starts ps in period 0 (2027-01) but has not done ac before");
    FX_ASSERT_VIOLATION(rep, "t1 does ac in period 3", "ac must come before ps");
    pl_check_report_free(rep);

    rep = run(inst, ROW("t1", "s1", "ac", 0, 0) "," ROW("t1", "s1", "ps", 1, 1) "," ROW("t1", "s1", "ac", 2, 2));
    FX_ASSERT_VIOLATION(rep, "t1 does ac in period 2");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);

    rep = run(inst, ROW("t1", "s1", "ps", 0, 0));
    FX_ASSERT_VIOLATION(rep, "has not done ac before");
    pl_check_report_free(rep);

    /* completed ac satisfies the first clause, not the second */
    rep = run(inst, ROW("t2", "s1", "ps", 0, 0) "," ROW("t2", "s1", "ac", 1, 1));
    FX_ASSERT_VIOLATION(rep, "t2 does ac in period 1");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- 3.6 choices ---------------------------------------------------------------- */

static pl_instance *choice_instance(void)
{
    return fx_instance(SITES2, SUPS2,
                       "\"BT\": {\"requirements\": {\"pc\": {\"min\": 1}, \"ac\": {\"min\": 2}, \"ps\": {\"min\": 2}},"
                       "         \"choices\": [{\"rotations\": [\"ac\", \"ps\"], \"pick\": 1}]}",
                       "\"t1\": {\"program\": \"BT\"},"
                       "\"t2\": {\"program\": \"BT\", \"completed\": {\"ps\": 1}}", "");
}

/* t1: pc 0, ac 1-2 (ac chosen; ps has no min).  t2: ps completed 1, pc 0,
 * ps 1 → ps 2 (ac not chosen, no min).  unmet 0; unassigned 3 + 4 → 700. */
static void choices_valid(void **state)
{
    (void)state;
    pl_instance *inst = choice_instance();
    pl_check_report *rep = run(inst, ROW("t1", "s1", "pc", 0, 0) "," ROW("t1", "s1", "ac", 1, 2) ","
                                     ROW("t2", "s2", "pc", 0, 0) "," ROW("t2", "s2", "ps", 1, 1));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 700, 700);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void choices_violations(void **state)
{
    (void)state;
    pl_instance *inst = choice_instance();
    pl_check_report *rep = run(inst, ROW("t1", "s1", "ac", 0, 0) "," ROW("t1", "s1", "ps", 1, 1) ","
                                     ROW("t2", "s1", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t1 must do exactly 1 of the rotations of choice 1 but does 2 (ac, ps)");
    assert_int_equal(rep->violations.count, 1);
    /* t1: pc short 1 → 1000; ac 1 short of 2, ps 1 short of 2 → 2000 (both chosen);
     * t2: ps chosen (completed) 1 short → 1000 */
    assert_double_equal(rep->costs.unmet, 4000, FX_EPS);
    pl_check_report_free(rep);

    rep = run(inst, ROW("t2", "s1", "ac", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t2 must do exactly 1", "does 2");
    pl_check_report_free(rep);

    rep = run(inst, ROW("t1", "s1", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t1 must do exactly 1", "does 0 (none)");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- 3.7 pins ---------------------------------------------------------------------- */

static pl_instance *pin_instance(void)
{
    return fx_instance(SITES2, SUPS2, "\"BT\": {\"requirements\": {\"pc\": {}, \"ac\": {}}}",
                       "\"t1\": {\"program\": \"BT\", \"fixed\": [{\"site\": \"s1\", \"rotation\": \"pc\", \"from\": 0, \"to\": 1}]},"
                       "\"t2\": {\"program\": \"BT\", \"fixed\": [{\"from\": \"2027-03\", \"to\": \"2027-04\"}]},"
                       "\"t3\": {\"program\": \"BT\", \"fixed\": [{\"rotation\": \"ac\", \"from\": 0}]}", "");
}

/* unassigned 4 + 4 + 5 → 1300. */
static void pins_valid(void **state)
{
    (void)state;
    pl_instance *inst = pin_instance();
    pl_check_report *rep = run(inst, ROW("t1", "s1", "pc", 0, 1) "," ROW("t2", "s2", "pc", 2, 3) ","
                                     ROW("t3", "s2", "ac", 0, 0));
    fx_assert_passed(rep);
    fx_assert_simple(rep, 1300, 1300);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void pins_violations(void **state)
{
    (void)state;
    pl_instance *inst = pin_instance();
    pl_check_report *rep = run(inst, ROW("t1", "s2", "pc", 0, 1) "," ROW("t2", "s2", "pc", 2, 2) ","
                                     ROW("t3", "s1", "pc", 0, 0));
    FX_ASSERT_VIOLATION(rep, "t1 is pinned to be at s1 (pc) in periods 0 to 1, but is not in 2 of them");
    FX_ASSERT_VIOLATION(rep, "t2 is pinned to be placed somewhere in periods 2 to 3, but is not in 1 of them (period 3 (2027-04))");
    FX_ASSERT_VIOLATION(rep, "t3 is pinned to be in ac");
    assert_int_equal(rep->violations.count, 3);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_valid),
        cmocka_unit_test(blocks_violations),
        cmocka_unit_test(blocks_open_end),
        cmocka_unit_test(amounts),
        cmocka_unit_test(order_valid),
        cmocka_unit_test(order_violations),
        cmocka_unit_test(choices_valid),
        cmocka_unit_test(choices_violations),
        cmocka_unit_test(pins_valid),
        cmocka_unit_test(pins_violations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
