/*
 * allocation.c — the annual allocation of homes (format.md §2.7, §3.9.6,
 * §3.9.12, §3.9.21), in the same integer program as the schedule.
 *
 * A trainee with home_choices gets binaries h[t,s] for each acceptable
 * choice (a site with a ranking for its program accepts only trainees on
 * it) and a = Σ_s h[t,s] ("allocated").  Costs: rank·k on the k-th choice,
 * unallocated·(1 − a).  Placements that need the home (`at_home` rules, and
 * sites outside the trainee's areas reached through the home exception)
 * are bounded by h; every constant of the trainee's rows and costs is
 * scaled by a (model.c), so an unallocated trainee has no schedule.
 *
 * Posts: Σ_t h[t,s] <= posts[s,g] − (fixed homes of g at s).
 * Stability (allocation.stable), the standard linear form for
 * hospitals/residents: for each acceptable pair (t, s), with q the posts
 * left for allocation and B the trainees s ranks above t (all of its
 * program's trainees when s has no ranking):
 *     q · Σ_{s' ranked ≤ s by t} h[t,s'] + Σ_{t' in B} h[t',s] >= q
 * i.e. t gets s or better, or s is full with trainees it prefers to t.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "instance/eligible.h"
#include "model/model.h"

/* Whether the cell needs its site to be the trainee's home. */
static bool needs_home(const pl_instance *inst, const pl_cell *c)
{
    const pl_trainee *tr = &inst->trainees[c->t];
    if (tr->rules[c->r].at_home)
        return true;
    if (!tr->has_areas)
        return false;
    int a = inst->sites[c->s].area;
    for (int i = 0; a >= 0 && i < tr->n_areas; i++)
        if (tr->areas[i] == a)
            return false;
    return true;
}

static int fixed_homes(const pl_instance *inst, int s, int g)
{
    int n = 0;
    for (int t = 0; t < inst->n_trainees; t++)
        n += inst->trainees[t].home == s && inst->trainees[t].program == g;
    return n;
}

static pl_status trainee_homes(pl_model *m, int t, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int S = inst->n_sites, T = inst->horizon.length;
    char name[96];
    int a;

    snprintf(name, sizeof name, "alloc_%d", t);
    PL_TRY(pli_model_add_col(m, PL_COL_BINARY, 0.0, 1.0, name, &a));
    m->present_col[t] = a;
    PL_TRY(pli_model_add_cost(m, -1, tr->weights.unallocated, PL_TERM_UNALLOCATED, t));
    PL_TRY(pli_model_add_cost(m, a, -tr->weights.unallocated, PL_TERM_UNALLOCATED, t));
    pli_terms_clear(row);
    for (int k = 0; k < tr->n_home_choices; k++) {
        int s = tr->home_choices[k], h;
        if (!pli_site_accepts(inst, s, t) || m->home_col[(size_t)t * S + s] >= 0)
            continue;
        snprintf(name, sizeof name, "home_%d_%d", t, s);
        PL_TRY(pli_model_add_col(m, PL_COL_BINARY, 0.0, 1.0, name, &h));
        m->home_col[(size_t)t * S + s] = h;
        PL_TRY(pli_model_add_cost(m, h, tr->weights.rank * k, PL_TERM_RANK, t));
        PL_TRY(pli_terms_add(row, h, 1.0));
    }
    PL_TRY(pli_terms_add(row, a, -1.0));
    snprintf(name, sizeof name, "allocsum_%d", t);
    PL_TRY(pli_model_add_row(m, 0.0, 0.0, row->n, row->cols, row->vals, name, NULL));

    /* placements that need the home s: Σ_r x[t,s,r,p] <= h[t,s] */
    for (int s = 0; s < S; s++) {
        for (int p = 0; p < T; p++) {
            size_t n;
            const pl_cell *c = pl_model_cells(m, t, p, &n);
            pli_terms_clear(row);
            for (size_t i = 0; i < n; i++)
                if (c[i].s == s && needs_home(inst, &c[i]))
                    PL_TRY(pli_terms_add(row, c[i].col, 1.0));
            if (row->n == 0)
                continue;
            int h = m->home_col[(size_t)t * S + s];
            if (h < 0) {
                for (int i = 0; i < row->n; i++)
                    m->col_ub[row->cols[i]] = 0.0;
                continue;
            }
            PL_TRY(pli_terms_add(row, h, -1.0));
            snprintf(name, sizeof name, "athome_%d_%d_%d", t, s, p);
            PL_TRY(pli_model_add_row(m, -HUGE_VAL, 0.0, row->n, row->cols, row->vals, name, NULL));
        }
    }
cleanup:
    return status;
}

