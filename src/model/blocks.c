/*
 * blocks.c — run lengths (format.md §3.3, §3.9.1–3).
 *
 * A run is a maximal stretch of consecutive periods at the same (site,
 * rotation).  For each trainee and (site, rotation) the periods x_p are
 * linked by start variables y_p (a run starts in p), written in the tight
 * "minimum up-time" form instead of big-M:
 *
 *   y_p >= x_p - x_{p-1}
 *   x_p >= Σ_{q = p-L+1 .. p} y_q                   (block_min L)
 *   Σ_{q = p .. p+M} x_q <= M                       (block_max M)
 *
 * y appears nowhere else, and only the first row bounds it from below, so
 * the smallest y, max(0, x_p - x_{p-1}), is always as good as any larger
 * one: the upper bounds y_p <= x_p and y_p <= 1 - x_{p-1} of the textbook
 * form hold at that value anyway and are left out (a third of the rows of
 * a 12-month BT model; the LP bound is the same).
 *
 * A start that cannot complete L periods (a gap in eligibility, or the end
 * of the horizon without open_end) gets no y: x_p <= x_{p-1} there.  A run
 * at period 0 that continues `previous` counts previous.periods.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"

static pl_status row2(pl_model *m, double lb, double ub, int c1, double v1,
                      int c2, double v2, const char *name)
{
    int cols[2] = {c1, c2};
    double vals[2] = {v1, v2};
    return pli_model_add_row(m, lb, ub, 2, cols, vals, name, NULL);
}

/* x[0..T-1] is the column per period or -1. */
static pl_status block_min(pl_model *m, int t, int s, int r, const int *x,
                           int L, int P, int *y, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    bool open_end = inst->horizon.open_end;
    char name[96];

    for (int p = 0; p < T; p++) {
        y[p] = -1;
        if (x[p] < 0)
            continue;
        bool continues_previous = p == 0 && P > 0;
        if (continues_previous)
            continue;
        bool can_start = open_end || p + L - 1 <= T - 1;
        for (int q = p; can_start && q <= p + L - 1 && q < T; q++)
            can_start = x[q] >= 0;
        int before = p > 0 ? x[p - 1] : -1;
        if (!can_start) {
            if (before < 0) {
                m->col_ub[x[p]] = 0.0;
            } else {
                snprintf(name, sizeof name, "nostart_%d_%d_%d_%d", t, s, r, p);
                PL_TRY(row2(m, -HUGE_VAL, 0.0, x[p], 1.0, before, -1.0, name));
            }
            continue;
        }
        snprintf(name, sizeof name, "y_%d_%d_%d_%d", t, s, r, p);
        PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, 1.0, name, &y[p]));
        snprintf(name, sizeof name, "ylo_%d_%d_%d_%d", t, s, r, p);
        if (before >= 0) {
            int cols[3] = {y[p], x[p], before};
            double vals[3] = {1.0, -1.0, 1.0};
            PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, 3, cols, vals, name, NULL));
        } else {
            PL_TRY(row2(m, 0.0, HUGE_VAL, y[p], 1.0, x[p], -1.0, name));
        }
    }
    /* x_p >= Σ starts in the last L periods */
    for (int p = 0; p < T; p++) {
        if (x[p] < 0)
            continue;
        pli_terms_clear(row);
        PL_TRY(pli_terms_add(row, x[p], 1.0));
        for (int q = p - L + 1; q <= p; q++)
            if (q >= 0 && y[q] >= 0 && q != p)
                PL_TRY(pli_terms_add(row, y[q], -1.0));
        if (row->n < 2)
            continue;
        snprintf(name, sizeof name, "bmin_%d_%d_%d_%d", t, s, r, p);
        PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, row->n, row->cols, row->vals,
                                name, NULL));
    }
    /* continuing `previous` at period 0: the run must reach L in total */
    if (P > 0 && x[0] >= 0 && L - P - 1 >= 1) {
        int last = L - P - 1;
        bool ok = open_end || last <= T - 1;
        for (int q = 1; ok && q <= last && q < T; q++)
            ok = x[q] >= 0;
        if (!ok) {
            m->col_ub[x[0]] = 0.0;
        } else {
            for (int q = 1; q <= last && q < T; q++) {
                snprintf(name, sizeof name, "bprev_%d_%d_%d_%d", t, s, r, q);
                PL_TRY(row2(m, 0.0, HUGE_VAL, x[q], 1.0, x[0], -1.0, name));
            }
        }
    }
cleanup:
    return status;
}

