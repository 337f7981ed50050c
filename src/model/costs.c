/*
 * costs.c — the objective of format.md §3.8 (the parts not tied to another
 * rule family: `unmet` is in amounts.c, `understaffed` in capacity.c).
 *
 *  unassigned   constant w·|active| minus w per placement
 *  preference   −w·(sites[s] + rotations[r]) per placement
 *  priority     −w·priority(s) per placement (top-level weight)
 *  change       per active period from keep_until on: 1 − x[reference
 *               cell], or Σ x when the reference has the trainee unplaced
 *  idle         L_p = "placed in p or later", exact by L_p >= L_{p+1},
 *               L_p >= placed_p, L_p <= L_{p+1} + placed_p; idle = Σ (L_p − placed_p)
 *  site_change  w[s,p] >= "the last placement up to p was at s";
 *               c_p >= w[s,p−1] − (1 − placed_p) − at_s_p   for each s
 *
 * placed_p and at_s_p are per-period aggregates (one column and one
 * defining row when they sum more than two cells), so the idle and site
 * change rows have a handful of nonzeros each.
 *  fairness     z >= cost(t) for every trainee; w·z
 *
 * Terms whose weight is zero build nothing.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"

static pl_status placement_costs(pl_model *m, const pl_build_options *opt, int t)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    const pl_trainee *tr = &inst->trainees[t];
    const pl_weights *w = &tr->weights;
    int T = inst->horizon.length;
    int active = 0;

    for (int p = 0; p < T; p++) {
        size_t n;
        const pl_cell *c = pl_model_cells(m, t, p, &n);
        active += tr->active[p];
        for (size_t i = 0; i < n; i++) {
            PL_TRY(pli_model_add_cost(m, c[i].col, -w->unassigned, PL_TERM_UNASSIGNED, t));
            double pref = tr->pref_site[c[i].s] + tr->pref_rotation[c[i].r];
            PL_TRY(pli_model_add_cost(m, c[i].col, -w->preference * pref,
                                     PL_TERM_PREFERENCE, t));
            PL_TRY(pli_model_add_cost(m, c[i].col,
                                     -inst->weights.priority * inst->sites[c[i].s].priority,
                                     PL_TERM_PRIORITY, -1));
        }
        if (!opt->reference_site || !tr->active[p] || w->change == 0.0 ||
            p < opt->keep_until) /* the kept past is the reference: no change */
            continue;
        int s0 = opt->reference_site[(size_t)t * T + p];
        int r0 = opt->reference_rotation[(size_t)t * T + p];
        if (s0 < 0) {
            for (size_t i = 0; i < n; i++)
                PL_TRY(pli_model_add_cost(m, c[i].col, w->change, PL_TERM_CHANGE, t));
        } else {
            PL_TRY(pli_model_add_trainee_constant(m, t, w->change, PL_TERM_CHANGE));
            int col = pli_model_cell_col(m, t, s0, r0, p);
            if (col >= 0)
                PL_TRY(pli_model_add_cost(m, col, -w->change, PL_TERM_CHANGE, t));
        }
    }
    PL_TRY(pli_model_add_trainee_constant(m, t, w->unassigned * active, PL_TERM_UNASSIGNED));
cleanup:
    return status;
}

/* A per-period aggregate of trainee t: "placed in p" (site -1) or "at
 * site s in p".  Up to AGG_DIRECT cells are used directly; more get one
 * continuous column tied to them by an equality row, so that every row
 * that uses the aggregate has a handful of nonzeros instead of every cell
 * of the period (the "last site" rows were 91 % of the nonzeros of a
 * 300-trainee region). */
#define AGG_DIRECT 2

typedef struct aggregate {
    int n;        /* columns in cols (0: nothing possible) */
    int cols[AGG_DIRECT];
} aggregate;

static pl_status make_aggregate(pl_model *m, int t, int p, int site,
                                aggregate *out, pl_terms *tmp)
{
    pl_status status = PL_OK;
    size_t n;
    const pl_cell *c = pl_model_cells(m, t, p, &n);
    char name[96];
    pli_terms_clear(tmp);
    for (size_t i = 0; i < n; i++)
        if (site < 0 || c[i].s == site)
            PL_TRY(pli_terms_add(tmp, c[i].col, 1.0));
    out->n = 0;
    if (tmp->n <= AGG_DIRECT) {
        for (int i = 0; i < tmp->n; i++)
            out->cols[out->n++] = tmp->cols[i];
        goto cleanup;
    }
    int col;
    if (site < 0)
        snprintf(name, sizeof name, "placed_%d_%d", t, p);
    else
        snprintf(name, sizeof name, "at_%d_%d_%d", t, site, p);
    PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, 1.0, name, &col));
    PL_TRY(pli_terms_add(tmp, col, -1.0));
    snprintf(name, sizeof name, "%s_%d_%d_%d", site < 0 ? "placeddef" : "atdef",
             t, site, p);
    PL_TRY(pli_model_add_row(m, 0.0, 0.0, tmp->n, tmp->cols, tmp->vals, name, NULL));
    out->cols[out->n++] = col;