static pl_status posts_and_stability(pl_model *m, const pl_build_options *opt,
                                     pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int S = inst->n_sites;
    char name[96];

    for (int s = 0; s < S; s++) {
        for (int g = 0; g < inst->n_programs; g++) {
            int posts = inst->sites[s].posts[g];
            if (posts < 0)
                continue;
            int fixed = fixed_homes(inst, s, g);
            if (fixed > posts) {
                PL_TRY(pli_model_add_reason(
                    m, "%s has %d post%s for %s but %d trainees have it as their fixed home",
                    inst->sites[s].id, posts, posts == 1 ? "" : "s",
                    inst->programs[g].id, fixed));
                continue;
            }
            pli_terms_clear(row);
            for (int t = 0; t < inst->n_trainees; t++)
                if (inst->trainees[t].program == g && m->home_col[(size_t)t * S + s] >= 0)
                    PL_TRY(pli_terms_add(row, m->home_col[(size_t)t * S + s], 1.0));
            if (row->n > posts - fixed) {
                snprintf(name, sizeof name, "posts_%d_%d", s, g);
                PL_TRY(pli_model_add_row(m, -HUGE_VAL, posts - fixed, row->n, row->cols,
                                        row->vals, name, NULL));
            }
        }
    }
    if (!inst->stable)
        goto cleanup;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!tr->has_home_choices || !pli_model_trainee_built(opt, t))
            continue;
        int g = tr->program;
        for (int k = 0; k < tr->n_home_choices; k++) {
            int s = tr->home_choices[k];
            if (!pli_site_accepts(inst, s, t))
                continue;
            int posts = inst->sites[s].posts[g];
            int q = posts < 0 ? -1 : posts - fixed_homes(inst, s, g);
            if (posts >= 0 && q <= 0)
                continue; /* never a free post, never holds anyone: no block */
            pli_terms_clear(row);
            double weight = q < 0 ? 1.0 : (double)q;
            for (int k2 = 0; k2 <= k; k2++) {
                int h = m->home_col[(size_t)t * S + tr->home_choices[k2]];
                if (h >= 0)
                    PL_TRY(pli_terms_add(row, h, weight));
            }
            if (q > 0) {
                int mine = pli_site_rank(inst, s, t);
                bool ranked = inst->sites[s].ranking[g] != NULL;
                for (int u = 0; u < inst->n_trainees; u++) {
                    int h = m->home_col[(size_t)u * S + s];
                    if (u == t || h < 0 || inst->trainees[u].program != g)
                        continue;
                    if (ranked) {
                        int theirs = pli_site_rank(inst, s, u);
                        if (theirs < 0 || theirs > mine)
                            continue;
                    }
                    PL_TRY(pli_terms_add(row, h, 1.0));
                }
            }
            snprintf(name, sizeof name, "stable_%d_%d", t, s);
            PL_TRY(pli_model_add_row(m, weight, HUGE_VAL, row->n, row->cols, row->vals,
                                    name, NULL));
        }
    }
cleanup:
    return status;
}

pl_status pli_model_allocation(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    size_t n = (size_t)inst->n_trainees * (size_t)inst->n_sites;
    pl_terms row = {0};

    m->present_col = malloc(((size_t)inst->n_trainees + 1) * sizeof *m->present_col);
    m->home_col = malloc((n + 1) * sizeof *m->home_col);
    if (!m->present_col || !m->home_col) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++)
        m->present_col[t] = -1;
    for (size_t i = 0; i < n; i++)
        m->home_col[i] = -1;
    for (int t = 0; t < inst->n_trainees; t++)
        if (inst->trainees[t].has_home_choices && pli_model_trainee_built(opt, t))
            PL_TRY(trainee_homes(m, t, &row));
    PL_TRY(posts_and_stability(m, opt, &row));
cleanup:
    pli_terms_free(&row);
    return status;
}
