/*
 * test_check_alloc.c — the checker on the annual allocation (2.7: posts,
 * rankings, stability with 3.9.12 and 3.9.21) and on main supervisors (2.8,
 * 3.9.13).  No placements here: the costs are unassigned (6 periods × 100
 * per allocated trainee) plus rank, unallocated and no_mentor.
 */
#include "../check/fixture.h"

#define SUPS "\"a\": {\"site\": \"s1\"}, \"b\": {\"site\": \"s2\"}"
#define BT "\"BT\": {\"requirements\": {\"pc\": {}}}"

static pl_check_report *homes(pl_instance *inst, const char *homes_json)
{
    char *body = pli_asprintf("\"placements\": [], \"homes\": {%s}", homes_json);
    pl_schedule *s = fx_schedule(inst, body);
    pl_check_report *rep = fx_check(inst, s);
    pl_schedule_free(s);
    free(body);
    return rep;
}

/* ---- posts and rankings --------------------------------------------------- */

static pl_instance *posts_instance(void)
{
    return fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}, \"ranking\": {\"BT\": [\"t1\", \"t2\"]}},"
                       "\"s2\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}, \"ranking\": {\"BT\": [\"t2\"]}},"
                       "\"s3\": {\"capacity\": {\"pc\": 1}}",
                       SUPS, BT,
                       "\"t1\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\", \"s3\"]},"
                       "\"t2\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"]},"
                       "\"t0\": {\"program\": \"BT\", \"home\": \"s3\"}", "");
}

/* t1 at s1 (rank 0), t2 at s2 (rank 1 → 10), t0 fixed at s3 (s3 has no
 * posts: no limit).  unassigned 3 × 600 = 1800; rank 10.  Total 1810. */
static void posts_valid(void **state)
{
    (void)state;
    pl_instance *inst = posts_instance();
    pl_check_report *rep = homes(inst, "\"t1\": \"s1\", \"t2\": \"s2\", \"t0\": \"s3\"");
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 1800, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 1810);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void posts_violations(void **state)
{
    (void)state;
    pl_instance *inst = posts_instance();
    pl_check_report *rep = homes(inst, "\"t1\": \"s1\", \"t2\": \"s1\"");
    FX_ASSERT_VIOLATION(rep, "s1 is home to 2 trainees of BT but has 1 post for it");
    pl_check_report_free(rep);

    /* s2 ranks only t2 */
    rep = homes(inst, "\"t1\": \"s2\", \"t2\": \"s1\"");
    FX_ASSERT_VIOLATION(rep, "t1 is allocated to s2, whose ranking for BT does not list it");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* A fixed home uses a post too (3.9.6). */
static void posts_fixed_home(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}},"
                                    "\"s2\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}}",
                                    SUPS, BT,
                                    "\"t0\": {\"program\": \"BT\", \"home\": \"s1\"},"
                                    "\"t1\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"]}",
                                    "\"allocation\": {\"stable\": true},");
    pl_check_report *rep = homes(inst, "\"t0\": \"s1\", \"t1\": \"s1\"");
    FX_ASSERT_VIOLATION(rep, "s1 is home to 2 trainees of BT");
    pl_check_report_free(rep);

    /* t1 at s2 is stable: s1 is full with t0, who never moves (3.9.21).
     * unassigned 1200, rank 10 → 1210. */
    rep = homes(inst, "\"t0\": \"s1\", \"t1\": \"s2\"");
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 1200, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 1210);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- stability ----------------------------------------------------------------- */

static pl_instance *stable_instance(void)
{
    return fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}, \"ranking\": {\"BT\": [\"t2\", \"t1\"]}},"
                       "\"s2\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}}",
                       SUPS, BT,
                       "\"t1\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"]},"
                       "\"t2\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"]}",
                       "\"allocation\": {\"stable\": true},");
}

/* t2 at s1 (ranked first there), t1 at s2 (rank 1 → 10).  Total 1210. */
static void stable_valid(void **state)
{
    (void)state;
    pl_instance *inst = stable_instance();
    pl_check_report *rep = homes(inst, "\"t1\": \"s2\", \"t2\": \"s1\"");
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 1200, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 1210);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void stable_violations(void **state)
{
    (void)state;
    pl_instance *inst = stable_instance();
    pl_check_report *rep = homes(inst, "\"t1\": \"s1\", \"t2\": \"s2\"");
    FX_ASSERT_VIOLATION(rep, "not stable", "t2 prefers s1 to its home s2", "s1 ranks t2 above t1");
    assert_int_equal(rep->violations.count, 1);
    pl_check_report_free(rep);

    /* t2 unallocated while s2 has a free post */
    rep = homes(inst, "\"t1\": \"s1\"");
    FX_ASSERT_VIOLATION(rep, "t2 prefers s1 to being unallocated", "s1 ranks t2 above t1");
    pl_check_report_free(rep);

    rep = homes(inst, "\"t2\": \"s1\"");
    FX_ASSERT_VIOLATION(rep, "t1 prefers s2 to being unallocated", "free BT post");
    /* t1 unallocated: 10000 alone; t2 unassigned 600 */
    fx_assert_costs(rep, 0, 600, 0, 0, 0, 0, 0, 10000, 0, 0, 0, 0, 10600);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* A site without a ranking ranks none: it blocks only through a free post. */
static void stable_no_ranking(void **state)
{
    (void)state;
    pl_instance *inst = fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}},"
                                    "\"s2\": {\"capacity\": {\"pc\": 1}, \"posts\": {\"BT\": 1}}",
                                    SUPS, BT,
                                    "\"t1\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"]},"
                                    "\"t2\": {\"program\": \"BT\", \"home_choices\": [\"s1\", \"s2\"]}",
                                    "\"allocation\": {\"stable\": true},");
    pl_check_report *rep = homes(inst, "\"t1\": \"s1\", \"t2\": \"s2\"");
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 1200, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 1210);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

