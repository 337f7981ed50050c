/*
 * test_glpk_errors.c — an internal GLPK error in any phase of a solve is
 * reported, never a crash or a leak, and the next solve works.
 *
 * The test is linked with -Wl,--wrap=glp_simplex,--wrap=glp_intopt,
 * --wrap=glp_load_matrix,--wrap=glp_add_cols (Makefile): every call that
 * libplacera makes to one of these goes through a counter, and the n-th
 * call of the chosen function raises a GLPK error (glp_error, as GLPK's
 * own checks and its memory cap do), which GLPK's error hook turns into a
 * longjmp out of the whole job.  For each function, n runs over 1, 2, 3,
 * 5, 8, ... until a solve no longer reaches the n-th call: the failures
 * land in the root LP, the start heuristics, the neighbourhood search, the
 * branch-and-bound, the decomposition's master and slices.  Each must end
 * with PL_ERR_SOLVER, no schedule and the message "the GLPK solver failed
 * internally"; under make test-asan LeakSanitizer checks that nothing the
 * job allocated leaked through the longjmp.  A clean solve after all of
 * them (in a GLPK environment made anew after glp_free_env) must give the
 * same optimal cost as before.
 *
 * glpk.h may only be included under src/solve/ (tests/sh/layers.sh): the
 * few GLPK functions wrapped are declared here with opaque arguments.
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

#define INSTANCE "instances/at-block.json"
#define MAX_STEPS 9 /* n values tried per function (1, 2, 3, 5, ... 55) */

/* ---- the failing GLPK calls --------------------------------------------- */

struct glp_prob;
typedef void (*glp_errfunc)(const char *fmt, ...);
glp_errfunc glp_error_(const char *file, int line);

int __real_glp_simplex(struct glp_prob *lp, const void *parm);
int __real_glp_intopt(struct glp_prob *lp, const void *parm);
void __real_glp_load_matrix(struct glp_prob *lp, int ne, const int ia[],
                            const int ja[], const double ar[]);
int __real_glp_add_cols(struct glp_prob *lp, int ncs);
int __wrap_glp_simplex(struct glp_prob *lp, const void *parm);
int __wrap_glp_intopt(struct glp_prob *lp, const void *parm);
void __wrap_glp_load_matrix(struct glp_prob *lp, int ne, const int ia[],
                            const int ja[], const double ar[]);
int __wrap_glp_add_cols(struct glp_prob *lp, int ncs);

typedef enum wrapped { W_SIMPLEX, W_INTOPT, W_LOAD_MATRIX, W_ADD_COLS, W_COUNT } wrapped;
static const char *const wrapped_name[W_COUNT] = {"glp_simplex", "glp_intopt",
                                                  "glp_load_matrix", "glp_add_cols"};

static wrapped fail_fn = W_COUNT; /* W_COUNT: none fails */
static long fail_at;              /* the call of fail_fn that fails */
static long calls;                /* calls of fail_fn so far */
static bool injected;             /* the failure was raised */

/* Raise a GLPK error at the fail_at-th call of fn: does not return then. */
static void maybe_fail(wrapped fn)
{
    if (fn != fail_fn || ++calls != fail_at)
        return;
    injected = true;
    glp_error_(__FILE__, __LINE__)("injected failure in %s\n", wrapped_name[fn]);
}

int __wrap_glp_simplex(struct glp_prob *lp, const void *parm)
{
    maybe_fail(W_SIMPLEX);
    return __real_glp_simplex(lp, parm);
}

int __wrap_glp_intopt(struct glp_prob *lp, const void *parm)
{
    maybe_fail(W_INTOPT);
    return __real_glp_intopt(lp, parm);
}

void __wrap_glp_load_matrix(struct glp_prob *lp, int ne, const int ia[],
                            const int ja[], const double ar[])
{
    maybe_fail(W_LOAD_MATRIX);
    __real_glp_load_matrix(lp, ne, ia, ja, ar);
}

int __wrap_glp_add_cols(struct glp_prob *lp, int ncs)
{
    maybe_fail(W_ADD_COLS);
    return __real_glp_add_cols(lp, ncs);
}

/* ---- the solves ----------------------------------------------------------- */

typedef struct fixture {
    pl_instance *inst;
    pl_diags diags;
    pl_schedule *sched;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    pl_diags_init(&f->diags);
    if (pl_instance_load(INSTANCE, &f->inst, &f->diags) != PL_OK) {
        pl_diags_print(&f->diags, stderr);
        pl_diags_free(&f->diags);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pl_schedule_free(f->sched);
    pl_instance_free(f->inst);
    pl_diags_free(&f->diags);
    free(f);
    return 0;
}

static bool diags_say(const pl_diags *d, const char *text)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].message && strstr(d->items[i].message, text))
            return true;
    return false;
}

/* Solve with `method`, the fail_at-th call of fail_fn failing; the status. */
static pl_status solve(fixture *f, pl_method method)
{
    pl_params params;
    pl_params_init(&params);
    params.method = method;
    params.time_limit = 10;
    pl_schedule_free(f->sched);
    f->sched = NULL;
    pl_diags_free(&f->diags);
    pl_diags_init(&f->diags);
    calls = 0;
    injected = false;
    return pl_solve(f->inst, &params, &f->sched, &f->diags);
}

/* A clean solve: optimal; its cost. */
static double clean_cost(fixture *f, pl_method method)
{
    fail_fn = W_COUNT;
    assert_int_equal(solve(f, method), PL_OK);
    assert_non_null(f->sched);
    assert_string_equal(pl_schedule_status(f->sched), "optimal");
    return pl_schedule_cost(f->sched);
}

/* Every wrapped function failing at its n-th call, n = 1, 2, 3, 5, ...,
 * until the solve no longer reaches it; then a clean solve as before.
 * Returns how many failures were injected. */
static int fail_everywhere(fixture *f, pl_method method)
{
    double cost = clean_cost(f, method);
    int failures = 0;
    for (wrapped fn = 0; fn < W_COUNT; fn++) {
        long a = 1, b = 2;
        int step = 0;
        for (; step < MAX_STEPS; step++) {
            fail_fn = fn;
            fail_at = a;
            pl_status st = solve(f, method);
            fail_fn = W_COUNT;
            if (!injected) { /* the solve made fewer calls: done */
                assert_int_equal(st, PL_OK);
                break;
            }
            failures++;
            if (st != PL_ERR_SOLVER || f->sched ||
                !diags_say(&f->diags, "the GLPK solver failed internally")) {
                fprintf(stderr, "%s failing at call %ld: status %d (%s)\n",
                        wrapped_name[fn], a, (int)st, pl_strerror(st));
                pl_diags_print(&f->diags, stderr);
                fail();
            }
            long next = a + b;
            a = b;
            b = next;
        }
        print_message("%s: %d failures injected\n", wrapped_name[fn], step);
    }
    /* GLPK works again after glp_free_env, with the same result */
    assert_true(fabs(clean_cost(f, method) - cost) < 1e-6);
    return failures;
}

static void test_compact_phases(void **state)
{
    /* root LP, start heuristics, search, branch-and-bound: many calls */
    assert_true(fail_everywhere(*state, PL_METHOD_COMPACT) >= 12);
}

static void test_decomposition_phases(void **state)
{
    /* slices, master, its MIP; then the search and the compact model */
    assert_true(fail_everywhere(*state, PL_METHOD_DECOMPOSITION) >= 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_compact_phases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decomposition_phases, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
