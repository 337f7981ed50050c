/*
 * test_model_build.c — the model builder's own contract, apart from the
 * rules: it stops at its deadline and at an interrupt (so that a time
 * limit and Ctrl-C hold while a national model is built), its cells are
 * exactly the eligible ones (format.md §3.1 with a supervisor, §3.2), and
 * every row and column keeps its name for LP and MPS files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "instance/eligible.h"
#include "model/model.h"
#include "placera.h"

#define EXAMPLES "instances/norrbotten-bt.json", "instances/at-block.json", \
                 "instances/st-side-rotations.json"

static pl_instance *load(const char *path)
{
    pl_diags diags;
    pl_diags_init(&diags);
    pl_instance *inst = NULL;
    assert_int_equal(pl_instance_load(path, &inst, &diags), PL_OK);
    pl_diags_free(&diags);
    return inst;
}

static void test_stops_at_deadline(void **state)
{
    (void)state;
    pl_instance *inst = load("instances/norrbotten-bt.json");
    pl_build_options opt;
    pli_build_options_init(&opt);
    opt.deadline = 1e-9; /* long past on the monotonic clock */
    pl_model *m = (pl_model *)&opt; /* must be reset to NULL */
    assert_int_equal(pli_model_build(inst, &opt, &m), PL_ERR_NO_SOLUTION);
    assert_null(m);
    pl_instance_free(inst);
}

static void test_stops_at_interrupt(void **state)
{
    (void)state;
    pl_instance *inst = load("instances/norrbotten-bt.json");
    volatile sig_atomic_t flag = 1;
    pl_build_options opt;
    pli_build_options_init(&opt);
    opt.interrupt = &flag;
    pl_model *m = NULL;
    assert_int_equal(pli_model_build(inst, &opt, &m), PL_ERR_INTERRUPTED);
    assert_null(m);
    flag = 0;
    assert_int_equal(pli_model_build(inst, &opt, &m), PL_OK);
    assert_non_null(m);
    pli_model_free(m);
    pl_instance_free(inst);
}

/* Whether some supervisor of s covers (r, program g) and is there in p. */
static bool supervisor_for(const pl_instance *inst, int s, int r, int g, int p)
{
    for (int j = 0; j < inst->n_supervisors; j++) {
        const pl_supervisor *sv = &inst->supervisors[j];
        if (sv->site == s && sv->rotations[r] && sv->programs[g] && sv->available[p] &&
            sv->max_trainees > 0)
            return true;
    }
    return false;
}

/* The cells, counted over the whole product, against the builder's. */
static void test_cells_are_the_eligible_ones(void **state)
{
    (void)state;
    const char *paths[] = {EXAMPLES};
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        pl_instance *inst = load(paths[k]);
        pl_model *m = NULL;
        assert_int_equal(pli_model_build(inst, NULL, &m), PL_OK);
        size_t want = 0;
        for (int t = 0; t < inst->n_trainees; t++) {
            const pl_trainee *tr = &inst->trainees[t];
            for (int p = 0; p < inst->horizon.length; p++)
                for (int s = 0; s < inst->n_sites; s++)
                    for (int r = 0; r < inst->n_rotations; r++) {
                        int room = tr->rules[r].max == PL_UNLIMITED
                                       ? 1
                                       : tr->rules[r].max - tr->completed[r] -
                                             pli_model_prev_periods(tr, r);
                        if (pli_eligible_any(inst, t, s, r, p) && room > 0 &&
                            supervisor_for(inst, s, r, tr->program, p)) {
                            want++;
                            assert_true(pli_model_cell_col(m, t, s, r, p) >= 0);
                        }
                    }
        }
        printf("%s: %zu cells\n", paths[k], want);
        assert_int_equal(m->n_cells, want);
        pli_model_free(m);
        pl_instance_free(inst);
    }
}

static void test_names_kept(void **state)
{
    (void)state;
    pl_instance *inst = load("instances/norrbotten-bt.json");
    pl_model *m = NULL;
    assert_int_equal(pli_model_build(inst, NULL, &m), PL_OK);
    for (int i = 0; i < m->n_rows; i++)
        assert_non_null(pli_model_row_name(m, i));
    for (size_t i = 0; i < m->n_cells; i++) {
        const pl_cell *c = &m->cells[i];
        char want[96];
        snprintf(want, sizeof want, "x_%d_%d_%d_%d", c->t, c->s, c->r, c->p);
        assert_string_equal(pli_model_col_name(m, c->col), want);
    }
    pli_model_free(m);
    pl_instance_free(inst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stops_at_deadline),
        cmocka_unit_test(test_stops_at_interrupt),
        cmocka_unit_test(test_cells_are_the_eligible_ones),
        cmocka_unit_test(test_names_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
