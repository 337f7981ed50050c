/*
 * supervisors.c — name a supervisor for every placed trainee-period
 * (format.md §3.2): for each site and period a maximum bipartite matching of
 * the trainees there to the site's supervisors, each supervisor taking up to
 * max_trainees.  Trainees first get the supervisor the caller wants for
 * them (a re-plan's kept past names the reference's), then keep the
 * supervisor of their previous period, each where it is still valid and
 * has room; the rest are matched by augmenting
 * paths (Kuhn's algorithm with capacities), in instance order, so the result
 * is deterministic.
 */
#include <stdlib.h>
#include <string.h>

#include "schedule/schedule.h"

typedef struct matcher {
    const pl_instance *inst;
    const pl_assignment *a;
    const int *wanted; /* [n_trainees * length] supervisor or -1, or NULL */
    int p;          /* the period */
    int *trainees;  /* [n] trainee indices at this site */
    int n;
    const int *sups;/* [m] supervisor indices of this site */
    int m;
    int *match;     /* [n] local supervisor index or -1 */
    int *load;      /* [m] */
    int *seen;      /* [m] visit stamp */
    int stamp;
} matcher;

static bool can_supervise(const pl_instance *inst, int sup, int t, int rot,
                          int site, int p)
{
    const pl_supervisor *v = &inst->supervisors[sup];
    return v->site == site && v->available[p] && rot >= 0 &&
           rot < inst->n_rotations && v->rotations[rot] &&
           v->programs[inst->trainees[t].program];
}

static bool valid(const matcher *mt, int i, int j)
{
    int t = mt->trainees[i];
    size_t cell = (size_t)t * mt->a->length + mt->p;
    return can_supervise(mt->inst, mt->sups[j], t, mt->a->rotation[cell],
                         mt->a->site[cell], mt->p);
}

/* Find an augmenting path from trainee i; true when i got a supervisor.
 * A supervisor with room is taken before anyone already matched is moved,
 * so that trainees keep the supervisors they have wherever possible. */
static bool augment(matcher *mt, int i)
{
    for (int j = 0; j < mt->m; j++) {
        if (mt->seen[j] != mt->stamp && valid(mt, i, j) &&
            mt->load[j] < mt->inst->supervisors[mt->sups[j]].max_trainees) {
            mt->match[i] = j;
            mt->load[j]++;
            return true;
        }
    }
    for (int j = 0; j < mt->m; j++) {
        if (mt->seen[j] == mt->stamp || !valid(mt, i, j))
            continue;
        mt->seen[j] = mt->stamp;
        for (int k = 0; k < mt->n; k++) {
            if (mt->match[k] != j || k == i)
                continue;
            if (augment(mt, k)) {
                /* k moved to another supervisor; i takes its slot at j,
                 * so j's load is unchanged */
                mt->match[i] = j;
                return true;
            }
        }
    }
    return false;
}

/* Give trainee i supervisor `sup` if it is one of the site's, valid for
 * i and has room. */
static void prefer(matcher *mt, int i, int sup)
{
    if (sup < 0 || mt->match[i] >= 0)
        return;
    for (int j = 0; j < mt->m; j++) {
        if (mt->sups[j] != sup)
            continue;
        if (valid(mt, i, j) && mt->load[j] < mt->inst->supervisors[sup].max_trainees) {
            mt->match[i] = j;
            mt->load[j]++;
        }
        return;
    }
}

static bool match_site(matcher *mt)
{
    const pl_assignment *a = mt->a;
    memset(mt->load, 0, (size_t)(mt->m ? mt->m : 1) * sizeof *mt->load);
    for (int i = 0; i < mt->n; i++)
        mt->match[i] = -1;
    if (mt->wanted) /* the caller's wish first */
        for (int i = 0; i < mt->n; i++)
            prefer(mt, i, mt->wanted[(size_t)mt->trainees[i] * a->length + mt->p]);
    /* Continuity: the supervisor of the previous period, if it still fits. */
    if (mt->p > 0)
        for (int i = 0; i < mt->n; i++)
            prefer(mt, i, a->supervisor[(size_t)mt->trainees[i] * a->length + mt->p - 1]);
    for (int i = 0; i < mt->n; i++) {
        if (mt->match[i] >= 0)
            continue;
        mt->stamp++;
        if (!augment(mt, i))
            return false;
    }
    return true;
}