/* ---- main supervisors ----------------------------------------------------------- */

static pl_instance *mentor_instance(void)
{
    return fx_instance("\"s1\": {\"capacity\": {\"pc\": 1}}, \"s2\": {\"capacity\": {\"pc\": 1}}",
                       "\"a\": {\"site\": \"s1\", \"mentees\": 1}, \"e\": {\"site\": \"s1\", \"mentees\": 1},"
                       "\"b\": {\"site\": \"s2\", \"mentees\": 1}, \"c\": {\"site\": \"s1\"},"
                       "\"d\": {\"site\": \"s1\", \"programs\": [\"P2\"], \"mentees\": 2}",
                       "\"BT\": {\"requirements\": {\"pc\": {}}, \"mentor\": true},"
                       "\"P2\": {\"requirements\": {\"pc\": {}}}",
                       "\"t1\": {\"program\": \"BT\", \"home\": \"s1\", \"mentor_id\": \"a\"},"
                       "\"t2\": {\"program\": \"BT\", \"home\": \"s1\"},"
                       "\"t3\": {\"program\": \"P2\", \"home\": \"s1\"}", "");
}

static pl_check_report *mentors(pl_instance *inst, const char *m)
{
    char *body = pli_asprintf("\"placements\": [], \"mentors\": {%s}", m);
    pl_schedule *s = fx_schedule(inst, body);
    pl_check_report *rep = fx_check(inst, s);
    pl_schedule_free(s);
    free(body);
    return rep;
}

/* t1 with a (its mentor_id), t2 with e; then t2 without one (no_mentor 1000).
 * unassigned 3 × 600 = 1800. */
static void mentors_valid(void **state)
{
    (void)state;
    pl_instance *inst = mentor_instance();
    pl_check_report *rep = mentors(inst, "\"t1\": \"a\", \"t2\": \"e\"");
    fx_assert_passed(rep);
    fx_assert_simple(rep, 1800, 1800);
    pl_check_report_free(rep);

    rep = mentors(inst, "\"t1\": \"a\"");
    fx_assert_passed(rep);
    fx_assert_costs(rep, 0, 1800, 0, 0, 0, 0, 0, 0, 1000, 0, 0, 0, 2800);
    assert_double_equal(rep->trainee_costs[1], 1600, FX_EPS);
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

static void mentors_violations(void **state)
{
    (void)state;
    pl_instance *inst = mentor_instance();
    pl_check_report *rep = mentors(inst, "\"t1\": \"a\", \"t2\": \"b\"");
    FX_ASSERT_VIOLATION(rep, "t2 has main supervisor b, who works at s2, not at its home s1");
    pl_check_report_free(rep);

    rep = mentors(inst, "\"t1\": \"a\", \"t2\": \"d\"");
    FX_ASSERT_VIOLATION(rep, "t2 has main supervisor d, who is not qualified for BT");
    pl_check_report_free(rep);

    rep = mentors(inst, "\"t1\": \"e\"");
    FX_ASSERT_VIOLATION(rep, "t1 has main supervisor e but its mentor_id names a");
    pl_check_report_free(rep);

    rep = mentors(inst, "\"t1\": \"a\", \"t2\": \"a\"");
    FX_ASSERT_VIOLATION(rep, "a is main supervisor of 2 trainees but may have at most 1 mentees");
    pl_check_report_free(rep);

    rep = mentors(inst, "\"t1\": \"a\", \"t2\": \"c\"");
    FX_ASSERT_VIOLATION(rep, "c is main supervisor of 1 trainees but may have at most 0");
    pl_check_report_free(rep);

    rep = mentors(inst, "\"t1\": \"a\", \"t3\": \"d\"");
    FX_ASSERT_VIOLATION(rep, "t3 is given main supervisor d but needs none");
    assert_string_equal(rep->violations.items[0].path, "/mentors/t3");
    pl_check_report_free(rep);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(posts_valid),
        cmocka_unit_test(posts_violations),
        cmocka_unit_test(posts_fixed_home),
        cmocka_unit_test(stable_valid),
        cmocka_unit_test(stable_violations),
        cmocka_unit_test(stable_no_ranking),
        cmocka_unit_test(mentors_valid),
        cmocka_unit_test(mentors_violations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
