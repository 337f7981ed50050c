/*
 * test_alloc_failures.c — every allocation failure is reported, never a
 * crash or a leak (sqlite-style fault injection).
 *
 * The test is linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * --wrap=strdup (Makefile), so every allocation made by libplacera goes
 * through the counters below, and jansson's allocations through
 * json_set_alloc_funcs.  For each operation the allocations of one clean
 * run are counted (N); then for every k in 1..N the k-th allocation fails
 * and the operation must return an error status (PL_ERR_NOMEM, or the
 * I/O, syntax or validation error the failure surfaced as) and leave *out
 * NULL.  A second pass makes every allocation from the k-th on fail.  Under
 * make test-asan, ASan and LeakSanitizer check that nothing crashes or
 * leaks on any of those paths.  Operations: loading an instance (valid and
 * invalid), loading a schedule, and checking it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "placera.h"

/* ---- the failing allocator ---------------------------------------------- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);

static long alloc_count;  /* allocations since the last reset */
static long fail_at = -1; /* fail the alloc_count-th one; -1 = never */
static int fail_after;    /* 1: fail fail_at and every later one too */
static long failures;     /* how many were made to fail */

static int should_fail(void)
{
    alloc_count++;
    if (fail_at < 0)
        return 0;
    if (alloc_count == fail_at || (fail_after && alloc_count > fail_at)) {
        failures++;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
    return should_fail() ? NULL : __real_strdup(s);
}

static void *json_alloc(size_t size)
{
    return __wrap_malloc(size);
}

static void arm(long k, int after)
{
    alloc_count = 0;
    failures = 0;
    fail_at = k;
    fail_after = after;
}

static void disarm(void)
{
    fail_at = -1;
}

/* ---- inputs ---------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = __real_malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return text;
}

#define INSTANCE "tests/fuzz/corpus/instance/schedule_harness_instance.json"
#define SCHEDULE "tests/fuzz/corpus/schedule/solved.json"

static int is_error(pl_status st)
{
    return st == PL_ERR_NOMEM || st == PL_ERR_IO || st == PL_ERR_SYNTAX ||
           st == PL_ERR_INVALID;
}

/* One operation under test: returns its status and a fingerprint of its
 * result (counts, costs, number of diagnostics); frees what it made. */
typedef pl_status (*operation)(void *ctx, double *fingerprint);

/* Count the allocations of a clean run, then fail each one in turn (and,
 * with after = 1, every one from it on).  Each run must fail with an error
 * status, or (when the failure was absorbed, e.g. inside jansson) succeed
 * with exactly the clean result.  Returns N; *bad counts the runs that did
 * neither (each is printed). */
static long sweep(operation op, void *ctx, pl_status clean, long *bad)
{
    double want = 0.0, got;
    arm(-1, 0);
    assert_int_equal(op(ctx, &want), clean);
    long n = alloc_count;
    assert_true(n > 0);
    for (int after = 0; after <= 1; after++) {
        for (long k = 1; k <= n; k++) {
            arm(k, after);
            got = 0.0;
            pl_status st = op(ctx, &got);
            disarm();
            if (failures == 0)
                continue; /* this run took another path with fewer allocations */
            if (is_error(st) && st != clean)
                continue;
            if (st == clean && got == want)
                continue; /* absorbed: the same answer as the clean run */
            print_error("allocation %ld of %ld failed (%s) but the status was %d "
                        "(%s) and the result %g, not %g\n",
                        k, n, after ? "and all later ones" : "alone", (int)st,
                        pl_strerror(st), got, want);
            (*bad)++;
        }
    }
    return n;
}

/* ---- operations ---------------------------------------------------------- */

typedef struct text_ctx {
    const char *text;
    size_t len;
    const char *name;
} text_ctx;

static double instance_fingerprint(const pl_instance *inst, const pl_diags *d)
{
    if (!inst)
        return (double)d->count;
    return (double)pl_instance_trainee_count(inst) * 1e6 +
           (double)strlen(pl_instance_name(inst)) * 1e3 + (double)d->count;
}

static pl_status load_instance(void *ctx, double *fp)
{
    text_ctx *c = ctx;
    pl_diags diags;
    pl_instance *inst = (pl_instance *)1;
    pl_diags_init(&diags);
    pl_status st = pl_instance_load_string(c->text, c->len, c->name, &inst, &diags);
    if (st != PL_OK)
        assert_null(inst);
    *fp = instance_fingerprint(inst, &diags);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return st;
}

static pl_status load_instance_file(void *ctx, double *fp)
{
    const char *path = ctx;
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_diags_init(&diags);
    pl_status st = pl_instance_load(path, &inst, &diags);
    if (st != PL_OK)
        assert_null(inst);
    *fp = instance_fingerprint(inst, &diags);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return st;
}

typedef struct sched_ctx {
    pl_instance *inst;
    const char *text;
    size_t len;
    pl_schedule *loaded; /* for the check */
} sched_ctx;

static pl_status load_schedule(void *ctx, double *fp)
{
    sched_ctx *c = ctx;
    pl_diags diags;
    pl_schedule *s = (pl_schedule *)1;
    pl_diags_init(&diags);
    pl_status st = pl_schedule_load_string(c->text, c->len, "s.json", c->inst, false,
                                           &s, &diags);
    if (st != PL_OK)
        assert_null(s);
    *fp = s ? pl_schedule_cost(s) * 1e3 + (double)diags.count : (double)diags.count;
    pl_schedule_free(s);
    pl_diags_free(&diags);
    return st;
}

static pl_status load_schedule_file(void *ctx, double *fp)
{
    sched_ctx *c = ctx;
    pl_diags diags;
    pl_schedule *s = NULL;
    pl_diags_init(&diags);
    pl_status st = pl_schedule_load(SCHEDULE, c->inst, true, &s, &diags);
    if (st != PL_OK)
        assert_null(s);
    *fp = s ? pl_schedule_cost(s) * 1e3 + (double)diags.count : (double)diags.count;
    pl_schedule_free(s);
    pl_diags_free(&diags);
    return st;
}

static pl_status check(void *ctx, double *fp)
{
    sched_ctx *c = ctx;
    pl_check_report *rep = (pl_check_report *)1;
    pl_status st = pl_check(c->inst, c->loaded, c->loaded, &rep);
    if (st != PL_OK)
        assert_null(rep);
    else
        *fp = rep->cost * 1e3 + (double)rep->violations.count * 10 +
              (double)rep->mismatches.count + (pl_check_passed(rep) ? 0.5 : 0.0);
    pl_check_report_free(rep);
    return st;
}

static pl_status rescore(void *ctx, double *fp)
{
    sched_ctx *c = ctx;
    pl_check_options o;
    pl_schedule *out = (pl_schedule *)1;
    pl_check_report *rep = NULL;
    pl_check_options_init(&o);
    o.reference = c->loaded;
    o.keep_until = 3;
    pl_status st = pl_rescore(c->inst, c->loaded, &o, &out, &rep);
    if (st != PL_OK)
        assert_null(out);
    else
        *fp = pl_schedule_cost(out) * 1e3 + (double)rep->violations.count;
    pl_schedule_free(out);
    pl_check_report_free(rep);
    return st;
}

/* The base with a scenario, as text and instance, and its reading. */
static pl_status patch_and_read(void *ctx, double *fp)
{
    pl_instance *base = ctx, *inst = (pl_instance *)1;
    const char *scenario = "instances/scenarios/gallivare-summer-closure.json";
    char *json = NULL, **lines = NULL;
    size_t n = 0;
    pl_diags diags;
    pl_diags_init(&diags);
    pl_status st = pl_instance_patch("instances/norrbotten-bt.json", &scenario, 1, &json,
                                     &inst, &diags);
    if (st != PL_OK) {
        assert_null(inst);
        assert_null(json);
    } else {
        st = pl_whatif_describe(base, inst, &lines, &n);
        /* counts, not the text: jansson's lexer drops a character of a
         * string when its buffer cannot grow (lex_save ignores the
         * failure), which no caller can see; the merge patch itself must
         * never lose a member (it did, through json_copy) */
        if (st == PL_OK)
            *fp = (double)pl_instance_trainee_count(inst) * 1e4 +
                  (double)pl_instance_period_count(inst) * 100 + (double)n;
        for (size_t i = 0; i < n; i++)
            free(lines[i]);
        free(lines);
    }
    free(json);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return st;
}

/* ---- tests ------------------------------------------------------------------ */

static void test_instance_valid(void **state)
{
    (void)state;
    text_ctx c;
    c.text = slurp(INSTANCE, &c.len);
    c.name = "i.json";
    long bad = 0;
    long n = sweep(load_instance, &c, PL_OK, &bad);
    print_message("instance: %ld allocations, each failed in turn\n", n);
    free((void *)c.text);
    assert_int_equal(bad, 0);
}

static void test_instance_invalid(void **state)
{
    (void)state;
    text_ctx c;
    c.text = slurp("tests/bad/many_errors.json", &c.len);
    c.name = "bad.json";
    long bad = 0;
    sweep(load_instance, &c, PL_ERR_INVALID, &bad);
    free((void *)c.text);
    assert_int_equal(bad, 0);
}

static void test_instance_syntax(void **state)
{
    (void)state;
    text_ctx c;
    c.text = slurp("tests/bad/syntax_truncated.json", &c.len);
    c.name = "bad.json";
    long bad = 0;
    sweep(load_instance, &c, PL_ERR_SYNTAX, &bad);
    free((void *)c.text);
    assert_int_equal(bad, 0);
}

static void test_instance_file(void **state)
{
    (void)state;
    long bad = 0;
    long n = sweep(load_instance_file, "instances/norrbotten-bt.json", PL_OK, &bad);
    print_message("instance file: %ld allocations, each failed in turn\n", n);
    assert_int_equal(bad, 0);
}

static pl_instance *fixture_instance(void)
{
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_diags_init(&diags);
    assert_int_equal(pl_instance_load(INSTANCE, &inst, &diags), PL_OK);
    pl_diags_free(&diags);
    return inst;
}

static void test_schedule(void **state)
{
    (void)state;
    sched_ctx c = {fixture_instance(), NULL, 0, NULL};
    c.text = slurp(SCHEDULE, &c.len);
    long bad = 0;
    long n = sweep(load_schedule, &c, PL_OK, &bad);
    print_message("schedule: %ld allocations, each failed in turn\n", n);
    sweep(load_schedule_file, &c, PL_OK, &bad);
    free((void *)c.text);
    pl_instance_free(c.inst);
    assert_int_equal(bad, 0);
}

static void test_check(void **state)
{
    (void)state;
    sched_ctx c = {fixture_instance(), NULL, 0, NULL};
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pl_schedule_load(SCHEDULE, c.inst, false, &c.loaded, &diags), PL_OK);
    long bad = 0;
    long n = sweep(check, &c, PL_OK, &bad);
    print_message("check: %ld allocations, each failed in turn\n", n);
    pl_schedule_free(c.loaded);
    pl_instance_free(c.inst);
    pl_diags_free(&diags);
    assert_int_equal(bad, 0);
}

