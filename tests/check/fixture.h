/*
 * fixture.h — helpers shared by the checker's unit tests
 * (tests/unit/test_check_*.c): build a small instance from JSON pieces, load
 * a schedule from JSON text through a temporary file, build schedule rows by
 * hand (for rows the strict reader would refuse), run pl_check and look for
 * a violation by words.  Header-only (static functions), included once per
 * test program.
 */
#ifndef PL_CHECK_FIXTURE_H
#define PL_CHECK_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "placera.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

/* Six monthly periods from 2027-01; rotations pc, ac, ps. `sites`,
 * `supervisors`, `programs` and `trainees` are the bodies of those objects;
 * `extra` is more top-level members (each followed by a comma) or "". */
static inline pl_instance *fx_instance_h(const char *horizon, const char *sites,
                                  const char *supervisors, const char *programs,
                                  const char *trainees, const char *extra)
{
    pl_diags d;
    pl_instance *inst = NULL;
    char *text = pli_asprintf(
        "{\"format\": \"placera/1\", \"name\": \"fx\", %s"
        "\"horizon\": %s,"
        "\"rotations\": {\"pc\": {}, \"ac\": {}, \"ps\": {}},"
        "\"sites\": {%s}, \"supervisors\": {%s}, \"programs\": {%s},"
        "\"trainees\": {%s}}",
        extra, horizon, sites, supervisors, programs, trainees);
    assert_non_null(text);
    pl_diags_init(&d);
    pl_status st = pl_instance_load_string(text, strlen(text), "fx.json", &inst, &d);
    if (st != PL_OK) {
        pl_diags_print(&d, stderr);
        fprintf(stderr, "instance was: %s\n", text);
    }
    free(text);
    pl_diags_free(&d);
    assert_int_equal(st, PL_OK);
    return inst;
}

#define FX_HORIZON "{\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6}"

static inline pl_instance *fx_instance(const char *sites, const char *supervisors,
                                const char *programs, const char *trainees,
                                const char *extra)
{
    return fx_instance_h(FX_HORIZON, sites, supervisors, programs, trainees, extra);
}

/* A schedule from JSON: `body` is what follows the format and status
 * members, e.g. "\"placements\": [...], \"homes\": {...}". */
static inline pl_schedule *fx_schedule(const pl_instance *inst, const char *body)
{
    char path[] = "/tmp/placera-check-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fprintf(f, "{\"format\": \"placera-schedule/1\", \"status\": \"feasible\", %s}", body);
    fclose(f);
    pl_diags d;
    pl_schedule *s = NULL;
    pl_diags_init(&d);
    pl_status st = pl_schedule_load(path, inst, false, &s, &d);
    if (st != PL_OK) {
        pl_diags_print(&d, stderr);
        fprintf(stderr, "schedule was: %s\n", body);
    }
    unlink(path);
    pl_diags_free(&d);
    assert_int_equal(st, PL_OK);
    return s;
}

/* An empty schedule, to be filled with fx_row. */
static inline pl_schedule *fx_empty(void)
{
    pl_schedule *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->status = PL_RESULT_FEASIBLE;
    return s;
}

/* Append a row; ids are resolved against inst (-1 when unknown). */
static inline void fx_row(pl_schedule *s, const pl_instance *inst, const char *t,
                   const char *site, const char *rot, int from, int to,
                   const char *sup)
{
    pl_row *rows = realloc(s->rows, (s->n_rows + 1) * sizeof *rows);
    assert_non_null(rows);
    s->rows = rows;
    pl_row *r = &rows[s->n_rows++];
    memset(r, 0, sizeof *r);
    r->trainee = pli_strdup(t);
    r->site = pli_strdup(site);
    r->rotation = pli_strdup(rot);
    r->supervisor = sup ? pli_strdup(sup) : NULL;
    r->t = pli_instance_trainee_index(inst, t);
    r->s = pli_instance_site_index(inst, site);
    r->r = pli_instance_rotation_index(inst, rot);
    r->sup = sup ? pli_instance_supervisor_index(inst, sup) : -1;
    r->from = from;
    r->to = to;
}

