/*
 * supervision.c — format.md 3.2 (second half), 3.9.11: in each period the
 * trainees at a site must be matched to its supervisors, each trainee to one
 * supervisor available then and covering its rotation and program, no
 * supervisor over max_trainees.
 *
 * This is a bipartite b-matching, not a count: rows naming a supervisor must
 * name a valid one and together respect max_trainees; the unnamed trainees
 * must then be matchable (augmenting paths) to the capacity left.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check/check_internal.h"

typedef struct matcher {
    const pl_check_ctx *c;
    int site, period;
    const int *sups; /* supervisors of the site */
    int n_sups;
    int n;           /* unnamed trainees at the site in the period */
    int *trainee;    /* [n] */
    int *match;      /* [n]: supervisor or -1 */
    int *left;       /* [n_supervisors]: capacity left after named rows */
    int *load;       /* [n_supervisors]: unnamed matched so far */
    bool *seen;      /* [n_supervisors] */
} matcher;

static bool covers(const pl_check_ctx *c, int j, int t, int p)
{
    const pl_instance *inst = c->inst;
    const pl_supervisor *sv = &inst->supervisors[j];
    int k = pl_cell(c, t, p);
    return sv->site == c->grid.site[k] && sv->available[p] &&
           sv->rotations[c->grid.rotation[k]] &&
           sv->programs[inst->trainees[t].program];
}

/* Kuhn's augmenting path for unnamed trainee i. */
static bool augment(matcher *m, int i)
{
    for (int jj = 0; jj < m->n_sups; jj++) {
        int j = m->sups[jj];
        if (m->seen[j] || m->left[j] <= 0 || !covers(m->c, j, m->trainee[i], m->period))
            continue;
        m->seen[j] = true;
        if (m->load[j] < m->left[j]) {
            m->match[i] = j;
            m->load[j]++;
            return true;
        }
        for (int u = 0; u < m->n; u++)
            if (m->match[u] == j && augment(m, u)) {
                m->match[i] = j;
                return true;
            }
    }
    return false;
}

static pl_status check_period(pl_check_ctx *c, matcher *m, int s, int p,
                              const int *at, int n_at)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    char span[96], path[64];

    m->site = s;
    m->period = p;
    m->n = 0;
    for (int jj = 0; jj < m->n_sups; jj++) {
        int j = m->sups[jj];
        m->left[j] = inst->supervisors[j].max_trainees;
        m->load[j] = 0;
    }
    pli_check_span(c, p, p, span, sizeof span);
    /* named rows: valid, then charged against the supervisor */
    for (int i = 0; i < n_at; i++) {
        int t = at[i], k = pl_cell(c, t, p);
        int j = c->grid.supervisor[k];
        if (j < 0) {
            m->trainee[m->n] = t;
            m->match[m->n++] = -1;
            continue;
        }
        if (covers(c, j, t, p)) { /* then j is at s */
            m->left[j]--;
            continue;
        }
        const pl_supervisor *sv = &inst->supervisors[j];
        const char *why = sv->site != s ? "works at another site"
                          : p < sv->start ? "has not started then (start)"
                          : p > sv->end ? "has left by then (end)"
                          : !sv->available[p] ? "is not available then"
                          : !sv->rotations[c->grid.rotation[k]] ? "does not cover that rotation"
                          : "is not qualified for the trainee's program";
        snprintf(path, sizeof path, "/placements/%d", c->grid.row[k]);
        PL_TRY(pli_check_violation(c, path, "%s at %s (%s) in %s is supervised by %s, who %s",
                                  inst->trainees[t].id, inst->sites[s].id,
                                  inst->rotations[c->grid.rotation[k]].id, span,
                                  sv->id, why));
    }
    for (int jj = 0; jj < m->n_sups; jj++) {
        int j = m->sups[jj];
        if (m->left[j] < 0)
            PL_TRY(pli_check_violation(c, NULL, "%s is named for %d trainees at %s in %s but takes at most %d",
                                      inst->supervisors[j].id,
                                      inst->supervisors[j].max_trainees - m->left[j],
                                      inst->sites[s].id, span,
                                      inst->supervisors[j].max_trainees));
    }
    int matched = 0;
    for (int i = 0; i < m->n; i++) {
        for (int jj = 0; jj < m->n_sups; jj++)
            m->seen[m->sups[jj]] = false;
        matched += augment(m, i);
    }
    if (matched < m->n) {
        /* name the trainees left over by this maximum matching */
        char names[256];
        size_t len = 0;
        names[0] = '\0';
        for (int i = 0; i < m->n && len < sizeof names - 70; i++)
            if (m->match[i] < 0)
                len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
                                        len ? ", " : "", inst->trainees[m->trainee[i]].id);
        PL_TRY(pli_check_violation(c, NULL,
                                  "%s in %s: %d trainees without a named supervisor but only %d can be matched to a supervisor who is available and covers their rotation and program (left over: %s)",
                                  inst->sites[s].id, span, m->n, matched, names));
    }
