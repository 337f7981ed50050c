/*
 * test_whatif.c — re-planning with the least change (format.md §5) and the
 * what-if library (src/whatif).
 *
 * The instance is two trainees × four periods.  In the base both work at
 * heden, which they prefer, under anna and bertil; the scenario removes
 * bertil, so one of them has to move to kalix.  With a `change` weight far
 * above every other weight the optimum first minimises the number of changed
 * trainee-periods, so
 *   (a) the solver's change term equals (least number of changed periods) ×
 *       weight, found by enumerating every schedule of the patched instance
 *       (tests/unit/support_enum.c, which asks the independent checker);
 *   (b) the re-plan differs from the base only for one trainee, who had to
 *       move: the other keeps every period;
 * and the library's comparison counts exactly that.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "instance/instance.h"
#include "schedule/schedule.h"
#include "support_enum.h"

#define WEIGHT 10000.0

static const char *BASE =
    "{\"format\": \"placera/1\", \"name\": \"tiny\","
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 4},"
    " \"rotations\": {\"pc\": {}},"
    " \"sites\": {\"kalix\": {\"capacity\": {\"pc\": 1}}, \"heden\": {\"capacity\": {\"pc\": 2}}},"
    " \"supervisors\": {\"anna\": {\"site\": \"heden\"}, \"bertil\": {\"site\": \"heden\"},"
    "                   \"cecilia\": {\"site\": \"kalix\"}},"
    " \"programs\": {\"BT\": {\"requirements\": {\"pc\": {\"min\": 4}}}},"
    " \"trainees\": {"
    "   \"t1\": {\"program\": \"BT\", \"preferences\": {\"sites\": {\"heden\": 3}}},"
    "   \"t2\": {\"program\": \"BT\", \"preferences\": {\"sites\": {\"heden\": 2, \"kalix\": 1}}}}}";

static const char *SCENARIO =
    "{\"name\": \"bertil leaves\", \"supervisors\": {\"bertil\": null},"
    " \"weights\": {\"change\": 10000}}";

static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/placera-test-whatif-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

typedef struct fixture {
    char *base_path, *scen_path;
    pl_instance *base, *scen;
    pl_schedule *base_sched, *reference, *replan;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    pl_diags d;
    pl_params params;
    pl_diags_init(&d);
    f->base_path = write_temp(BASE);
    f->scen_path = write_temp(SCENARIO);
    if (pl_instance_load(f->base_path, &f->base, &d) != PL_OK ||
        pl_instance_load_patched(f->base_path, f->scen_path, &f->scen, &d) != PL_OK)
        return -1;
    pl_params_init(&params);
    params.time_limit = 30;
    if (pl_solve(f->base, &params, &f->base_sched, &d) != PL_OK)
        return -1;
    if (pl_whatif_rebase(f->base_sched, f->scen, &f->reference, NULL) != PL_OK)
        return -1;
    params.reference = f->reference;
    if (pl_solve(f->scen, &params, &f->replan, &d) != PL_OK)
        return -1;
    pl_diags_free(&d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->base_path);
    unlink(f->scen_path);
    free(f->base_path);
    free(f->scen_path);
    pl_schedule_free(f->base_sched);
    pl_schedule_free(f->reference);
    pl_schedule_free(f->replan);
    pl_instance_free(f->base);
    pl_instance_free(f->scen);
    free(f);
    return 0;
}

/* site index of trainee t in period p, or -1 */
static int cell(const pl_schedule *s, int t, int p)
{
    for (size_t i = 0; i < s->n_rows; i++)
        if (s->rows[i].t == t && s->rows[i].from <= p && p <= s->rows[i].to)
            return s->rows[i].s;
    return -1;
}

static void test_base_at_heden(void **state)
{
    fixture *f = *state;
    int heden = pli_instance_site_index(f->base, "heden");
    for (int t = 0; t < 2; t++)
        for (int p = 0; p < 4; p++)
            assert_int_equal(cell(f->base_sched, t, p), heden);
}

/* (a) the change term is the least possible number of changed periods
 * times the weight; the whole cost is the enumerated optimum. */
static void test_least_change_by_enumeration(void **state)
{
    fixture *f = *state;
    double best = NAN;
    pl_schedule *opt = NULL;
    pl_check_report *rep = NULL;

    assert_int_equal(enum_optimum_ex(f->scen, f->reference, true, &best, &opt, NULL), PL_OK);
    assert_int_equal(pl_check(f->scen, opt, f->reference, &rep), PL_OK);
    double least_changes = rep->costs.change / WEIGHT;
    assert_true(least_changes == floor(least_changes));
    assert_true(least_changes == 4.0); /* one trainee moves for 4 months */
    pl_check_report_free(rep);
    pl_schedule_free(opt);

    assert_string_equal(pl_schedule_status(f->replan), "optimal");
    assert_true(fabs(f->replan->costs.change - least_changes * WEIGHT) < 1e-6);
    assert_true(fabs(f->replan->cost - best) < 1e-6);

    /* and the independent checker agrees with the solver's figures */
    assert_int_equal(pl_check(f->scen, f->replan, f->reference, &rep), PL_OK);
    assert_true(pl_check_passed(rep));
    assert_true(fabs(rep->costs.change - least_changes * WEIGHT) < 1e-6);
    pl_check_report_free(rep);
}

/* (b) only a trainee who had to move moves: t1 (who prefers heden more)
 * stays, t2 goes to kalix; nothing else differs from the reference. */
