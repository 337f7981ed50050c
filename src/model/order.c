/*
 * order.c — `after` rules (format.md §3.5, §3.9.4).
 *
 * Rule r with after q, where R_p / Q_p are "placed in r / q in period p":
 *  a_p ("r has begun by p") is a continuous chain: a_p >= R_p, a_p >= a_{p-1}.
 *  1. r only after a run of q:  L·a_p <= Σ_{p' < p} Q_{p'}, L = block_min
 *     of q (unless q has history: completed[q] > 0 or a previous placement
 *     in q); and r closed until the runs of all its q without history
 *     fit before it (too_early);
 *     and Σ_{p' <= p} R_{p'} / K <= Σ_{p' < p} Q_{p'} / L where r is possible
 *     in more periods than it may have (K);
 *  2. no q after any r:         Q_{p+1} + a_p <= 1.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"

static pl_status add_rotation(pl_model *m, int t, int p, int r, double v,
                              pl_terms *row, int *count)
{
    size_t n;
    const pl_cell *c = pl_model_cells(m, t, p, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].r == r) {
            pl_status st = pli_terms_add(row, c[i].col, v);
            if (st != PL_OK)
                return st;
            if (count)
                (*count)++;
        }
    return PL_OK;
}

/* Whether q has history for t (completed periods or a previous run). */
static bool has_history(const pl_trainee *tr, int q)
{
    return tr->completed[q] > 0 || pli_model_prev_periods(tr, q) > 0;
}

/* The "r has begun by p" chain a_p (continuous, pushed down by the rows
 * that use it): a_p >= R_p, a_p >= a_{p-1}.  Without history of q, every
 * period in which r is possible gets L·a_p <= Σ_{p' < p} Q_{p'}: once r has
 * begun, a whole run of q lies before (in the LP the same as one row
 * L·R_p <= Σ Q per period: a_p takes the largest R so far, and the rows of
 * earlier periods hold for it already).  Then no q after r has begun:
 * Q_{p+1} + a_p <= 1.  cumulative() adds the rows that bound the amount of
 * r, not only each period of it. */
static pl_status one_pair(pl_model *m, int t, int r, int q, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int T = inst->horizon.length;
    bool history = has_history(tr, q);
    char name[96];
    /* a run of q is at least block_min(q) periods long (that run cannot
     * reach the end of the horizon, so open_end does not shorten it) */
    double L = tr->rules[q].block_min > 1 ? tr->rules[q].block_min : 1;
    int a_prev = -1;

    for (int p = 0; p < T; p++) {
        int nr = 0, nq = 0;
        pli_terms_clear(row);
        PL_TRY(add_rotation(m, t, p, r, -1.0, row, &nr));
        bool need_after = !history && nr > 0;
        bool need_chain = p + 1 < T && (nr > 0 || a_prev >= 0);
        if (!need_after && !need_chain)
            continue;
        int a;
        snprintf(name, sizeof name, "begun_%d_%d_%d_%d", t, r, q, p);
        PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, 1.0, name, &a));
        if (nr > 0) { /* a_p >= the r cells at p (one per period) */
            PL_TRY(pli_terms_add(row, a, 1.0));
            snprintf(name, sizeof name, "begr_%d_%d_%d_%d", t, r, q, p);
            PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, row->n, row->cols,
                                    row->vals, name, NULL));
        }
        if (a_prev >= 0) {
            int cols[2] = {a, a_prev};
            double vals[2] = {1.0, -1.0};
            snprintf(name, sizeof name, "begc_%d_%d_%d_%d", t, r, q, p);
            PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, 2, cols, vals, name, NULL));
        }
        if (need_after) {
            pli_terms_clear(row);
            PL_TRY(pli_terms_add(row, a, L));
            for (int p2 = 0; p2 < p; p2++)
                PL_TRY(add_rotation(m, t, p2, q, -1.0, row, NULL));
            snprintf(name, sizeof name, "after_%d_%d_%d_%d", t, r, q, p);
            PL_TRY(pli_model_add_row(m, -HUGE_VAL, 0.0, row->n, row->cols,
                                    row->vals, name, NULL));
        }
        if (p + 1 < T) {
            pli_terms_clear(row);
            PL_TRY(add_rotation(m, t, p + 1, q, 1.0, row, &nq));
            if (nq > 0) {
                PL_TRY(pli_terms_add(row, a, 1.0));
                snprintf(name, sizeof name, "noq_%d_%d_%d_%d", t, r, q, p + 1);
                PL_TRY(pli_model_add_row(m, -HUGE_VAL, 1.0, row->n, row->cols,
                                        row->vals, name, NULL));
            }
        }
        a_prev = a;
    }
