/*
 * kept.c — the kept past of a re-plan (format.md 6, `--keep-until T`).
 *
 * Every period before T keeps the reference schedule's placement as a pin:
 * a trainee placed at (s, r) there stays at exactly that cell, a trainee
 * without a placement stays without one.  A kept placement that the
 * instance no longer allows (the cell is not eligible, or the kept
 * placements of one period overfill a site) is recorded as a reason in
 * planners' words, which makes the instance infeasible before any solving:
 * the past cannot be changed, so the planner must hear which part of it the
 * new instance contradicts.
 */
#include <stdio.h>
#include <stdlib.h>

#include "instance/dates.h"
#include "instance/eligible.h"
#include "model/model.h"

/* Why the cell (t, s, r, p) has no column, in planners' words. */
static const char *why_not(const pl_instance *inst, int t, int s, int r, int p)
{
    const pl_trainee *tr = &inst->trainees[t];
    if (!tr->active[p])
        return "the trainee is not active then (outside its start and end, or on leave)";
    if (!tr->rules[r].present)
        return "the rotation is no longer in its requirements";
    if (!inst->sites[s].offers[r] || pl_cap_max(inst, s, r, p) <= 0)
        return "the site has no capacity for that rotation then";
    if (!pli_eligible_any(inst, t, s, r, p))
        return "the site is not allowed for it (the rule's sites, at_home or areas)";
    const pl_rule *rule = &tr->rules[r];
    if (rule->max != PL_UNLIMITED &&
        rule->max - tr->completed[r] - pli_model_prev_periods(tr, r) <= 0)
        return "its max for the rotation is used up by completed and previous periods";
    return "no supervisor of the site who covers the rotation and its program is there then";
}

static void period_text(const pl_instance *inst, int p, char buf[11])
{
    int y, mo, d;
    pli_period_first_day(&inst->horizon, p, &y, &mo, &d);
    pli_format_date(y, mo, d, buf);
}

/* Whether supervisor j could take trainee t at (s, r) in period p. */
static bool covers(const pl_instance *inst, int j, int t, int s, int r, int p)
{
    const pl_supervisor *v = &inst->supervisors[j];
    return v->site == s && v->available[p] && v->rotations[r] &&
           v->programs[inst->trainees[t].program] && v->max_trainees > 0;
}

/* The kept placements of period p at each site need no more supervision
 * than the supervisors there then can give (those who cover at least one
 * of them, up to max_trainees each): a necessary condition, said in
 * planners' words; the exact matching is the model's.  Trainees are
 * bucketed by site first (head[s], next[t]), so the work is one pass over
 * the trainees and one over each supervisor's site's kept trainees. */
static pl_status kept_supervision(pl_model *m, const pl_build_options *opt, int p,
                                  int *head, int *next)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    char date[11];
    for (int s = 0; s < inst->n_sites; s++)
        head[s] = -1;
    for (int t = inst->n_trainees - 1; t >= 0; t--) {
        int s = opt->reference_site[(size_t)t * T + p];
        if (s < 0 || !pli_model_trainee_built(opt, t))
            continue;
        next[t] = head[s];
        head[s] = t;
    }
    for (int s = 0; s < inst->n_sites; s++) {
        if (head[s] < 0)
            continue;
        long kept = 0, room = 0;
        for (int t = head[s]; t >= 0; t = next[t])
            kept++;
        for (int j = 0; j < inst->n_supervisors; j++) {
            if (inst->supervisors[j].site != s)
                continue;
            bool any = false;
            for (int t = head[s]; t >= 0 && !any; t = next[t])
                any = covers(inst, j, t, s, opt->reference_rotation[(size_t)t * T + p], p);
            if (any)
                room += inst->supervisors[j].max_trainees;
        }
        if (kept <= room)
            continue;
        period_text(inst, p, date);
        PL_TRY(pli_model_add_reason(
            m, "kept past: in period %d (%s) the reference has %ld trainees at %s, but the "
               "supervisors there then can take only %ld of them",
            p, date, kept, inst->sites[s].id, room));
    }
cleanup:
    return status;
}