static void test_only_needed_moves(void **state)
{
    fixture *f = *state;
    int kalix = pli_instance_site_index(f->scen, "kalix");
    int heden = pli_instance_site_index(f->scen, "heden");
    int t1 = pli_instance_trainee_index(f->scen, "t1");
    int t2 = pli_instance_trainee_index(f->scen, "t2");
    for (int p = 0; p < 4; p++) {
        assert_int_equal(cell(f->replan, t1, p), heden);
        assert_int_equal(cell(f->replan, t2, p), kalix);
    }

    pl_whatif_column col;
    pl_whatif_column_init(&col);
    assert_int_equal(pl_whatif_measure(f->scen, f->replan, f->base, f->base_sched,
                                       0.10, "bertil-leaves", f->scen_path, &col),
                     PL_OK);
    assert_true(col.compared);
    assert_true(col.has_schedule);
    assert_int_equal(col.trainees_changed, 1);
    assert_int_equal(col.periods_changed, 4);
    assert_int_equal(col.unmet, 0);
    assert_int_equal(col.unassigned, 0);
    assert_true(fabs(col.preference - (4 * 3 + 4 * 1)) < 1e-9);
    /* heden 8/8 → 4/8, kalix 0/4 → 4/4 */
    assert_int_equal(col.n_sites, 2);
    for (size_t i = 0; i < col.n_sites; i++) {
        if (!strcmp(col.sites[i].site, "heden")) {
            assert_true(fabs(col.sites[i].base - 1.0) < 1e-9);
            assert_true(fabs(col.sites[i].scenario - 0.5) < 1e-9);
        } else {
            assert_string_equal(col.sites[i].site, "kalix");
            assert_true(fabs(col.sites[i].base - 0.0) < 1e-9);
            assert_true(fabs(col.sites[i].scenario - 1.0) < 1e-9);
        }
    }

    /* the column survives the trip through JSON (--jobs) */
    char *text = NULL;
    pl_whatif_column back;
    pl_whatif_column_init(&back);
    assert_int_equal(pl_whatif_column_to_json(&col, &text), PL_OK);
    assert_int_equal(pl_whatif_column_from_json(text, strlen(text), &back), PL_OK);
    assert_string_equal(back.label, "bertil-leaves");
    assert_string_equal(back.status, "optimal");
    assert_true(back.cost == col.cost);
    assert_true(back.costs.change == col.costs.change);
    assert_int_equal(back.periods_changed, 4);
    assert_int_equal(back.n_sites, 2);
    assert_true(back.sites[1].scenario == col.sites[1].scenario);
    free(text);

    /* the table shows the figures */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    pl_whatif_column cols[2];
    pl_whatif_column_init(&cols[0]);
    assert_int_equal(pl_whatif_measure(f->base, f->base_sched, NULL, NULL, 0.10, "base",
                                       f->base_path, &cols[0]), PL_OK);
    cols[1] = back;
    assert_int_equal(pl_whatif_write_table(cols, 2, 0.10, mem), PL_OK);
    fclose(mem);
    assert_non_null(strstr(buf, "bertil-leaves"));
    assert_non_null(strstr(buf, "trainee-periods changed"));
    assert_non_null(strstr(buf, "  change"));
    assert_non_null(strstr(buf, "100% (+100)"));
    free(buf);
    pl_whatif_column_clear(&cols[0]);
    pl_whatif_column_clear(&back);
    pl_whatif_column_clear(&col);
}

/* The reference keeps a placement whose supervisor left (only the name is
 * dropped) and drops rows whose trainee is gone. */
static void test_rebase(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->reference->n_rows, f->base_sched->n_rows);
    for (size_t i = 0; i < f->reference->n_rows; i++) {
        const pl_row *r = &f->reference->rows[i];
        assert_true(r->t >= 0 && r->s >= 0 && r->r >= 0);
        if (r->supervisor)
            assert_string_not_equal(r->supervisor, "bertil");
    }

    char *gone = write_temp("{\"trainees\": {\"t1\": null}}");
    pl_instance *inst = NULL;
    pl_schedule *ref = NULL;
    size_t dropped = 0;
    pl_diags d;
    pl_diags_init(&d);
    assert_int_equal(pl_instance_load_patched(f->base_path, gone, &inst, &d), PL_OK);
    assert_int_equal(pl_whatif_rebase(f->base_sched, inst, &ref, &dropped), PL_OK);
    assert_true(dropped > 0);
    for (size_t i = 0; i < ref->n_rows; i++)
        assert_string_equal(ref->rows[i].trainee, "t2");
    assert_int_equal(ref->rows[0].t, 0); /* t2 is trainee 0 now */
    pl_schedule_free(ref);
    pl_instance_free(inst);
    pl_diags_free(&d);
    unlink(gone);
    free(gone);
}

static void test_invalid_column(void **state)
{
    (void)state;
    pl_diags d;
    pl_whatif_column col;
    pl_diags_init(&d);
    pl_whatif_column_init(&col);
    pl_diags_add(&d, PL_SEV_WARNING, "s.json", 0, 0, "/x", "just a warning");
    pl_diags_add(&d, PL_SEV_ERROR, "s.json", 0, 0, "/sites/a/capacity", "bad capacity");
    assert_int_equal(pl_whatif_column_invalid(&col, "s", "s.json", &d), PL_OK);
    assert_false(col.valid);
    assert_false(col.has_schedule);
    assert_string_equal(col.status, "invalid");
    assert_int_equal(col.n_errors, 1);
    assert_string_equal(col.errors[0], "s.json: /sites/a/capacity: error: bad capacity");
    pl_whatif_column_clear(&col);
    pl_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_at_heden),
        cmocka_unit_test(test_least_change_by_enumeration),
        cmocka_unit_test(test_only_needed_moves),
        cmocka_unit_test(test_rebase),
        cmocka_unit_test(test_invalid_column),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