cleanup:
    return status;
}

/* Σ_{p' <= p} R_{p'} / K <= Σ_{p' < p} Q_{p'} / L, with K the most periods
 * r can have (max less history, or the periods it is possible in): all of
 * r, however spread, needs a whole run of q before it.  When r is possible
 * in more than K periods the per-period rows let the LP spread r thinly
 * after half a run of q (r in 4 possible months with max 2: half of each
 * after q half done); these rows ask for the whole run.  Written only
 * where they can cut: K below the periods r is possible in. */
static pl_status cumulative(pl_model *m, int t, int r, int q, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_trainee *tr = &m->inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    int T = m->inst->horizon.length, possible = 0;
    char name[96];
    if (has_history(tr, q))
        goto cleanup;
    for (int p = 0; p < T; p++) {
        int nr = 0;
        pli_terms_clear(row);
        PL_TRY(add_rotation(m, t, p, r, 0.0, row, &nr));
        possible += nr > 0;
    }
    int K = possible;
    int h = tr->completed[r] + pli_model_prev_periods(tr, r);
    if (rule->max != PL_UNLIMITED && rule->max - h < K)
        K = rule->max - h;
    if (K < 1 || K >= possible)
        goto cleanup;
    double L = tr->rules[q].block_min > 1 ? tr->rules[q].block_min : 1;
    for (int p = 0; p < T; p++) {
        int nr = 0;
        pli_terms_clear(row);
        PL_TRY(add_rotation(m, t, p, r, 0.0, row, &nr));
        if (nr == 0)
            continue;
        pli_terms_clear(row);
        for (int p2 = 0; p2 <= p; p2++)
            PL_TRY(add_rotation(m, t, p2, r, 1.0, row, NULL));
        for (int p2 = 0; p2 < p; p2++)
            PL_TRY(add_rotation(m, t, p2, q, -(double)K / L, row, NULL));
        snprintf(name, sizeof name, "aftercum_%d_%d_%d_%d", t, r, q, p);
        PL_TRY(pli_model_add_row(m, -HUGE_VAL, 0.0, row->n, row->cols, row->vals,
                                name, NULL));
    }
cleanup:
    return status;
}

/* r cannot start before every q of its `after` list without history has
 * had a whole run: Σ block_min(q) periods, one placement each, all before
 * r.  Cells of r in earlier periods (counting only periods in which some
 * such q is possible) are closed.  The LP would otherwise spread r over
 * early periods (primary care last in AT: not before period 8 when
 * medicine, surgery and psychiatry need 3 + 3 + 2 periods). */
static pl_status too_early(pl_model *m, int t, int r, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_trainee *tr = &m->inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    int T = m->inst->horizon.length, need = 0, before = 0;
    for (int i = 0; i < rule->n_after; i++) {
        int q = rule->after[i];
        if (q != r && !has_history(tr, q))
            need += tr->rules[q].block_min > 1 ? tr->rules[q].block_min : 1;
    }
    for (int p = 0; p < T && before < need; p++) {
        int nr = 0, nq = 0;
        pli_terms_clear(row);
        PL_TRY(add_rotation(m, t, p, r, 1.0, row, &nr));
        for (int i = 0; i < row->n; i++)
            m->col_ub[row->cols[i]] = 0.0; /* before < need here */
        for (int i = 0; i < rule->n_after; i++) {
            int q = rule->after[i];
            if (q != r && !has_history(tr, q))
                PL_TRY(add_rotation(m, t, p, q, 0.0, row, &nq));
        }
        before += nq > 0;
    }
cleanup:
    return status;
}

pl_status pli_model_order(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    pl_terms row = {0};
    if (opt->relax & PL_FAMILY_ORDER)
        goto cleanup;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!pli_model_trainee_built(opt, t))
            continue;
        for (int r = 0; r < inst->n_rotations; r++) {
            const pl_rule *rule = &tr->rules[r];
            if (!rule->present)
                continue;
            for (int i = 0; i < rule->n_after; i++)
                if (rule->after[i] != r) {
                    PL_TRY(one_pair(m, t, r, rule->after[i], &row));
                    PL_TRY(cumulative(m, t, r, rule->after[i], &row));
                }
            if (rule->n_after > 0)
                PL_TRY(too_early(m, t, r, &row));
        }
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
