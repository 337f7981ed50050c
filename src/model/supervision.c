/*
 * supervision.c — every placed trainee needs a supervisor (format.md §3.2).
 *
 * Per site and period the trainees fall into classes (rotation, program);
 * supervisor j can take up to max_trainees of the classes it covers.  A
 * placement is supervisable iff a transportation problem from supervisors to
 * classes has a flow meeting every class's count; flows may be continuous
 * because integral counts then admit an integral assignment.
 *
 * Most (site, period) pairs never bind: if even the largest possible count
 * of every class can be supervised (a small max-flow solved here), nothing
 * is added.  If every supervisor covers every class, one aggregate row is
 * enough.  Otherwise the flow variables and rows are added.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

typedef struct sp_class {
    int r, prog;
    int demand;     /* number of cells of this class: the largest count */
    pl_terms cells; /* their columns */
} sp_class;

/* Max-flow on the small bipartite graph supervisors → classes by augmenting
 * paths; returns true when every class's demand can be met. */
static bool all_supervisable(const pl_instance *inst, const int *sup, int n_sup,
                             const sp_class *cls, int n_cls)
{
    int total = 0;
    int *left = malloc((size_t)n_sup * sizeof *left);
    int *need = malloc((size_t)n_cls * sizeof *need);
    int *flow = calloc((size_t)n_sup * (size_t)n_cls, sizeof *flow);
    int *prev_cls = malloc((size_t)n_cls * sizeof *prev_cls);
    int *prev_sup = malloc((size_t)n_sup * sizeof *prev_sup);
    int *queue = malloc(((size_t)n_sup + (size_t)n_cls) * sizeof *queue);
    bool ok = false;
    if (!left || !need || !flow || !prev_cls || !prev_sup || !queue)
        goto cleanup;
    for (int j = 0; j < n_sup; j++)
        left[j] = inst->supervisors[sup[j]].max_trainees;
    for (int k = 0; k < n_cls; k++) {
        need[k] = cls[k].demand;
        total += cls[k].demand;
    }
    /* Augment one unit at a time from a class with unmet need, through
     * alternating paths class → supervisor (covers) → class (has flow). */
    for (int k0 = 0; k0 < n_cls; k0++) {
        while (need[k0] > 0) {
            for (int k = 0; k < n_cls; k++)
                prev_cls[k] = -2;
            for (int j = 0; j < n_sup; j++)
                prev_sup[j] = -2;
            int head = 0, tail = 0, found = -1;
            prev_cls[k0] = -1;
            queue[tail++] = k0; /* classes are 0..n_cls-1 */
            while (head < tail && found < 0) {
                int k = queue[head++];
                const pl_supervisor *sv;
                for (int j = 0; j < n_sup && found < 0; j++) {
                    sv = &inst->supervisors[sup[j]];
                    if (prev_sup[j] != -2 || !sv->rotations[cls[k].r] ||
                        !sv->programs[cls[k].prog])
                        continue;
                    prev_sup[j] = k;
                    if (left[j] > 0) {
                        found = j;
                        break;
                    }
                    for (int k2 = 0; k2 < n_cls; k2++) {
                        if (prev_cls[k2] == -2 && flow[j * n_cls + k2] > 0) {
                            prev_cls[k2] = j;
                            queue[tail++] = k2;
                        }
                    }
                }
            }
            if (found < 0)
                goto cleanup;
            /* apply the path backwards */
            int j = found;
            left[j]--;
            for (;;) {
                int k = prev_sup[j];
                flow[j * n_cls + k]++;
                int jp = prev_cls[k];
                if (jp == -1)
                    break;
                flow[jp * n_cls + k]--;
                j = jp;
            }
            need[k0]--;
        }
    }
    ok = true;
    (void)total;
cleanup:
    free(left);
    free(need);
    free(flow);
    free(prev_cls);
    free(prev_sup);
    free(queue);
    return ok;
}

static pl_status add_class_cell(sp_class **cls, int *n_cls, int *cap_cls, int r,
                                int prog, int col)
{
    for (int k = 0; k < *n_cls; k++) {
        if ((*cls)[k].r == r && (*cls)[k].prog == prog) {
            (*cls)[k].demand++;
            return pli_terms_add(&(*cls)[k].cells, col, -1.0);
        }
    }
    if (*n_cls == *cap_cls) {
        int cap = *cap_cls ? *cap_cls * 2 : 8;
        sp_class *c = realloc(*cls, (size_t)cap * sizeof *c);
        if (!c)
            return PL_ERR_NOMEM;
        *cls = c;
        *cap_cls = cap;
    }
    sp_class *c = &(*cls)[(*n_cls)++];
    memset(c, 0, sizeof *c);
    c->r = r;
    c->prog = prog;
    c->demand = 1;
    return pli_terms_add(&c->cells, col, -1.0);
}