pl_status pli_name_supervisors(const pl_instance *inst, const int *wanted,
                              pl_assignment *a)
{
    pl_status status = PL_OK;
    int ns = inst->n_sites, nv = inst->n_supervisors, nt = a->n_trainees;
    int len = a->length;
    int *sup_start = calloc((size_t)ns + 1, sizeof *sup_start);
    int *sup_list = malloc((size_t)(nv ? nv : 1) * sizeof *sup_list);
    int *head = malloc((size_t)(ns ? ns : 1) * sizeof *head);
    int *next = malloc((size_t)(nt ? nt : 1) * sizeof *next);
    int *tlist = malloc((size_t)(nt ? nt : 1) * sizeof *tlist);
    int *match = malloc((size_t)(nt ? nt : 1) * sizeof *match);
    int *load = malloc((size_t)(nv ? nv : 1) * sizeof *load);
    int *seen = calloc((size_t)(nv ? nv : 1), sizeof *seen);
    matcher mt;

    if (!sup_start || !sup_list || !head || !next || !tlist || !match ||
        !load || !seen) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (nt != inst->n_trainees || len != inst->horizon.length) {
        status = PL_ERR_USAGE;
        goto cleanup;
    }
    /* Supervisors grouped by site, in instance order (counting sort). */
    for (int v = 0; v < nv; v++)
        if (inst->supervisors[v].site >= 0 && inst->supervisors[v].site < ns)
            sup_start[inst->supervisors[v].site + 1]++;
    for (int s = 0; s < ns; s++)
        sup_start[s + 1] += sup_start[s];
    {
        int *fill = head; /* reuse as a cursor before the period loop */
        for (int s = 0; s < ns; s++)
            fill[s] = sup_start[s];
        for (int v = 0; v < nv; v++) {
            int s = inst->supervisors[v].site;
            if (s >= 0 && s < ns)
                sup_list[fill[s]++] = v;
        }
    }
    for (size_t c = 0; c < (size_t)nt * len; c++)
        a->supervisor[c] = -1;

    memset(&mt, 0, sizeof mt);
    mt.inst = inst;
    mt.a = a;
    mt.wanted = wanted;
    mt.match = match;
    mt.load = load;
    mt.seen = seen;
    for (int p = 0; p < len; p++) {
        /* Trainees of each site, kept in instance order (built backwards). */
        for (int s = 0; s < ns; s++)
            head[s] = -1;
        for (int t = nt - 1; t >= 0; t--) {
            int s = a->site[(size_t)t * len + p];
            if (s < 0 || s >= ns)
                continue;
            next[t] = head[s];
            head[s] = t;
        }
        for (int s = 0; s < ns; s++) {
            if (head[s] < 0)
                continue;
            mt.n = 0;
            for (int t = head[s]; t >= 0; t = next[t])
                tlist[mt.n++] = t;
            mt.trainees = tlist;
            mt.sups = sup_list + sup_start[s];
            mt.m = sup_start[s + 1] - sup_start[s];
            mt.p = p;
            if (!match_site(&mt)) {
                status = PL_ERR_INFEASIBLE;
                goto cleanup;
            }
            for (int i = 0; i < mt.n; i++)
                a->supervisor[(size_t)tlist[i] * len + p] = mt.sups[match[i]];
        }
    }
cleanup:
    free(sup_start);
    free(sup_list);
    free(head);
    free(next);
    free(tlist);
    free(match);
    free(load);
    free(seen);
    return status;
}
