/*
 * build.c — turn the solver's dense assignment into a schedule (format.md §4):
 * rows split wherever site, rotation or supervisor change, the homes and main
 * supervisors, and the unmet / unassigned / understaffed lists recomputed from
 * the instance.  Also builds the empty schedule of a failed solve.  Output
 * order is deterministic: trainees, sites and rotations in instance order.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/schedule.h"
#include "util/strutil.h"

/* Make room for one more element of size `elem` in *arr (holding n, room
 * for *cap). */
static pl_status grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return PL_OK;
    size_t ncap = *cap ? *cap * 2 : 16;
    if (ncap > SIZE_MAX / elem)
        return PL_ERR_NOMEM;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return PL_ERR_NOMEM;
    *arr = p;
    *cap = ncap;
    return PL_OK;
}

static pl_schedule *schedule_new(const pl_instance *inst, pl_result status,
                                 double seconds)
{
    pl_schedule *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->instance_name = pli_strdup(inst && inst->name ? inst->name : "");
    if (!s->instance_name) {
        free(s);
        return NULL;
    }
    s->status = status;
    s->cost = s->bound = s->gap = NAN;
    s->seconds = seconds;
    return s;
}

static pl_status add_row(pl_schedule *s, size_t *cap, const pl_instance *inst,
                         int t, int site, int rot, int sup, int from, int to)
{
    pl_status status = PL_OK;
    PL_TRY(grow((void **)&s->rows, cap, s->n_rows, sizeof *s->rows));
    pl_row *row = &s->rows[s->n_rows];
    memset(row, 0, sizeof *row);
    row->t = t;
    row->s = site;
    row->r = rot;
    row->sup = sup;
    row->from = from;
    row->to = to;
    row->trainee = pli_strdup(inst->trainees[t].id);
    row->site = pli_strdup(inst->sites[site].id);
    row->rotation = pli_strdup(inst->rotations[rot].id);
    if (sup >= 0)
        row->supervisor = pli_strdup(inst->supervisors[sup].id);
    s->n_rows++; /* counted even when a copy failed, so that free sees it */
    if (!row->trainee || !row->site || !row->rotation ||
        (sup >= 0 && !row->supervisor))
        status = PL_ERR_NOMEM;
cleanup:
    return status;
}

static pl_status build_rows(pl_schedule *s, const pl_instance *inst,
                            const pl_assignment *a)
{
    pl_status status = PL_OK;
    size_t cap = 0;
    int len = a->length;
    for (int t = 0; t < a->n_trainees; t++) {
        const int *site = a->site + (size_t)t * len;
        const int *rot = a->rotation + (size_t)t * len;
        const int *sup = a->supervisor + (size_t)t * len;
        int p = 0;
        while (p < len) {
            if (site[p] < 0 || rot[p] < 0) {
                p++;
                continue;
            }
            int q = p;
            while (q + 1 < len && site[q + 1] == site[p] &&
                   rot[q + 1] == rot[p] && sup[q + 1] == sup[p])
                q++;
            PL_TRY(add_row(s, &cap, inst, t, site[p], rot[p],
                           sup[p] >= 0 ? sup[p] : -1, p, q));
            p = q + 1;
        }
    }
cleanup:
    return status;
}

static pl_status add_pair(pl_pair **pairs, size_t *n, size_t *cap,
                          const char *key, int ki, const char *value, int vi)
{
    pl_status status = PL_OK;
    PL_TRY(grow((void **)pairs, cap, *n, sizeof **pairs));
    pl_pair *pr = &(*pairs)[*n];
    pr->key = pli_strdup(key);
    pr->value = pli_strdup(value);
    pr->key_index = ki;
    pr->value_index = vi;
    (*n)++;
    if (!pr->key || !pr->value)
        status = PL_ERR_NOMEM;
cleanup:
    return status;
}

static pl_status build_homes_mentors(pl_schedule *s, const pl_instance *inst,
                                     const pl_assignment *a)
{
    pl_status status = PL_OK;
    size_t hcap = 0, mcap = 0;
    for (int t = 0; t < a->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        int home = tr->home;
        if (home < 0 && a->allocated[t])
            home = a->home[t];
        if (home >= 0)
            PL_TRY(add_pair(&s->homes, &s->n_homes, &hcap, tr->id, t,
                            inst->sites[home].id, home));
        if (a->mentor[t] >= 0)
            PL_TRY(add_pair(&s->mentors, &s->n_mentors, &mcap, tr->id, t,
                            inst->supervisors[a->mentor[t]].id, a->mentor[t]));
    }
cleanup:
    return status;
}