static pl_status block_max(pl_model *m, int t, int s, int r, const int *x,
                           int M, int P, pl_terms *row)
{
    pl_status status = PL_OK;
    int T = m->inst->horizon.length;
    char name[96];

    for (int p = 0; p + M <= T - 1; p++) {
        bool full = true;
        for (int q = p; full && q <= p + M; q++)
            full = x[q] >= 0;
        if (!full)
            continue;
        pli_terms_clear(row);
        for (int q = p; q <= p + M; q++)
            PL_TRY(pli_terms_add(row, x[q], 1.0));
        snprintf(name, sizeof name, "bmax_%d_%d_%d_%d", t, s, r, p);
        PL_TRY(pli_model_add_row(m, -HUGE_VAL, M, row->n, row->cols, row->vals,
                                name, NULL));
    }
    if (P > 0 && x[0] >= 0) {
        if (P >= M) {
            m->col_ub[x[0]] = 0.0;
        } else if (M - P + 1 <= T) {
            int k = M - P + 1; /* periods 0..k-1 placed would exceed M */
            bool full = true;
            for (int q = 0; full && q < k; q++)
                full = x[q] >= 0;
            if (full) {
                pli_terms_clear(row);
                for (int q = 0; q < k; q++)
                    PL_TRY(pli_terms_add(row, x[q], 1.0));
                snprintf(name, sizeof name, "bmaxprev_%d_%d_%d", t, s, r);
                PL_TRY(pli_model_add_row(m, -HUGE_VAL, k - 1, row->n, row->cols,
                                        row->vals, name, NULL));
            }
        }
    }
cleanup:
    return status;
}

/* Whether trainee t's rule r has a run length to enforce. */
static bool has_block_rule(const pl_trainee *tr, int r, int T)
{
    const pl_rule *rule = &tr->rules[r];
    return rule->present && (rule->block_min > 1 || rule->block_max < T ||
                             tr->previous.periods > 0);
}

/* The sites where trainee t has a cell of rotation r, in increasing order,
 * into sites (their count returned); xs[s*T + p] is the column of (s, r, p)
 * or -1.  One pass over t's cells instead of a search per (s, p). */
static int gather_sites(const pl_model *m, int t, int r, int *xs, int *sites,
                        bool *seen)
{
    int T = m->inst->horizon.length, n = 0;
    for (int p = 0; p < T; p++) {
        size_t nc;
        const pl_cell *c = pl_model_cells(m, t, p, &nc);
        for (size_t i = 0; i < nc; i++) {
            if (c[i].r != r)
                continue;
            if (!seen[c[i].s]) {
                seen[c[i].s] = true;
                sites[n++] = c[i].s;
                for (int q = 0; q < T; q++)
                    xs[(size_t)c[i].s * T + q] = -1;
            }
            xs[(size_t)c[i].s * T + p] = c[i].col;
        }
    }
    for (int i = 1; i < n; i++) /* insertion sort: a handful of sites */
        for (int j = i; j > 0 && sites[j - 1] > sites[j]; j--) {
            int tmp = sites[j];
            sites[j] = sites[j - 1];
            sites[j - 1] = tmp;
        }
    for (int i = 0; i < n; i++)
        seen[sites[i]] = false;
    return n;
}

/* The block rows of trainee t's rotation r at every site it may use. */
static pl_status trainee_rotation(pl_model *m, int t, int r, int *xs, int *sites,
                                  bool *seen, int *y, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_trainee *tr = &m->inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    int T = m->inst->horizon.length;
    int n = gather_sites(m, t, r, xs, sites, seen);
    for (int i = 0; i < n; i++) {
        int s = sites[i];
        int *x = &xs[(size_t)s * T];
        int P = tr->previous.periods > 0 && tr->previous.site == s &&
                        tr->previous.rotation == r
                    ? tr->previous.periods
                    : 0;
        if (rule->block_min > 1)
            PL_TRY(block_min(m, t, s, r, x, rule->block_min, P, y, row));
        if (rule->block_max != PL_UNLIMITED)
            PL_TRY(block_max(m, t, s, r, x, rule->block_max, P, row));
    }
cleanup:
    return status;
}

pl_status pli_model_blocks(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    size_t S = (size_t)inst->n_sites;
    int *xs = malloc((S * (size_t)T + 1) * sizeof *xs);
    int *sites = malloc((S + 1) * sizeof *sites);
    bool *seen = calloc(S + 1, sizeof *seen);
    int *y = malloc((size_t)T * sizeof *y);
    pl_terms row = {0};
    if (!xs || !sites || !seen || !y) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (opt->relax & PL_FAMILY_BLOCKS)
        goto cleanup;
    for (int t = 0; t < inst->n_trainees; t++) {
        for (int r = 0; r < inst->n_rotations; r++)
            if (has_block_rule(&inst->trainees[t], r, T))
                PL_TRY(trainee_rotation(m, t, r, xs, sites, seen, y, &row));
        PL_TRY(pli_model_check_stop(opt));
    }
cleanup:
    free(xs);
    free(sites);
    free(seen);
    free(y);
    pli_terms_free(&row);
    return status;
}