static pl_status site_period(pl_model *m, int s, int p, sp_class **cls,
                             int *cap_cls, int *sup, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int n_cls = 0, n_sup = 0, total = 0, slots = 0;
    char name[96];

    for (int r = 0; r < inst->n_rotations; r++) {
        size_t n;
        const size_t *idx = pl_model_srp(m, s, r, p, &n);
        for (size_t i = 0; i < n; i++) {
            const pl_cell *c = &m->cells[idx[i]];
            PL_TRY(add_class_cell(cls, &n_cls, cap_cls, r,
                                  inst->trainees[c->t].program, c->col));
            total++;
        }
    }
    if (n_cls == 0)
        goto cleanup;
    for (int j = 0; j < inst->n_supervisors; j++) {
        const pl_supervisor *sv = &inst->supervisors[j];
        if (sv->site == s && sv->available[p] && sv->max_trainees > 0) {
            sup[n_sup++] = j;
            slots += sv->max_trainees;
        }
    }
    if (total <= slots && all_supervisable(inst, sup, n_sup, *cls, n_cls))
        goto cleanup;

    bool complete = true; /* every supervisor covers every class */
    for (int j = 0; j < n_sup && complete; j++)
        for (int k = 0; k < n_cls && complete; k++)
            complete = inst->supervisors[sup[j]].rotations[(*cls)[k].r] &&
                       inst->supervisors[sup[j]].programs[(*cls)[k].prog];
    if (complete) {
        pli_terms_clear(row);
        for (int k = 0; k < n_cls; k++)
            for (int i = 0; i < (*cls)[k].cells.n; i++)
                PL_TRY(pli_terms_add(row, (*cls)[k].cells.cols[i], 1.0));
        snprintf(name, sizeof name, "sup_%d_%d", s, p);
        PL_TRY(pli_model_add_row(m, -HUGE_VAL, slots, row->n, row->cols,
                                row->vals, name, NULL));
        goto cleanup;
    }

    /* transportation problem: f[j,k] >= 0 */
    int *fcol = malloc((size_t)n_sup * (size_t)n_cls * sizeof *fcol);
    if (!fcol) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int j = 0; j < n_sup; j++) {
        const pl_supervisor *sv = &inst->supervisors[sup[j]];
        for (int k = 0; k < n_cls; k++) {
            fcol[j * n_cls + k] = -1;
            if (!sv->rotations[(*cls)[k].r] || !sv->programs[(*cls)[k].prog])
                continue;
            snprintf(name, sizeof name, "f_%d_%d_%d_%d", sup[j], s, k, p);
            status = pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0,
                                      sv->max_trainees, name, &fcol[j * n_cls + k]);
            if (status != PL_OK)
                break;
        }
        if (status != PL_OK)
            break;
    }
    for (int k = 0; k < n_cls && status == PL_OK; k++) { /* Σ_j f = count */
        sp_class *c = &(*cls)[k];
        for (int j = 0; j < n_sup && status == PL_OK; j++)
            if (fcol[j * n_cls + k] >= 0)
                status = pli_terms_add(&c->cells, fcol[j * n_cls + k], 1.0);
        snprintf(name, sizeof name, "cls_%d_%d_%d", s, k, p);
        if (status == PL_OK)
            status = pli_model_add_row(m, 0.0, 0.0, c->cells.n, c->cells.cols,
                                      c->cells.vals, name, NULL);
    }
    for (int j = 0; j < n_sup && status == PL_OK; j++) { /* Σ_k f <= max */
        pli_terms_clear(row);
        for (int k = 0; k < n_cls && status == PL_OK; k++)
            if (fcol[j * n_cls + k] >= 0)
                status = pli_terms_add(row, fcol[j * n_cls + k], 1.0);
        snprintf(name, sizeof name, "load_%d_%d", sup[j], p);
        if (status == PL_OK)
            status = pli_model_add_row(m, -HUGE_VAL,
                                      inst->supervisors[sup[j]].max_trainees,
                                      row->n, row->cols, row->vals, name, NULL);
    }
    free(fcol);
cleanup:
    for (int k = 0; k < n_cls; k++)
        pli_terms_free(&(*cls)[k].cells);
    return status;
}

pl_status pli_model_supervision(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    sp_class *cls = NULL;
    int cap_cls = 0;
    pl_terms row = {0};
    int *sup = malloc(((size_t)inst->n_supervisors + 1) * sizeof *sup);
    if (!sup) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (opt->relax & PL_FAMILY_SUPERVISION)
        goto cleanup;
    for (int s = 0; s < inst->n_sites; s++)
        for (int p = 0; p < inst->horizon.length; p++)
            PL_TRY(site_period(m, s, p, &cls, &cap_cls, sup, &row));
cleanup:
    free(cls);
    free(sup);
    pli_terms_free(&row);
    return status;
}
