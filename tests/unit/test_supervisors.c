/*
 * test_supervisors.c — pl_name_supervisors: a maximum matching per site and
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
#include "util/strutil.h"

/* A small instance built by hand (no loader needed): month periods from
 * 2027-01, rotations r0.., sites s0.. offering every rotation with capacity
 * 2, supervisors v0.. at s0 covering everything (max 1, always available),
 * one program P requiring every rotation, trainees t0.. active throughout.
 * Released with pl_instance_free. */
static char *fx_id(const char *prefix, int i)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%s%d", prefix, i);
    return pl_strdup(buf);
}

static bool *fx_bools(int n, bool v)
{
    bool *b = calloc((size_t)(n > 0 ? n : 1), sizeof *b);
    for (int i = 0; b && i < n; i++)
        b[i] = v;
    return b;
}

static pl_rule *fx_rules(int nr)
{
    pl_rule *r = calloc((size_t)nr, sizeof *r);
    for (int i = 0; i < nr; i++) {
        r[i].present = true;
        r[i].max = PL_UNLIMITED;
        r[i].block_min = 1;
        r[i].block_max = PL_UNLIMITED;
    }
    return r;
}

static pl_instance *fx_make(int length, int nr, int ns, int nv, int nt)
{
    pl_instance *in = calloc(1, sizeof *in);
    in->source = pl_strdup("fixture");
    in->name = pl_strdup("Fixture");
    in->horizon.year = 2027;
    in->horizon.month = 1;
    in->horizon.day = 1;
    in->horizon.unit = PL_UNIT_MONTH;
    in->horizon.step = 1;
    in->horizon.length = length;
    in->n_rotations = nr;
    in->rotations = calloc((size_t)nr, sizeof *in->rotations);
    for (int r = 0; r < nr; r++)
        in->rotations[r].id = fx_id("r", r);
    in->n_programs = 1;
    in->programs = calloc(1, sizeof *in->programs);
    in->programs[0].id = pl_strdup("P");
    in->programs[0].rules = fx_rules(nr);
    in->programs[0].max_per_site = PL_UNLIMITED;
    in->n_sites = ns;
    in->sites = calloc((size_t)ns, sizeof *in->sites);
    for (int s = 0; s < ns; s++) {
        pl_site *st = &in->sites[s];
        st->id = fx_id("s", s);
        st->area = -1;
        st->offers = fx_bools(nr, true);
        st->cap_max = calloc((size_t)(nr * length), sizeof(int));
        st->cap_min = calloc((size_t)(nr * length), sizeof(int));
        for (int i = 0; i < nr * length; i++)
            st->cap_max[i] = 2;
        st->posts = calloc(1, sizeof(int));
        st->posts[0] = -1;
        st->ranking = calloc(1, sizeof(int *));
        st->n_ranking = calloc(1, sizeof(int));
    }
    in->n_supervisors = nv;
    in->supervisors = calloc((size_t)(nv > 0 ? nv : 1), sizeof *in->supervisors);
    for (int v = 0; v < nv; v++) {
        pl_supervisor *u = &in->supervisors[v];
        u->id = fx_id("v", v);
        u->site = 0;
        u->rotations = fx_bools(nr, true);
        u->programs = fx_bools(1, true);
        u->max_trainees = 1;
        u->available = fx_bools(length, true);
    }
    in->n_trainees = nt;
    in->trainees = calloc((size_t)(nt > 0 ? nt : 1), sizeof *in->trainees);
    for (int t = 0; t < nt; t++) {
        pl_trainee *tr = &in->trainees[t];
        tr->id = fx_id("t", t);
        tr->program = 0;
        tr->start = 0;
        tr->end = length - 1;
        tr->active = fx_bools(length, true);
        tr->home = -1;
        tr->rules = fx_rules(nr);
        tr->max_per_site = PL_UNLIMITED;
        tr->completed = calloc((size_t)nr, sizeof(int));
        tr->previous.site = tr->previous.rotation = -1;
        tr->pref_site = calloc((size_t)ns, sizeof(double));
        tr->pref_rotation = calloc((size_t)nr, sizeof(double));
        tr->mentor_id = -1;
    }
    return in;
}

