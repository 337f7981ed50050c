/*
 * mentors.c — main supervisors (format.md §2.8, §3.9.13).
 *
 * A trainee whose rules say `mentor` may get one supervisor of its home
 * site who is qualified for its program (availability and rotations do not
 * matter); `mentor_id` narrows the choice to that supervisor.  Binaries
 * m[t,j]: Σ_j m[t,j] <= 1 (<= "allocated" for a trainee with home_choices,
 * and m[t,j] <= h[t, site of j]); Σ_t m[t,j] <= mentees[j].
 * Cost: no_mentor·(1 − Σ_j m[t,j]) for a trainee that is allocated.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"

static pl_status add_var(pl_model *m, int t, int j, int col)
{
    int n = m->n_mentor_vars + 1;
    int *a = realloc(m->mentor_t, (size_t)n * sizeof *a);
    if (!a)
        return PL_ERR_NOMEM;
    m->mentor_t = a;
    int *b = realloc(m->mentor_j, (size_t)n * sizeof *b);
    if (!b)
        return PL_ERR_NOMEM;
    m->mentor_j = b;
    int *c = realloc(m->mentor_col, (size_t)n * sizeof *c);
    if (!c)
        return PL_ERR_NOMEM;
    m->mentor_col = c;
    m->mentor_t[n - 1] = t;
    m->mentor_j[n - 1] = j;
    m->mentor_col[n - 1] = col;
    m->n_mentor_vars = n;
    return PL_OK;
}

pl_status pli_model_mentors(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int S = inst->n_sites;
    pl_terms row = {0};
    char name[96];

    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!tr->mentor || !pli_model_trainee_built(opt, t))
            continue;
        double w = opt->no_costs ? 0.0 : tr->weights.no_mentor;
        pli_terms_clear(&row);
        for (int j = 0; j < inst->n_supervisors; j++) {
            const pl_supervisor *sv = &inst->supervisors[j];
            if (tr->mentor_id >= 0 && j != tr->mentor_id)
                continue;
            if (!sv->programs[tr->program] || sv->mentees <= 0)
                continue;
            int h = tr->has_home_choices ? m->home_col[(size_t)t * S + sv->site] : -1;
            if (tr->has_home_choices ? h < 0 : sv->site != tr->home)
                continue;
            int col;
            snprintf(name, sizeof name, "mentor_%d_%d", t, j);
            PL_TRY(pli_model_add_col(m, PL_COL_BINARY, 0.0, 1.0, name, &col));
            PL_TRY(add_var(m, t, j, col));
            PL_TRY(pli_model_add_cost(m, col, -w, PL_TERM_NO_MENTOR, t));
            PL_TRY(pli_terms_add(&row, col, 1.0));
            if (h >= 0) {
                int cols[2] = {col, h};
                double vals[2] = {1.0, -1.0};
                snprintf(name, sizeof name, "mentorhome_%d_%d", t, j);
                PL_TRY(pli_model_add_row(m, -HUGE_VAL, 0.0, 2, cols, vals, name, NULL));
            }
        }
        PL_TRY(pli_model_add_trainee_constant(m, t, w, PL_TERM_NO_MENTOR));
        if (row.n == 0)
            continue;
        snprintf(name, sizeof name, "onementor_%d", t);
        PL_TRY(pli_model_add_trainee_row(m, t, -HUGE_VAL, 1.0, &row, name));
    }
    for (int j = 0; j < inst->n_supervisors; j++) {
        pli_terms_clear(&row);
        for (int i = 0; i < m->n_mentor_vars; i++)
            if (m->mentor_j[i] == j)
                PL_TRY(pli_terms_add(&row, m->mentor_col[i], 1.0));
        if (row.n <= inst->supervisors[j].mentees)
            continue;
        snprintf(name, sizeof name, "mentees_%d", j);
        PL_TRY(pli_model_add_row(m, -HUGE_VAL, inst->supervisors[j].mentees, row.n,
                                row.cols, row.vals, name, NULL));
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
