/*
 * test_solver_cases.c — the solver against hand-worked tiny instances.
 *
 * Every tests/cases/NAME.json (except *.reference.json) is one test: it is
 * loaded, solved (time limit 20 s, with NAME.reference.json as reference
 * schedule when it exists), and the result must be optimal, pass pl_check
 * with no violations and no cost mismatches, and cost exactly what the
 * file's `x-expected-cost` says (worked out by hand, see its `$comment`) and
 * what brute-force enumeration (support_enum) finds.  The schedule is also
 * written to a temporary file, read back and checked again.  A case with
 * `"x-skip-until-allocation": true` is skipped (allocation or mentors not
 * ready yet).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "placera.h"
#include "schedule/schedule.h"
#include "support_enum.h"

#define CASES_DIR "tests/cases"
#define TOLERANCE 1e-6

typedef struct case_file {
    char name[128];
    char path[512];
    char reference[512]; /* "" when none */
    /* What one run holds, freed by case_teardown even when an assertion
     * stops the test early. */
    pl_diags diags;
    pl_instance *inst;
    pl_schedule *ref, *sched, *back;
    pl_check_report *rep;
} case_file;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void print_report(const char *what, const pl_check_report *rep)
{
    if (rep->violations.count) {
        fprintf(stderr, "%s: violations:\n", what);
        pl_diags_print(&rep->violations, stderr);
    }
    if (rep->mismatches.count) {
        fprintf(stderr, "%s: mismatches:\n", what);
        pl_diags_print(&rep->mismatches, stderr);
    }
}

/* Check `sched` and assert that it passes with cost `expected`. */
static void assert_checks(const char *what, const pl_instance *inst,
                          const pl_schedule *sched, const pl_schedule *ref,
                          double expected, pl_check_report **keep)
{
    pl_check_report *rep = NULL;
    assert_int_equal(pl_check(inst, sched, ref, &rep), PL_OK);
    *keep = rep; /* freed by the caller's teardown if an assertion fails */
    print_report(what, rep);
    assert_int_equal(rep->violations.count, 0);
    assert_int_equal(rep->mismatches.count, 0);
    assert_true(pl_check_passed(rep));
    if (fabs(rep->cost - expected) > TOLERANCE)
        fprintf(stderr, "%s: checker cost %.6f, expected %.6f\n", what, rep->cost, expected);
    assert_true(fabs(rep->cost - expected) <= TOLERANCE);
    pl_check_report_free(rep);
    *keep = NULL;
}

