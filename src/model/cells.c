/*
 * cells.c — eligibility (format.md §3.1) and the placement columns.
 *
 * A column x[t,s,r,p] exists only for a cell where trainee t may be at site
 * s doing rotation r in period p: p is active for t, r is in t's rules with
 * room left under `max`, s offers r with capacity in p, s is allowed by the
 * rule's `sites`, `at_home` and the trainee's `areas`, and some supervisor of
 * s who covers r and t's program is available in p (§3.2).  Everything else
 * in the model is written over these columns, so the model never touches
 * the full trainee × site × rotation × period product.
 */
#include <stdio.h>
#include <math.h>
#include <stdlib.h>

#include "instance/eligible.h"
#include "model/model.h"

static bool supervised(const pl_instance *inst, int s, int r, int prog, int p)
{
    for (int j = 0; j < inst->n_supervisors; j++) {
        const pl_supervisor *sv = &inst->supervisors[j];
        if (sv->site == s && sv->rotations[r] && sv->programs[prog] &&
            sv->available[p] && sv->max_trainees > 0)
            return true;
    }
    return false;
}

/* format.md 3.1 (pl_eligible_any: under any possible home), plus what the
 * model needs on top: room left under `max` and a supervisor for it. */
static bool eligible(const pl_instance *inst, int t, int s, int r, int p)
{
    const pl_trainee *tr = &inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    if (!pl_eligible_any(inst, t, s, r, p))
        return false;
    if (rule->max != PL_UNLIMITED &&
        rule->max - tr->completed[r] - pl_model_prev_periods(tr, r) <= 0)
        return false;
    return supervised(inst, s, r, tr->program, p);
}

/* Counting sort of the cells by (s, r, p) into srp_start / srp_cells. */
static pl_status group_by_site_rotation_period(pl_model *m)
{
    const pl_instance *inst = m->inst;
    size_t T = (size_t)inst->horizon.length;
    size_t keys = (size_t)inst->n_sites * (size_t)inst->n_rotations * T;
    m->srp_start = calloc(keys + 1, sizeof *m->srp_start);
    m->srp_cells = malloc((m->n_cells ? m->n_cells : 1) * sizeof *m->srp_cells);
    if (!m->srp_start || !m->srp_cells)
        return PL_ERR_NOMEM;
    for (size_t i = 0; i < m->n_cells; i++) {
        const pl_cell *c = &m->cells[i];
        m->srp_start[((size_t)c->s * inst->n_rotations + c->r) * T + c->p + 1]++;
    }
    for (size_t k = 0; k < keys; k++)
        m->srp_start[k + 1] += m->srp_start[k];
    size_t *fill = malloc((keys + 1) * sizeof *fill);
    if (!fill)
        return PL_ERR_NOMEM;
    for (size_t k = 0; k <= keys; k++)
        fill[k] = m->srp_start[k];
    for (size_t i = 0; i < m->n_cells; i++) {
        const pl_cell *c = &m->cells[i];
        m->srp_cells[fill[((size_t)c->s * inst->n_rotations + c->r) * T + c->p]++] = i;
    }
    free(fill);
    return PL_OK;
}

pl_status pl_model_cells_build(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    size_t n_tp = (size_t)inst->n_trainees * (size_t)T;
    size_t cap = 0;
    char name[96];

    m->cell_start = calloc(n_tp + 1, sizeof *m->cell_start);
    if (!m->cell_start) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++) {
        for (int p = 0; p < T; p++) {
            m->cell_start[(size_t)t * T + p] = m->n_cells;
            if (!pl_model_trainee_built(opt, t) || opt->allocation_only)
                continue;
            for (int s = 0; s < inst->n_sites; s++) {
                for (int r = 0; r < inst->n_rotations; r++) {
                    if (!eligible(inst, t, s, r, p))
                        continue;
                    if (m->n_cells == cap) {
                        cap = cap ? cap * 2 : 256;
                        pl_cell *c = realloc(m->cells, cap * sizeof *c);
                        if (!c) {
                            status = PL_ERR_NOMEM;
                            goto cleanup;
                        }
                        m->cells = c;
                    }
                    pl_cell *c = &m->cells[m->n_cells];
                    snprintf(name, sizeof name, "x_%d_%d_%d_%d", t, s, r, p);
                    PL_TRY(pl_model_add_col(m, PL_COL_BINARY, 0.0, 1.0, name, &c->col));
                    c->t = t;
                    c->s = s;
                    c->r = r;
                    c->p = p;
                    m->n_cells++;
                }
            }
        }
    }
    m->cell_start[n_tp] = m->n_cells;
    PL_TRY(group_by_site_rotation_period(m));

cleanup:
    return status;
}

/* At most one placement per trainee and period; none at all for a trainee
 * with home_choices that is left unallocated. */
pl_status pl_model_one_place(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    pl_terms row = {0};
    char name[96];
    (void)opt;
    for (int t = 0; t < inst->n_trainees; t++) {
        bool scaled = m->present_col && m->present_col[t] >= 0;
        for (int p = 0; p < T; p++) {
            size_t n;
            const pl_cell *c = pl_model_cells(m, t, p, &n);
            if (n < (scaled ? 1u : 2u))
                continue;
            pl_terms_clear(&row);
            for (size_t i = 0; i < n; i++)
                PL_TRY(pl_terms_add(&row, c[i].col, 1.0));
            snprintf(name, sizeof name, "one_%d_%d", t, p);
            PL_TRY(pl_model_add_trainee_row(m, t, -HUGE_VAL, 1.0, &row, name));
        }
    }
cleanup:
    pl_terms_free(&row);
    return status;
}