/* The kept placements of period p must fit every (site, rotation). */
static pl_status kept_capacity(pl_model *m, const pl_build_options *opt,
                               int p, int *count)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length, R = inst->n_rotations;
    size_t n = (size_t)inst->n_sites * (size_t)R;
    char date[11];
    for (size_t k = 0; k < n; k++)
        count[k] = 0;
    for (int t = 0; t < inst->n_trainees; t++) {
        int s = opt->reference_site[(size_t)t * T + p];
        if (s >= 0 && pli_model_trainee_built(opt, t))
            count[(size_t)s * R + opt->reference_rotation[(size_t)t * T + p]]++;
    }
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < R; r++) {
            int have = count[(size_t)s * R + r];
            if (have == 0 || have <= pl_cap_max(inst, s, r, p))
                continue;
            period_text(inst, p, date);
            PL_TRY(pli_model_add_reason(
                m, "kept past: in period %d (%s) the reference has %d trainees at %s (%s), "
                   "but its capacity is now %d",
                p, date, have, inst->sites[s].id, inst->rotations[r].id,
                pl_cap_max(inst, s, r, p)));
        }
cleanup:
    return status;
}

/* Trainee t's periods before keep_until, pinned to the reference. */
static pl_status keep_trainee(pl_model *m, const pl_build_options *opt, int t,
                              int until, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    char name[64], date[11];
    for (int p = 0; p < until; p++) {
        int s0 = opt->reference_site[(size_t)t * T + p];
        int r0 = opt->reference_rotation[(size_t)t * T + p];
        size_t n;
        const pl_cell *c = pl_model_cells(m, t, p, &n);
        pli_terms_clear(row);
        if (s0 < 0) { /* kept empty: no placement in p */
            for (size_t i = 0; i < n; i++)
                PL_TRY(pli_terms_add(row, c[i].col, 1.0));
            if (row->n == 0)
                continue;
            snprintf(name, sizeof name, "keep_empty_%d_%d", t, p);
            PL_TRY(pli_model_add_row(m, 0.0, 0.0, row->n, row->cols, row->vals, name, NULL));
            m->row_trainee[m->n_rows - 1] = t;
            continue;
        }
        int col = pli_model_cell_col(m, t, s0, r0, p);
        if (col < 0) {
            period_text(inst, p, date);
            PL_TRY(pli_model_add_reason(
                m, "kept past: %s is at %s (%s) in period %d (%s) in the reference, "
                   "which this instance does not allow: %s",
                inst->trainees[t].id, inst->sites[s0].id, inst->rotations[r0].id, p,
                date, why_not(inst, t, s0, r0, p)));
            continue;
        }
        PL_TRY(pli_terms_add(row, col, 1.0));
        snprintf(name, sizeof name, "keep_%d_%d", t, p);
        PL_TRY(pli_model_add_trainee_row(m, t, 1.0, 1.0, row, name));
    }
cleanup:
    return status;
}

pl_status pli_model_kept(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int until = opt->keep_until < inst->horizon.length ? opt->keep_until
                                                       : inst->horizon.length;
    pl_terms row = {0};
    int *count = NULL, *head = NULL, *next = NULL;

    if (!opt->reference_site || until <= 0 || (opt->relax & PL_FAMILY_PINS))
        goto cleanup;
    count = malloc(((size_t)inst->n_sites * (size_t)inst->n_rotations + 1) * sizeof *count);
    head = malloc(((size_t)inst->n_sites + 1) * sizeof *head);
    next = malloc(((size_t)inst->n_trainees + 1) * sizeof *next);
    if (!count || !head || !next) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int p = 0; p < until; p++) {
        PL_TRY(kept_capacity(m, opt, p, count));
        PL_TRY(kept_supervision(m, opt, p, head, next));
    }
    for (int t = 0; t < inst->n_trainees; t++)
        if (pli_model_trainee_built(opt, t))
            PL_TRY(keep_trainee(m, opt, t, until, &row));
cleanup:
    free(count);
    free(head);
    free(next);
    pli_terms_free(&row);
    return status;
}