static void run_case(void **state)
{
    case_file *cf = *state;
    pl_diags *diags = &cf->diags;

    json_error_t jerr;
    json_t *doc = json_load_file(cf->path, 0, &jerr);
    assert_non_null(doc);
    json_t *x = json_object_get(doc, "x-expected-cost");
    assert_non_null(x);
    assert_true(json_is_number(x));
    double expected = json_number_value(x);
    bool skip_it = json_is_true(json_object_get(doc, "x-skip-until-allocation"));
    json_decref(doc);
    if (skip_it) {
        printf("%-28s skipped (x-skip-until-allocation)\n", cf->name);
        skip();
    }

    pl_status st = pl_instance_load(cf->path, &cf->inst, diags);
    if (st != PL_OK)
        pl_diags_print(diags, stderr);
    assert_int_equal(st, PL_OK);
    pl_diags_clear(diags);
    const pl_instance *inst = cf->inst;

    if (cf->reference[0]) {
        st = pl_schedule_load(cf->reference, inst, true, &cf->ref, diags);
        if (st != PL_OK)
            pl_diags_print(diags, stderr);
        assert_int_equal(st, PL_OK);
        pl_diags_clear(diags);
    }
    const pl_schedule *ref = cf->ref;

    pl_params params;
    pl_params_init(&params);
    params.time_limit = 20;
    params.reference = ref;
    double t0 = seconds_now();
    st = pl_solve(inst, &params, &cf->sched, diags);
    double t_solve = seconds_now() - t0;
    const pl_schedule *sched = cf->sched;
    if (st != PL_OK) {
        pl_diags_print(diags, stderr);
        if (sched)
            pl_schedule_write_stream(sched, inst, PL_FORMAT_TEXT, stderr);
    }
    assert_int_equal(st, PL_OK);
    assert_non_null(sched);
    assert_string_equal(pl_schedule_status(sched), "optimal");
    double cost = pl_schedule_cost(sched);
    if (fabs(cost - expected) > TOLERANCE)
        fprintf(stderr, "%s: solver cost %.6f, expected %.6f\n", cf->name, cost, expected);
    assert_true(fabs(cost - expected) <= TOLERANCE);
    assert_checks(cf->name, inst, sched, ref, expected, &cf->rep);

    double ecost = 0;
    enum_stats stats;
    t0 = seconds_now();
    st = enum_optimum_ex(inst, ref, true, &ecost, NULL, &stats);
    double t_enum = seconds_now() - t0;
    assert_int_equal(st, PL_OK);
    if (fabs(ecost - expected) > TOLERANCE)
        fprintf(stderr, "%s: enumerated optimum %.6f, expected %.6f\n", cf->name, ecost, expected);
    assert_true(fabs(ecost - expected) <= TOLERANCE);
    printf("%-28s cost %10.3f  solve %.3fs  enum %.3fs (%ld checks, %ld feasible)\n",
           cf->name, cost, t_solve, t_enum, stats.checks, stats.feasible);

    /* Round trip through a file. */
    char dir[] = "/tmp/placera-cases-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[600];
    snprintf(out, sizeof out, "%s/%s.schedule.json", dir, cf->name);
    st = pl_schedule_write(sched, inst, PL_FORMAT_JSON, out, diags);
    if (st != PL_OK)
        pl_diags_print(diags, stderr);
    st = st == PL_OK ? pl_schedule_load(out, inst, false, &cf->back, diags) : st;
    if (st != PL_OK)
        pl_diags_print(diags, stderr);
    remove(out);
    rmdir(dir);
    assert_int_equal(st, PL_OK);
    assert_true(fabs(pl_schedule_cost(cf->back) - expected) <= TOLERANCE);
    assert_checks(cf->name, inst, cf->back, ref, expected, &cf->rep);
}

static int case_setup(void **state)
{
    case_file *cf = *state;
    pl_diags_init(&cf->diags);
    cf->inst = NULL;
    cf->ref = cf->sched = cf->back = NULL;
    cf->rep = NULL;
    return 0;
}

static int case_teardown(void **state)
{
    case_file *cf = *state;
    pl_check_report_free(cf->rep);
    pl_schedule_free(cf->back);
    pl_schedule_free(cf->sched);
    pl_schedule_free(cf->ref);
    pl_instance_free(cf->inst);
    pl_diags_free(&cf->diags);
    return case_setup(state);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const case_file *)a)->name, ((const case_file *)b)->name);
}

int main(void)
{
    DIR *d = opendir(CASES_DIR);
    if (!d) {
        fprintf(stderr, "cannot open %s (run from the repository root)\n", CASES_DIR);
        return 1;
    }
    case_file *cases = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!ends_with(e->d_name, ".json") || ends_with(e->d_name, ".reference.json"))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            case_file *nc = realloc(cases, cap * sizeof *nc);
            if (!nc) {
                closedir(d);
                free(cases);
                return 1;
            }
            cases = nc;
        }
        case_file *cf = &cases[n++];
        memset(cf, 0, sizeof *cf);
        size_t len = strlen(e->d_name) - strlen(".json");
        snprintf(cf->name, sizeof cf->name, "%.*s", (int)len, e->d_name);
        snprintf(cf->path, sizeof cf->path, "%s/%s", CASES_DIR, e->d_name);
        snprintf(cf->reference, sizeof cf->reference, "%s/%s.reference.json",
                 CASES_DIR, cf->name);
        struct stat sb;
        if (stat(cf->reference, &sb) != 0)
            cf->reference[0] = '\0';
    }
    closedir(d);
    if (n == 0) {
        fprintf(stderr, "no cases in %s\n", CASES_DIR);
        free(cases);
        return 1;
    }
    qsort(cases, n, sizeof *cases, by_name);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    if (!tests) {
        free(cases);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        tests[i].name = cases[i].name;
        tests[i].test_func = run_case;
        tests[i].setup_func = case_setup;
        tests[i].teardown_func = case_teardown;
        tests[i].initial_state = &cases[i];
    }
    int rc = _cmocka_run_group_tests("solver_cases", tests, n, NULL, NULL);
    free(tests);
    free(cases);
    return rc;
}