cleanup:
    return status;
}

static pl_status add_aggregate(pl_terms *row, const aggregate *a, double v)
{
    for (int i = 0; i < a->n; i++) {
        pl_status st = pli_terms_add(row, a->cols[i], v);
        if (st != PL_OK)
            return st;
    }
    return PL_OK;
}

/* "placed in p" for every period of trainee t (placed[p].n == 0 when no
 * cell is eligible). */
static pl_status placed_aggregates(pl_model *m, int t, aggregate *placed,
                                   pl_terms *tmp)
{
    pl_status status = PL_OK;
    for (int p = 0; p < m->inst->horizon.length; p++)
        PL_TRY(make_aggregate(m, t, p, -1, &placed[p], tmp));
cleanup:
    return status;
}

static pl_status idle_cost(pl_model *m, int t, const aggregate *placed,
                           pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_trainee *tr = &m->inst->trainees[t];
    double w = tr->weights.idle;
    int T = m->inst->horizon.length;
    int first = tr->start < 0 ? 0 : tr->start, last = -1;
    char name[96];
    for (int p = 0; p < T; p++)
        if (placed[p].n > 0)
            last = p;
    if (last < first)
        goto cleanup;
    int next = -1; /* L_{p+1}; none beyond the last possible placement */
    for (int p = last; p >= first; p--) {
        int L;
        snprintf(name, sizeof name, "later_%d_%d", t, p);
        PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, 1.0, name, &L));
        PL_TRY(pli_model_add_cost(m, L, w, PL_TERM_IDLE, t));
        /* idle = L_p − placed_p: −w on every cell of p */
        size_t n;
        const pl_cell *c = pl_model_cells(m, t, p, &n);
        for (size_t i = 0; i < n; i++)
            PL_TRY(pli_model_add_cost(m, c[i].col, -w, PL_TERM_IDLE, t));
        /* L_p - placed_p >= 0 and L_p - L_{p+1} - placed_p <= 0 */
        pli_terms_clear(row);
        PL_TRY(pli_terms_add(row, L, 1.0));
        PL_TRY(add_aggregate(row, &placed[p], -1.0));
        snprintf(name, sizeof name, "laterlo_%d_%d", t, p);
        PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, row->n, row->cols, row->vals, name, NULL));
        if (next >= 0) {
            PL_TRY(pli_terms_add(row, next, -1.0));
            snprintf(name, sizeof name, "laterhi_%d_%d", t, p);
            PL_TRY(pli_model_add_row(m, -HUGE_VAL, 0.0, row->n, row->cols, row->vals, name, NULL));
            int cols[2] = {L, next};
            double vals[2] = {1.0, -1.0};
            snprintf(name, sizeof name, "laterc_%d_%d", t, p);
            PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, 2, cols, vals, name, NULL));
        } else {
            snprintf(name, sizeof name, "laterhi_%d_%d", t, p);
            PL_TRY(pli_model_add_row(m, -HUGE_VAL, 0.0, row->n, row->cols, row->vals, name, NULL));
        }
        next = L;
    }
cleanup:
    return status;
}

/* The sites trainee t can be placed at, in used[] (n_sites); their count. */
static int sites_used(const pl_model *m, int t, bool *used)
{
    int T = m->inst->horizon.length, n_used = 0;
    for (size_t i = m->cell_start[(size_t)t * T]; i < m->cell_start[(size_t)(t + 1) * T]; i++)
        if (!used[m->cells[i].s]) {
            used[m->cells[i].s] = true;
            n_used++;
        }
    return n_used;
}

/* c_p >= w[s,p-1] + placed_p − at_s_p − 1 for every site s with a chain:
 * a move is a placement in p away from the last site. */
static pl_status move_rows(pl_model *m, int t, int p, const int *last,
                           const aggregate *placed, const aggregate *at,
                           pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_trainee *tr = &m->inst->trainees[t];
    int S = m->inst->n_sites;
    char name[96];
    bool any_last = false;
    for (int s = 0; s < S; s++)
        any_last |= last[s] >= 0;
    if (!any_last)
        goto cleanup;
    int c;
    snprintf(name, sizeof name, "move_%d_%d", t, p);
    PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, 1.0, name, &c));
    PL_TRY(pli_model_add_cost(m, c, tr->weights.site_change, PL_TERM_SITE_CHANGE, t));
    for (int s = 0; s < S; s++) {
        if (last[s] < 0)
            continue;
        pli_terms_clear(row);
        PL_TRY(pli_terms_add(row, c, 1.0));
        PL_TRY(pli_terms_add(row, last[s], -1.0));
        PL_TRY(add_aggregate(row, placed, -1.0));
        PL_TRY(add_aggregate(row, &at[s], 1.0));
        snprintf(name, sizeof name, "movec_%d_%d_%d", t, s, p);
        PL_TRY(pli_model_add_row(m, -1.0, HUGE_VAL, row->n, row->cols, row->vals, name, NULL));
    }
cleanup:
    return status;
}