cleanup:
    return status;
}

pl_status pli_check_supervision(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    int S = inst->n_sites, J = inst->n_supervisors, T = inst->n_trainees;
    size_t nt = T > 0 ? (size_t)T : 1, ns = J > 0 ? (size_t)J : 1;
    size_t nsite = S > 0 ? (size_t)S + 1 : 1;
    matcher m = {0};
    /* trainees of one period grouped by site, supervisors grouped by site */
    int *t_start = malloc((nsite + 1) * sizeof *t_start);
    int *t_list = malloc(nt * sizeof *t_list);
    int *j_start = calloc(nsite + 1, sizeof *j_start);
    int *j_list = malloc(ns * sizeof *j_list);
    int *fill = malloc(nsite * sizeof *fill);

    m.c = c;
    m.trainee = malloc(nt * sizeof *m.trainee);
    m.match = malloc(nt * sizeof *m.match);
    m.left = malloc(ns * sizeof *m.left);
    m.load = malloc(ns * sizeof *m.load);
    m.seen = malloc(ns * sizeof *m.seen);
    if (!t_start || !t_list || !j_start || !j_list || !fill || !m.trainee ||
        !m.match || !m.left || !m.load || !m.seen) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int j = 0; j < J; j++)
        j_start[inst->supervisors[j].site + 1]++;
    for (int s = 0; s < S; s++)
        j_start[s + 1] += j_start[s];
    for (int s = 0; s < S; s++)
        fill[s] = j_start[s];
    for (int j = 0; j < J; j++)
        j_list[fill[inst->supervisors[j].site]++] = j;

    for (int p = 0; p < inst->horizon.length; p++) {
        for (int s = 0; s <= S; s++)
            t_start[s] = 0;
        for (int t = 0; t < T; t++) {
            int s = c->grid.site[pl_cell(c, t, p)];
            if (s >= 0)
                t_start[s + 1]++;
        }
        for (int s = 0; s < S; s++)
            t_start[s + 1] += t_start[s];
        for (int s = 0; s < S; s++)
            fill[s] = t_start[s];
        for (int t = 0; t < T; t++) {
            int s = c->grid.site[pl_cell(c, t, p)];
            if (s >= 0)
                t_list[fill[s]++] = t;
        }
        for (int s = 0; s < S; s++) {
            if (t_start[s + 1] == t_start[s])
                continue;
            m.sups = j_list + j_start[s];
            m.n_sups = j_start[s + 1] - j_start[s];
            PL_TRY(check_period(c, &m, s, p, t_list + t_start[s],
                                t_start[s + 1] - t_start[s]));
        }
    }
cleanup:
    free(t_start);
    free(t_list);
    free(j_start);
    free(j_list);
    free(fill);
    free(m.trainee);
    free(m.match);
    free(m.left);
    free(m.load);
    free(m.seen);
    return status;
}