/* Whether rotation r of trainee t sits in one of its choices. */
static bool in_choice(const pl_trainee *tr, int r)
{
    for (int c = 0; c < tr->n_choices; c++)
        for (int i = 0; i < tr->choices[c].n_rotations; i++)
            if (tr->choices[c].rotations[i] == r)
                return true;
    return false;
}

static pl_status build_unmet(pl_schedule *s, const pl_instance *inst,
                             const pl_assignment *a)
{
    pl_status status = PL_OK;
    size_t cap = 0;
    int nr = inst->n_rotations, len = a->length;
    int *placed = calloc((size_t)(nr > 0 ? nr : 1), sizeof *placed);
    if (!placed)
        return PL_ERR_NOMEM;
    for (int t = 0; t < a->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!a->allocated[t])
            continue;
        memset(placed, 0, (size_t)(nr > 0 ? nr : 1) * sizeof *placed);
        for (int p = 0; p < len; p++) {
            int r = a->rotation[(size_t)t * len + p];
            if (r >= 0 && r < nr && a->site[(size_t)t * len + p] >= 0)
                placed[r]++;
        }
        for (int r = 0; r < nr; r++) {
            const pl_rule *rule = &tr->rules[r];
            if (!rule->present || rule->min <= 0)
                continue;
            long done = (long)placed[r] + (tr->completed ? tr->completed[r] : 0);
            if (tr->previous.rotation == r)
                done += tr->previous.periods;
            if (done == 0 && in_choice(tr, r))
                continue; /* not chosen: its min does not apply (3.6) */
            if (done >= rule->min)
                continue;
            PL_TRY(grow((void **)&s->unmet, &cap, s->n_unmet, sizeof *s->unmet));
            pl_unmet_row *u = &s->unmet[s->n_unmet++];
            memset(u, 0, sizeof *u);
            u->t = t;
            u->r = r;
            u->missing = (int)(rule->min - done);
            u->trainee = pli_strdup(tr->id);
            u->rotation = pli_strdup(inst->rotations[r].id);
            if (!u->trainee || !u->rotation) {
                status = PL_ERR_NOMEM;
                goto cleanup;
            }
        }
    }
cleanup:
    free(placed);
    return status;
}

static pl_status add_span(pl_span_row **rows, size_t *n, size_t *cap,
                          const pl_instance *inst, int t, int site, int rot,
                          int from, int to, int missing)
{
    pl_status status = PL_OK;
    PL_TRY(grow((void **)rows, cap, *n, sizeof **rows));
    pl_span_row *sp = &(*rows)[(*n)++];
    memset(sp, 0, sizeof *sp);
    sp->t = t;
    sp->s = site;
    sp->r = rot;
    sp->from = from;
    sp->to = to;
    sp->missing = missing;
    if (t >= 0 && !(sp->trainee = pli_strdup(inst->trainees[t].id)))
        status = PL_ERR_NOMEM;
    if (site >= 0 && !(sp->site = pli_strdup(inst->sites[site].id)))
        status = PL_ERR_NOMEM;
    if (rot >= 0 && !(sp->rotation = pli_strdup(inst->rotations[rot].id)))
        status = PL_ERR_NOMEM;
cleanup:
    return status;
}

static pl_status build_unassigned(pl_schedule *s, const pl_instance *inst,
                                  const pl_assignment *a)
{
    pl_status status = PL_OK;
    size_t cap = 0;
    int len = a->length;
    for (int t = 0; t < a->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!a->allocated[t])
            continue;
        int p = 0;
        while (p < len) {
            bool empty = tr->active[p] && a->site[(size_t)t * len + p] < 0;
            if (!empty) {
                p++;
                continue;
            }
            int q = p;
            while (q + 1 < len && tr->active[q + 1] &&
                   a->site[(size_t)t * len + q + 1] < 0)
                q++;
            PL_TRY(add_span(&s->unassigned, &s->n_unassigned, &cap, inst, t,
                            -1, -1, p, q, 0));
            p = q + 1;
        }
    }
cleanup:
    return status;
}

/* The staffing (s, r) wants in period p: its min capped at its max
 * (format.md 3.9 point 25: a closed period wants nobody). */
static int wanted(const pl_instance *inst, int s, int r, int p)
{
    int min = pl_cap_min(inst, s, r, p), max = pl_cap_max(inst, s, r, p);
    return min < max ? min : max;
}