/* w[s,p] >= at_s_p and w[s,p] >= w[s,p-1] - placed_p; now[s] = w[s,p]. */
static pl_status last_site_columns(pl_model *m, int t, int p, const bool *used,
                                   const int *last, const aggregate *placed,
                                   const aggregate *at, int *now, pl_terms *row)
{
    pl_status status = PL_OK;
    char name[96];
    for (int s = 0; s < m->inst->n_sites; s++) {
        now[s] = last[s];
        if (!used[s] || (at[s].n == 0 && last[s] < 0))
            continue;
        int wc;
        snprintf(name, sizeof name, "lastsite_%d_%d_%d", t, s, p);
        PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, 1.0, name, &wc));
        if (at[s].n > 0) {
            pli_terms_clear(row);
            PL_TRY(pli_terms_add(row, wc, 1.0));
            PL_TRY(add_aggregate(row, &at[s], -1.0));
            snprintf(name, sizeof name, "lsat_%d_%d_%d", t, s, p);
            PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, row->n, row->cols, row->vals, name, NULL));
        }
        if (last[s] >= 0) {
            pli_terms_clear(row);
            PL_TRY(pli_terms_add(row, wc, 1.0));
            PL_TRY(pli_terms_add(row, last[s], -1.0));
            PL_TRY(add_aggregate(row, placed, 1.0));
            snprintf(name, sizeof name, "lscarry_%d_%d_%d", t, s, p);
            PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, row->n, row->cols, row->vals, name, NULL));
        }
        now[s] = wc;
    }
cleanup:
    return status;
}

static pl_status site_change_cost(pl_model *m, int t, const aggregate *placed,
                                  pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length, S = inst->n_sites;
    int *last = malloc((size_t)S * sizeof *last);  /* w[s, previous period] */
    int *now = malloc((size_t)S * sizeof *now);
    bool *used = calloc((size_t)S, sizeof *used);
    aggregate *at = calloc((size_t)S, sizeof *at);
    pl_terms tmp = {0};
    if (!last || !now || !used || !at) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (sites_used(m, t, used) < 2)
        goto cleanup;
    for (int s = 0; s < S; s++)
        last[s] = -1;
    for (int p = 0; p < T; p++) {
        if (placed[p].n == 0)
            continue;
        for (int s = 0; s < S; s++) {
            at[s].n = 0;
            if (used[s])
                PL_TRY(make_aggregate(m, t, p, s, &at[s], &tmp));
        }
        PL_TRY(move_rows(m, t, p, last, &placed[p], at, row));
        PL_TRY(last_site_columns(m, t, p, used, last, &placed[p], at, now, row));
        for (int s = 0; s < S; s++)
            last[s] = now[s];
    }
cleanup:
    free(last);
    free(now);
    free(used);
    free(at);
    pli_terms_free(&tmp);
    return status;
}

static pl_status fairness(pl_model *m, double w)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int n = inst->n_trainees;
    pl_terms *rows = calloc((size_t)n + 1, sizeof *rows);
    double *constant = calloc((size_t)n + 1, sizeof *constant);
    char name[96];
    if (!rows || !constant) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < m->n_contribs; i++) {
        const pl_contrib *c = &m->contribs[i];
        if (c->trainee < 0)
            continue;
        if (c->col < 0)
            constant[c->trainee] += c->coef;
        else
            PL_TRY(pli_terms_add(&rows[c->trainee], c->col, -c->coef));
    }
    PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, -HUGE_VAL, HUGE_VAL, "fair", &m->fairness_col));
    PL_TRY(pli_model_add_cost(m, m->fairness_col, w, PL_TERM_FAIRNESS, -1));
    for (int t = 0; t < n; t++) {
        PL_TRY(pli_terms_add(&rows[t], m->fairness_col, 1.0));
        snprintf(name, sizeof name, "fair_%d", t);
        PL_TRY(pli_model_add_row(m, constant[t], HUGE_VAL, rows[t].n, rows[t].cols,
                                rows[t].vals, name, NULL));
    }
cleanup:
    if (rows)
        for (int t = 0; t < n; t++)
            pli_terms_free(&rows[t]);
    free(rows);
    free(constant);
    return status;
}

pl_status pli_model_costs(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    pl_terms row = {0};
    aggregate *placed = calloc((size_t)inst->horizon.length + 1, sizeof *placed);
    if (!placed) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (opt->no_costs)
        goto cleanup;
    for (int t = 0; t < inst->n_trainees; t++) {
        if (!pli_model_trainee_built(opt, t))
            continue;
        const pl_weights *w = &inst->trainees[t].weights;
        PL_TRY(placement_costs(m, opt, t));
        if (w->idle == 0.0 && w->site_change == 0.0)
            continue;
        PL_TRY(placed_aggregates(m, t, placed, &row));
        if (w->idle != 0.0)
            PL_TRY(idle_cost(m, t, placed, &row));
        if (w->site_change != 0.0)
            PL_TRY(site_change_cost(m, t, placed, &row));
    }
    if (inst->weights.fairness != 0.0 && inst->n_trainees > 0)
        PL_TRY(fairness(m, inst->weights.fairness));
cleanup:
    free(placed);
    pli_terms_free(&row);
    return status;
}
