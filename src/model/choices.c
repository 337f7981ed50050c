/*
 * choices.c — "exactly k of these rotations" (format.md §3.6, §3.9.5).
 *
 * Each rotation r in some choice of trainee t gets a binary c[t,r] = "r is
 * done": 1 when r has history (completed or previous), else linked to its
 * placements per period (Σ_s x[t,s,r,p] <= c, the strong form),
 * c <= Σ x, and over the whole horizon Σ_{s,p} x[t,s,r,p] <= K·c with
 * K = min(max, periods in which r is possible).  Without that last row
 * c = 1/12 carries a whole rotation in the LP (96 % of the LP gap of MSSP
 * Instance_10).  Each choice then says Σ_{r in R} c[t,r] = pick.  The unmet
 * cost of a chosen rotation (amounts.c) is charged through c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"

/* Σ x <= K·c over the horizon; `all` holds −x of every cell of r and +c
 * last (as built for doneub), rewritten in place. */
static pl_status done_capacity(pl_model *m, bool use_max, int t, int r,
                               int periods, pl_terms *all)
{
    const pl_rule *rule = &m->inst->trainees[t].rules[r];
    char name[96];
    int K = periods;
    if (use_max && rule->max != PL_UNLIMITED && rule->max < K)
        K = rule->max > 1 ? rule->max : 1;
    for (int i = 0; i + 1 < all->n; i++)
        all->vals[i] = 1.0;
    all->vals[all->n - 1] = -(double)K;
    snprintf(name, sizeof name, "donecap_%d_%d", t, r);
    return pli_model_add_row(m, -HUGE_VAL, 0.0, all->n, all->cols, all->vals,
                            name, NULL);
}

static pl_status done_column(pl_model *m, const pl_build_options *opt, int t,
                             int r, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int T = inst->horizon.length;
    int R = inst->n_rotations;
    char name[96];
    int c;
    bool history = tr->completed[r] > 0 || pli_model_prev_periods(tr, r) > 0;

    snprintf(name, sizeof name, "done_%d_%d", t, r);
    bool scaled = m->present_col && m->present_col[t] >= 0;
    PL_TRY(pli_model_add_col(m, PL_COL_BINARY, history && !scaled ? 1.0 : 0.0,
                            1.0, name, &c));
    m->choice_col[t * R + r] = c;
    if (history) {
        if (scaled) { /* done exactly when the trainee is allocated */
            pli_terms_clear(row);
            PL_TRY(pli_terms_add(row, c, 1.0));
            snprintf(name, sizeof name, "donehist_%d_%d", t, r);
            PL_TRY(pli_model_add_trainee_row(m, t, 1.0, 1.0, row, name));
        }
        goto cleanup;
    }
    pl_terms all = {0};
    int periods = 0; /* periods in which r is possible */
    for (int p = 0; p < T && status == PL_OK; p++) {
        size_t n;
        const pl_cell *cells = pl_model_cells(m, t, p, &n);
        pli_terms_clear(row);
        for (size_t i = 0; i < n && status == PL_OK; i++)
            if (cells[i].r == r) {
                status = pli_terms_add(row, cells[i].col, 1.0);
                if (status == PL_OK)
                    status = pli_terms_add(&all, cells[i].col, -1.0);
            }
        if (status != PL_OK || row->n == 0)
            continue;
        periods++;
        status = pli_terms_add(row, c, -1.0);
        snprintf(name, sizeof name, "donex_%d_%d_%d", t, r, p);
        if (status == PL_OK)
            status = pli_model_add_row(m, -HUGE_VAL, 0.0, row->n, row->cols,
                                      row->vals, name, NULL);
    }
    if (status == PL_OK)
        status = pli_terms_add(&all, c, 1.0);
    snprintf(name, sizeof name, "doneub_%d_%d", t, r);
    if (status == PL_OK)
        status = pli_model_add_row(m, -HUGE_VAL, 0.0, all.n, all.cols, all.vals,
                                  name, NULL);
    if (status == PL_OK && periods > 1)
        status = done_capacity(m, !(opt->relax & PL_FAMILY_MAX), t, r, periods, &all);
    pli_terms_free(&all);
cleanup:
    return status;
}

pl_status pli_model_choices(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int R = inst->n_rotations;
    pl_terms row = {0};
    char name[96];

    m->choice_col = malloc(((size_t)inst->n_trainees * R + 1) * sizeof *m->choice_col);
    if (!m->choice_col) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < (size_t)inst->n_trainees * R; i++)
        m->choice_col[i] = -1;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!pli_model_trainee_built(opt, t))
            continue;
        for (int k = 0; k < tr->n_choices; k++)
            for (int i = 0; i < tr->choices[k].n_rotations; i++) {
                int r = tr->choices[k].rotations[i];
                if (m->choice_col[t * R + r] < 0)
                    PL_TRY(done_column(m, opt, t, r, &row));
            }
        if (opt->relax & PL_FAMILY_CHOICES)
            continue;
        for (int k = 0; k < tr->n_choices; k++) {
            const pl_choice *ch = &tr->choices[k];
            pli_terms_clear(&row);
            for (int i = 0; i < ch->n_rotations; i++)
                PL_TRY(pli_terms_add(&row, m->choice_col[t * R + ch->rotations[i]], 1.0));
            snprintf(name, sizeof name, "pick_%d_%d", t, k);
            PL_TRY(pli_model_add_trainee_row(m, t, ch->pick, ch->pick, &row, name));
        }
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
