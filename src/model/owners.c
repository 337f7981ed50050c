/*
 * owners.c — which trainee each column and row of a model belongs to.
 *
 * The decomposition by trainee and the neighbourhood search read the
 * model's structure instead of knowing the rule families: a placement cell
 * belongs to its trainee, and so do the allocation, home, choice and
 * mentor columns the builder records.  Every other column belongs to the
 * one trainee whose columns it shares rows with (run starts, shortfalls,
 * idle and site-change chains, per-period aggregates, ...), found by
 * propagation over rows until nothing changes; a column that meets two
 * trainees (understaffing, supervision flows, fairness) or none is shared
 * (-1).  A row belongs to trainee t when all its columns do; every other
 * row couples trainees.
 */
#include <stdlib.h>

#include "model/model.h"

enum { UNKNOWN = -2, SHARED = -1 };

static void seed_owners(const pl_model *m, int *owner, bool *seed)
{
    int S = m->inst->n_sites, R = m->inst->n_rotations;
    for (int j = 0; j < m->n_cols; j++)
        owner[j] = UNKNOWN;
    for (size_t i = 0; i < m->n_cells; i++)
        owner[m->cells[i].col] = m->cells[i].t;
    for (int t = 0; t < m->inst->n_trainees; t++) {
        if (m->present_col && m->present_col[t] >= 0)
            owner[m->present_col[t]] = t;
        for (int k = 0; m->home_col && k < S; k++)
            if (m->home_col[(size_t)t * S + k] >= 0)
                owner[m->home_col[(size_t)t * S + k]] = t;
        for (int r = 0; m->choice_col && r < R; r++)
            if (m->choice_col[(size_t)t * R + r] >= 0)
                owner[m->choice_col[(size_t)t * R + r]] = t;
    }
    for (int i = 0; i < m->n_mentor_vars; i++)
        owner[m->mentor_col[i]] = m->mentor_t[i];
    for (int j = 0; j < m->n_cols; j++)
        seed[j] = owner[j] != UNKNOWN;
}

/* What column j's rows say of its owner, given the owners known so far. */
static int owner_from_rows(const pl_model_csr *a, const int *owner, int j)
{
    int o = UNKNOWN;
    for (int e = a->col_start[j]; e < a->col_start[j + 1]; e++) {
        int i = a->col_row[e];
        for (int f = a->row_start[i]; f < a->row_start[i + 1]; f++) {
            int k = a->row_col[f];
            if (k == j || owner[k] < 0)
                continue;
            if (o == UNKNOWN)
                o = owner[k];
            else if (o != owner[k])
                return SHARED;
        }
    }
    return o;
}

pl_status pli_model_owners(const pl_model *m, const pl_model_csr *a, int *owner)
{
    pl_status status = PL_OK;
    size_t nc = (size_t)m->n_cols;
    bool *seed = malloc(nc + 1);
    bool *queued = calloc(nc + 1, 1);
    int *queue = malloc((nc + 1) * sizeof *queue);
    size_t head = 0, tail = 0;
    if (!seed || !queued || !queue) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    seed_owners(m, owner, seed);
    for (size_t j = 0; j < nc; j++)
        if (!seed[j]) {
            queue[tail++] = (int)j;
            queued[j] = true;
        }
    /* each column changes at most twice (unknown -> t -> shared), and a
     * change queues the unseeded columns of its rows again */
    while (head != tail) {
        int j = queue[head];
        head = head + 1 == nc + 1 ? 0 : head + 1;
        queued[j] = false;
        int o = owner_from_rows(a, owner, j);
        if (o == owner[j] || (owner[j] == SHARED))
            continue;
        if (owner[j] >= 0 && o != owner[j])
            o = SHARED;
        if (o == UNKNOWN)
            continue;
        owner[j] = o;
        for (int e = a->col_start[j]; e < a->col_start[j + 1]; e++) {
            int i = a->col_row[e];
            for (int f = a->row_start[i]; f < a->row_start[i + 1]; f++) {
                int k = a->row_col[f];
                if (seed[k] || queued[k] || owner[k] == SHARED)
                    continue;
                queued[k] = true;
                queue[tail] = k;
                tail = tail + 1 == nc + 1 ? 0 : tail + 1;
            }
        }
    }
    for (size_t j = 0; j < nc; j++)
        if (owner[j] == UNKNOWN)
            owner[j] = SHARED;
cleanup:
    free(seed);
    free(queued);
    free(queue);
    return status;
}

void pli_model_row_owners(const pl_model *m, const pl_model_csr *a,
                         const int *owner, int *row_owner)
{
    for (int i = 0; i < m->n_rows; i++) {
        int o = UNKNOWN;
        for (int f = a->row_start[i]; f < a->row_start[i + 1] && o != SHARED; f++) {
            int k = owner[a->row_col[f]];
            o = k < 0 ? SHARED : o == UNKNOWN || o == k ? k : SHARED;
        }
        row_owner[i] = o == UNKNOWN ? SHARED : o;
    }
}

void pli_model_csr_free(pl_model_csr *a)
{
    free(a->row_start);
    free(a->row_col);
    free(a->row_val);
    free(a->col_start);
    free(a->col_row);
    free(a->col_val);
    a->row_start = a->row_col = a->col_start = a->col_row = NULL;
    a->row_val = a->col_val = NULL;
}

pl_status pli_model_csr_build(const pl_model *m, pl_model_csr *a)
{
    size_t nr = (size_t)m->n_rows, nc = (size_t)m->n_cols, nz = m->nnz;
    a->row_start = calloc(nr + 2, sizeof *a->row_start);
    a->row_col = malloc((nz + 1) * sizeof *a->row_col);
    a->row_val = malloc((nz + 1) * sizeof *a->row_val);
    a->col_start = calloc(nc + 2, sizeof *a->col_start);
    a->col_row = malloc((nz + 1) * sizeof *a->col_row);
    a->col_val = malloc((nz + 1) * sizeof *a->col_val);
    int *rc = malloc((nr + 1) * sizeof *rc), *cc = malloc((nc + 1) * sizeof *cc);
    if (!a->row_start || !a->row_col || !a->row_val || !a->col_start ||
        !a->col_row || !a->col_val || !rc || !cc) {
        free(rc);
        free(cc);
        pli_model_csr_free(a);
        return PL_ERR_NOMEM;
    }
    for (size_t k = 0; k < nz; k++) {
        a->row_start[m->ent_row[k] + 1]++;
        a->col_start[m->ent_col[k] + 1]++;
    }
    for (size_t i = 0; i < nr; i++)
        a->row_start[i + 1] += a->row_start[i];
    for (size_t j = 0; j < nc; j++)
        a->col_start[j + 1] += a->col_start[j];
    for (size_t i = 0; i < nr; i++)
        rc[i] = a->row_start[i];
    for (size_t j = 0; j < nc; j++)
        cc[j] = a->col_start[j];
    for (size_t k = 0; k < nz; k++) {
        int i = m->ent_row[k], j = m->ent_col[k];
        a->row_col[rc[i]] = j;
        a->row_val[rc[i]++] = m->ent_val[k];
        a->col_row[cc[j]] = i;
        a->col_val[cc[j]++] = m->ent_val[k];
    }
    free(rc);
    free(cc);
    return PL_OK;
}