static void test_rescore(void **state)
{
    (void)state;
    sched_ctx c = {fixture_instance(), NULL, 0, NULL};
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pl_schedule_load(SCHEDULE, c.inst, false, &c.loaded, &diags), PL_OK);
    long bad = 0;
    long n = sweep(rescore, &c, PL_OK, &bad);
    print_message("rescore: %ld allocations, each failed in turn\n", n);
    pl_schedule_free(c.loaded);
    pl_instance_free(c.inst);
    pl_diags_free(&diags);
    assert_int_equal(bad, 0);
}

static void test_patch(void **state)
{
    (void)state;
    pl_instance *base = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pl_instance_load("instances/norrbotten-bt.json", &base, &diags), PL_OK);
    pl_diags_free(&diags);
    long bad = 0;
    long n = sweep(patch_and_read, base, PL_OK, &bad);
    print_message("patch and reading: %ld allocations, each failed in turn\n", n);
    pl_instance_free(base);
    assert_int_equal(bad, 0);
}

int main(void)
{
    json_set_alloc_funcs(json_alloc, free);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instance_valid),
        cmocka_unit_test(test_instance_invalid),
        cmocka_unit_test(test_instance_syntax),
        cmocka_unit_test(test_instance_file),
        cmocka_unit_test(test_schedule),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_rescore),
        cmocka_unit_test(test_patch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