static inline void fx_print(const pl_check_report *rep)
{
    pl_diags_print(&rep->violations, stderr);
    pl_diags_print(&rep->mismatches, stderr);
}

static inline pl_check_report *fx_check_ref(const pl_instance *inst, const pl_schedule *s,
                                     const pl_schedule *ref)
{
    pl_check_report *rep = NULL;
    assert_int_equal(pl_check(inst, s, ref, &rep), PL_OK);
    assert_non_null(rep);
    return rep;
}

static inline pl_check_report *fx_check(const pl_instance *inst, const pl_schedule *s)
{
    return fx_check_ref(inst, s, NULL);
}

/* Does some violation's message contain all of the words (NULL-terminated)? */
static inline bool fx_has(const pl_diags *list, const char *word, ...)
{
    for (size_t i = 0; i < list->count; i++) {
        const char *msg = list->items[i].message;
        bool all = strstr(msg, word) != NULL;
        va_list ap;
        va_start(ap, word);
        for (const char *w = va_arg(ap, const char *); w && all; w = va_arg(ap, const char *))
            all = strstr(msg, w) != NULL;
        va_end(ap);
        if (all)
            return true;
    }
    return false;
}

/* Assert the check passed (printing what it found if not). */
static inline void fx_assert_passed(const pl_check_report *rep)
{
    if (!pl_check_passed(rep))
        fx_print(rep);
    assert_true(pl_check_passed(rep));
}

/* Assert the check failed with a violation containing the words. */
#define FX_ASSERT_VIOLATION(rep, ...)                                       \
    do {                                                                    \
        if (!fx_has(&(rep)->violations, __VA_ARGS__, (const char *)NULL))   \
            fx_print(rep);                                                  \
        assert_false(pl_check_passed(rep));                                 \
        assert_true(fx_has(&(rep)->violations, __VA_ARGS__, (const char *)NULL)); \
    } while (0)

#define FX_EPS 1e-9

#define assert_double_equal(a, b, eps)                                      \
    do {                                                                    \
        double fx_a_ = (a), fx_b_ = (b);                                    \
        if (!(fx_a_ - fx_b_ <= (eps) && fx_b_ - fx_a_ <= (eps)))            \
            fprintf(stderr, "%s = %.12g, expected %.12g\n", #a, fx_a_, fx_b_); \
        assert_true(fx_a_ - fx_b_ <= (eps) && fx_b_ - fx_a_ <= (eps));      \
    } while (0)

/* The recomputed terms, in the order of pl_costs, then the total. */
static inline void fx_assert_costs(const pl_check_report *rep, double unmet,
                            double unassigned, double idle, double site_change,
                            double preference, double change, double rank,
                            double unallocated, double no_mentor,
                            double understaffed, double priority,
                            double fairness, double total)
{
    const pl_costs *k = &rep->costs;
    assert_double_equal(k->unmet, unmet, FX_EPS);
    assert_double_equal(k->unassigned, unassigned, FX_EPS);
    assert_double_equal(k->idle, idle, FX_EPS);
    assert_double_equal(k->site_change, site_change, FX_EPS);
    assert_double_equal(k->preference, preference, FX_EPS);
    assert_double_equal(k->change, change, FX_EPS);
    assert_double_equal(k->rank, rank, FX_EPS);
    assert_double_equal(k->unallocated, unallocated, FX_EPS);
    assert_double_equal(k->no_mentor, no_mentor, FX_EPS);
    assert_double_equal(k->understaffed, understaffed, FX_EPS);
    assert_double_equal(k->priority, priority, FX_EPS);
    assert_double_equal(k->fairness, fairness, FX_EPS);
    assert_double_equal(rep->cost, total, FX_EPS);
}

/* Only the total and the unassigned term (for schedules where the rest is 0). */
static inline void fx_assert_simple(const pl_check_report *rep, double unassigned, double total)
{
    fx_assert_costs(rep, 0, unassigned, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, total);
}

#endif /* PL_CHECK_FIXTURE_H */
