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

/* supervised[((s*R + r)*G + g)*T + p]: some supervisor of s who covers r
 * and program g is available in p with room for a trainee (format.md
 * §3.2).  One pass over the supervisors instead of one per cell. */
static unsigned char *supervised_table(const pl_instance *inst)
{
    size_t R = (size_t)inst->n_rotations, G = (size_t)inst->n_programs;
    size_t T = (size_t)inst->horizon.length;
    unsigned char *ok = calloc((size_t)inst->n_sites * R * G * T + 1, 1);
    if (!ok)
        return NULL;
    for (int j = 0; j < inst->n_supervisors; j++) {
        const pl_supervisor *sv = &inst->supervisors[j];
        if (sv->max_trainees <= 0)
            continue;
        for (size_t r = 0; r < R; r++)
            for (size_t g = 0; sv->rotations[r] && g < G; g++)
                for (size_t p = 0; sv->programs[g] && p < T; p++)
                    if (sv->available[p])
                        ok[(((size_t)sv->site * R + r) * G + g) * T + p] = 1;
    }
    return ok;
}

/* format.md 3.1 without the period (pli_eligible_static_any: under any
 * possible home), plus what the model needs on top: room left under
 * `max`. */
static bool eligible_pair(const pl_instance *inst, int t, int s, int r)
{
    const pl_trainee *tr = &inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    if (!pli_eligible_static_any(inst, t, s, r))
        return false;
    return rule->max == PL_UNLIMITED ||
           rule->max - tr->completed[r] - pli_model_prev_periods(tr, r) > 0;
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

/* The (s, r) pairs trainee t may ever use, in (s, r) order, into pairs. */
static int eligible_pairs(const pl_instance *inst, int t, int *pairs)
{
    int n = 0;
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < inst->n_rotations; r++)
            if (eligible_pair(inst, t, s, r))
                pairs[n++] = s * inst->n_rotations + r;
    return n;
}

static pl_status add_cell(pl_model *m, size_t *cap, int t, int s, int r, int p)
{
    pl_status status = PL_OK;
    char name[96];
    if (m->n_cells == *cap) {
        size_t grown = *cap ? *cap * 2 : 256;
        pl_cell *c = realloc(m->cells, grown * sizeof *c);
        if (!c)
            return PL_ERR_NOMEM;
        m->cells = c;
        *cap = grown;
    }
    pl_cell *c = &m->cells[m->n_cells];
    snprintf(name, sizeof name, "x_%d_%d_%d_%d", t, s, r, p);
    PL_TRY(pli_model_add_col(m, PL_COL_BINARY, 0.0, 1.0, name, &c->col));
    c->t = t;
    c->s = s;
    c->r = r;
    c->p = p;
    m->n_cells++;
cleanup:
    return status;
}

/* A cell for every (trainee, site, rotation, period) of format.md §3.1
 * with a supervisor for it (§3.2), sorted by (t, p, s, r). */
pl_status pli_model_cells_build(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length, R = inst->n_rotations, G = inst->n_programs;
    size_t n_tp = (size_t)inst->n_trainees * (size_t)T;
    size_t cap = 0;
    unsigned char *sup = supervised_table(inst);
    int *pairs = malloc(((size_t)inst->n_sites * (size_t)R + 1) * sizeof *pairs);

    m->cell_start = calloc(n_tp + 1, sizeof *m->cell_start);
    if (!m->cell_start || !sup || !pairs) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        bool built = pli_model_trainee_built(opt, t) && !opt->allocation_only;
        int n_pairs = built ? eligible_pairs(inst, t, pairs) : 0;
        for (int p = 0; p < T; p++) {
            m->cell_start[(size_t)t * T + p] = m->n_cells;
            for (int i = 0; tr->active[p] && i < n_pairs; i++) {
                int s = pairs[i] / R, r = pairs[i] % R;
                if (pl_cap_max(inst, s, r, p) > 0 &&
                    sup[(((size_t)s * R + r) * G + tr->program) * T + p])
                    PL_TRY(add_cell(m, &cap, t, s, r, p));
            }
        }
        PL_TRY(pli_model_check_stop(opt));
    }
    m->cell_start[n_tp] = m->n_cells;
    PL_TRY(group_by_site_rotation_period(m));

cleanup:
    free(sup);
    free(pairs);
    return status;
}

/* At most one placement per trainee and period; none at all for a trainee
 * with home_choices that is left unallocated. */
pl_status pli_model_one_place(pl_model *m, const pl_build_options *opt)
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
            pli_terms_clear(&row);
            for (size_t i = 0; i < n; i++)
                PL_TRY(pli_terms_add(&row, c[i].col, 1.0));
            snprintf(name, sizeof name, "one_%d_%d", t, p);
            PL_TRY(pli_model_add_trainee_row(m, t, -HUGE_VAL, 1.0, &row, name));
        }
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
