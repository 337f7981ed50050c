/*
 * test_supervisors.c — pli_name_supervisors: a maximum matching per site and
 * period where a greedy choice would fail, continuity with the previous
 * period's supervisor, availability, programs, and the infeasible case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "schedule/schedule.h"
#include "support_fixture.h"
#include "util/strutil.h"



#define SUP(a, t, p) ((a)->supervisor[(t) * (a)->length + (p)])

/* A covers r0 and r1, B covers r0 only; x (r0) comes first.  Greedy would
 * give A to x and leave y (r1) without anyone; the matching moves x to B. */
static void test_matching_beats_greedy(void **state)
{
    (void)state;
    pl_instance *in = fx_make(1, 2, 1, 2, 2);
    in->supervisors[1].rotations[1] = false; /* B: r0 only */
    pl_assignment a;
    assert_int_equal(pli_assignment_init(&a, 2, 1), PL_OK);
    fx_place(&a, 0, 0, 0, -1, 0, 0); /* x: r0 */
    fx_place(&a, 1, 0, 1, -1, 0, 0); /* y: r1 */
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 1); /* x with B */
    assert_int_equal(SUP(&a, 1, 0), 0); /* y with A */
    pli_assignment_free(&a);
    pl_instance_free(in);
}

/* x alone in period 0 gets A; in period 1 w (earlier in instance order)
 * arrives.  x keeps A and w gets B, instead of w taking A. */
static void test_continuity(void **state)
{
    (void)state;
    pl_instance *in = fx_make(3, 1, 1, 2, 2);
    in->supervisors[0].available[2] = false; /* A away in period 2 */
    pl_assignment a;
    assert_int_equal(pli_assignment_init(&a, 2, 3), PL_OK);
    fx_place(&a, 1, 0, 0, -1, 0, 2); /* x = t1 in 0..2 */
    fx_place(&a, 0, 0, 0, -1, 1, 1); /* w = t0 in 1 */
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    assert_int_equal(SUP(&a, 1, 0), 0);
    assert_int_equal(SUP(&a, 1, 1), 0); /* kept A */
    assert_int_equal(SUP(&a, 0, 1), 1); /* w with B */
    assert_int_equal(SUP(&a, 1, 2), 1); /* A away: B */
    assert_int_equal(SUP(&a, 0, 0), -1);
    assert_int_equal(SUP(&a, 0, 2), -1);
    pli_assignment_free(&a);
    pl_instance_free(in);
}

/* Capacity of a supervisor (max_trainees 2) and programs: A takes two, B is
 * not qualified for the program, so a third trainee cannot be matched. */
static void test_capacity_and_infeasible(void **state)
{
    (void)state;
    pl_instance *in = fx_make(1, 1, 1, 2, 3);
    in->supervisors[0].max_trainees = 2;
    in->supervisors[1].programs[0] = false;
    pl_assignment a;
    assert_int_equal(pli_assignment_init(&a, 3, 1), PL_OK);
    fx_place(&a, 0, 0, 0, -1, 0, 0);
    fx_place(&a, 1, 0, 0, -1, 0, 0);
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 0);
    assert_int_equal(SUP(&a, 1, 0), 0);
    fx_place(&a, 2, 0, 0, -1, 0, 0);
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_ERR_INFEASIBLE);
    in->supervisors[1].programs[0] = true;
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    assert_int_equal(SUP(&a, 2, 0), 1);
    pli_assignment_free(&a);
    pl_instance_free(in);
}

/* Supervisors only serve their own site: a trainee at a site without any
 * supervisor cannot be matched; unplaced cells stay -1. */
static void test_other_site(void **state)
{
    (void)state;
    pl_instance *in = fx_make(2, 1, 2, 1, 1);
    pl_assignment a;
    assert_int_equal(pli_assignment_init(&a, 1, 2), PL_OK);
    fx_place(&a, 0, 0, 0, 5, 0, 0); /* a stale supervisor is overwritten */
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 0);
    assert_int_equal(SUP(&a, 0, 1), -1);
    fx_place(&a, 0, 1, 0, -1, 1, 1);
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_ERR_INFEASIBLE);
    pli_assignment_free(&a);
    pl_instance_free(in);
}

/* A longer chain: three supervisors with nested coverage, three trainees in
 * the worst order for greedy. */
static void test_chain(void **state)
{
    (void)state;
    pl_instance *in = fx_make(1, 3, 1, 3, 3);
    /* A: r0 r1 r2, B: r0 r1, C: r0 */
    in->supervisors[1].rotations[2] = false;
    in->supervisors[2].rotations[1] = false;
    in->supervisors[2].rotations[2] = false;
    pl_assignment a;
    assert_int_equal(pli_assignment_init(&a, 3, 1), PL_OK);
    fx_place(&a, 0, 0, 0, -1, 0, 0);
    fx_place(&a, 1, 0, 1, -1, 0, 0);
    fx_place(&a, 2, 0, 2, -1, 0, 0);
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 2);
    assert_int_equal(SUP(&a, 1, 0), 1);
    assert_int_equal(SUP(&a, 2, 0), 0);
    pli_assignment_free(&a);
    pl_instance_free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matching_beats_greedy),
        cmocka_unit_test(test_continuity),
        cmocka_unit_test(test_capacity_and_infeasible),
        cmocka_unit_test(test_other_site),
        cmocka_unit_test(test_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