static pl_status build_understaffed(pl_schedule *s, const pl_instance *inst,
                                    const pl_assignment *a)
{
    pl_status status = PL_OK;
    size_t cap = 0;
    int len = a->length, nr = inst->n_rotations, ns = inst->n_sites;
    size_t cells = (size_t)ns * (size_t)nr * (size_t)len;
    int *count = calloc(cells ? cells : 1, sizeof *count);
    if (!count)
        return PL_ERR_NOMEM;
    for (int t = 0; t < a->n_trainees; t++)
        for (int p = 0; p < len; p++) {
            int si = a->site[(size_t)t * len + p];
            int ri = a->rotation[(size_t)t * len + p];
            if (si >= 0 && ri >= 0 && si < ns && ri < nr)
                count[((size_t)si * nr + ri) * len + p]++;
        }
    for (int si = 0; si < ns; si++)
        for (int ri = 0; ri < nr; ri++) {
            if (!inst->sites[si].offers[ri])
                continue;
            const int *c = count + ((size_t)si * nr + ri) * len;
            int p = 0;
            while (p < len) {
                int miss = wanted(inst, si, ri, p) - c[p];
                if (miss <= 0) {
                    p++;
                    continue;
                }
                int q = p;
                while (q + 1 < len &&
                       wanted(inst, si, ri, q + 1) - c[q + 1] == miss)
                    q++;
                PL_TRY(add_span(&s->understaffed, &s->n_understaffed, &cap,
                                inst, -1, si, ri, p, q, miss));
                p = q + 1;
            }
        }
cleanup:
    free(count);
    return status;
}

static pl_status build_trainee_costs(pl_schedule *s, const pl_instance *inst,
                                     const double *tc)
{
    size_t n = (size_t)inst->n_trainees;
    if (!tc || n == 0)
        return PL_OK;
    s->trainee_costs = calloc(n, sizeof *s->trainee_costs);
    if (!s->trainee_costs)
        return PL_ERR_NOMEM;
    for (size_t t = 0; t < n; t++) {
        s->trainee_costs[t].index = (int)t;
        s->trainee_costs[t].value = tc[t];
        s->n_trainee_costs = t + 1;
        if (!(s->trainee_costs[t].id = pli_strdup(inst->trainees[t].id)))
            return PL_ERR_NOMEM;
    }
    return PL_OK;
}

pl_status pli_schedule_from_assignment(const pl_instance *inst,
                                      const pl_assignment *a, pl_result status_,
                                      const pl_costs *costs,
                                      const double *trainee_costs, double bound,
                                      double gap, double seconds,
                                      pl_schedule **out)
{
    pl_status status = PL_OK;
    pl_schedule *s = NULL;
    *out = NULL;
    if (!inst || !a || a->n_trainees != inst->n_trainees ||
        a->length != inst->horizon.length)
        return PL_ERR_USAGE;
    if (!(s = schedule_new(inst, status_, seconds)))
        return PL_ERR_NOMEM;
    s->has_cost = true;
    if (costs) {
        s->has_costs = true;
        s->costs = *costs;
        s->cost = pl_costs_total(costs);
    }
    s->bound = bound;
    s->gap = gap;
    PL_TRY(build_rows(s, inst, a));
    PL_TRY(build_homes_mentors(s, inst, a));
    PL_TRY(build_unmet(s, inst, a));
    PL_TRY(build_unassigned(s, inst, a));
    PL_TRY(build_understaffed(s, inst, a));
    PL_TRY(build_trainee_costs(s, inst, trainee_costs));
    *out = s;
    s = NULL;
cleanup:
    pl_schedule_free(s);
    return status;
}

pl_status pli_schedule_failed(const pl_instance *inst, pl_result status_,
                             const char *const *reasons, size_t n_reasons,
                             double seconds, pl_schedule **out)
{
    pl_status status = PL_OK;
    pl_schedule *s = schedule_new(inst, status_, seconds);
    *out = NULL;
    if (!s)
        return PL_ERR_NOMEM;
    if (n_reasons) {
        s->reasons = calloc(n_reasons, sizeof *s->reasons);
        if (!s->reasons) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        for (size_t i = 0; i < n_reasons; i++) {
            s->n_reasons = i + 1;
            if (!(s->reasons[i] = pli_strdup(reasons[i] ? reasons[i] : ""))) {
                status = PL_ERR_NOMEM;
                goto cleanup;
            }
        }
    }
    *out = s;
    s = NULL;
cleanup:
    pl_schedule_free(s);
    return status;
}