/* Put trainee t at (s, r) with supervisor v (or -1) in periods from..to. */
static void fx_place(pl_assignment *a, int t, int s, int r, int v, int from,
                     int to)
{
    for (int p = from; p <= to; p++) {
        a->site[t * a->length + p] = s;
        a->rotation[t * a->length + p] = r;
        a->supervisor[t * a->length + p] = v;
    }
}

#define SUP(a, t, p) ((a)->supervisor[(t) * (a)->length + (p)])

/* A covers r0 and r1, B covers r0 only; x (r0) comes first.  Greedy would
 * give A to x and leave y (r1) without anyone; the matching moves x to B. */
static void test_matching_beats_greedy(void **state)
{
    (void)state;
    pl_instance *in = fx_make(1, 2, 1, 2, 2);
    in->supervisors[1].rotations[1] = false; /* B: r0 only */
    pl_assignment a;
    assert_int_equal(pl_assignment_init(&a, 2, 1), PL_OK);
    fx_place(&a, 0, 0, 0, -1, 0, 0); /* x: r0 */
    fx_place(&a, 1, 0, 1, -1, 0, 0); /* y: r1 */
    assert_int_equal(pl_name_supervisors(in, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 1); /* x with B */
    assert_int_equal(SUP(&a, 1, 0), 0); /* y with A */
    pl_assignment_free(&a);
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
    assert_int_equal(pl_assignment_init(&a, 2, 3), PL_OK);
    fx_place(&a, 1, 0, 0, -1, 0, 2); /* x = t1 in 0..2 */
    fx_place(&a, 0, 0, 0, -1, 1, 1); /* w = t0 in 1 */
    assert_int_equal(pl_name_supervisors(in, &a), PL_OK);
    assert_int_equal(SUP(&a, 1, 0), 0);
    assert_int_equal(SUP(&a, 1, 1), 0); /* kept A */
    assert_int_equal(SUP(&a, 0, 1), 1); /* w with B */
    assert_int_equal(SUP(&a, 1, 2), 1); /* A away: B */
    assert_int_equal(SUP(&a, 0, 0), -1);
    assert_int_equal(SUP(&a, 0, 2), -1);
    pl_assignment_free(&a);
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
    assert_int_equal(pl_assignment_init(&a, 3, 1), PL_OK);
    fx_place(&a, 0, 0, 0, -1, 0, 0);
    fx_place(&a, 1, 0, 0, -1, 0, 0);
    assert_int_equal(pl_name_supervisors(in, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 0);
    assert_int_equal(SUP(&a, 1, 0), 0);
    fx_place(&a, 2, 0, 0, -1, 0, 0);
    assert_int_equal(pl_name_supervisors(in, &a), PL_ERR_INFEASIBLE);
    in->supervisors[1].programs[0] = true;
    assert_int_equal(pl_name_supervisors(in, &a), PL_OK);
    assert_int_equal(SUP(&a, 2, 0), 1);
    pl_assignment_free(&a);
    pl_instance_free(in);
}

/* Supervisors only serve their own site: a trainee at a site without any
 * supervisor cannot be matched; unplaced cells stay -1. */
static void test_other_site(void **state)
{
    (void)state;
    pl_instance *in = fx_make(2, 1, 2, 1, 1);
    pl_assignment a;
    assert_int_equal(pl_assignment_init(&a, 1, 2), PL_OK);
    fx_place(&a, 0, 0, 0, 5, 0, 0); /* a stale supervisor is overwritten */
    assert_int_equal(pl_name_supervisors(in, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 0);
    assert_int_equal(SUP(&a, 0, 1), -1);
    fx_place(&a, 0, 1, 0, -1, 1, 1);
    assert_int_equal(pl_name_supervisors(in, &a), PL_ERR_INFEASIBLE);
    pl_assignment_free(&a);
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
    assert_int_equal(pl_assignment_init(&a, 3, 1), PL_OK);
    fx_place(&a, 0, 0, 0, -1, 0, 0);
    fx_place(&a, 1, 0, 1, -1, 0, 0);
    fx_place(&a, 2, 0, 2, -1, 0, 0);
    assert_int_equal(pl_name_supervisors(in, &a), PL_OK);
    assert_int_equal(SUP(&a, 0, 0), 2);
    assert_int_equal(SUP(&a, 1, 0), 1);
    assert_int_equal(SUP(&a, 2, 0), 0);
    pl_assignment_free(&a);
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
