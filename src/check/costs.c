/*
 * costs.c — format.md 3.8, 3.9.8, 3.9.9, 3.9.16: the objective recomputed
 * from the placements alone, term by term and per trainee, and compared with
 * what the schedule states (tolerance 1e-6 relative + 1e-6 absolute).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "check/check_internal.h"
#include "util/strutil.h"

/* Is r in one of t's choices without any period placed, completed or
 * previous?  Then it is not chosen and has no min (3.6). */
static bool unchosen(const pl_check_ctx *c, int t, int r)
{
    const pl_trainee *tr = &c->inst->trainees[t];
    for (int i = 0; i < tr->n_choices; i++)
        for (int j = 0; j < tr->choices[i].n_rotations; j++)
            if (tr->choices[i].rotations[j] == r)
                return pli_check_done(c, t, r) == 0;
    return false;
}

/* The per-trainee terms of t, added into `sum`; returns cost(t). */
static double trainee_cost(const pl_check_ctx *c, const pl_check_grid *ref, int t,
                           pl_costs *sum)
{
    const pl_instance *inst = c->inst;
    const pl_trainee *tr = &inst->trainees[t];
    const pl_weights *w = &tr->weights;
    int L = inst->horizon.length;
    pl_costs k = {0};

    if (c->unallocated[t]) {
        k.unallocated = w->unallocated;
    } else {
        long unmet = 0, unassigned = 0, idle = 0, changes = 0, moves = 0;
        double pref = 0;
        int last = -1, prev_site = -1;
        for (int r = 0; r < inst->n_rotations; r++) {
            const pl_rule *rule = &tr->rules[r];
            if (!rule->present || rule->min <= 0 || unchosen(c, t, r))
                continue;
            int done = pli_check_done(c, t, r);
            if (done < rule->min)
                unmet += rule->min - done;
        }
        for (int p = 0; p < L; p++) {
            int cell = pl_cell(c, t, p), s = c->grid.site[cell], r = c->grid.rotation[cell];
            if (s < 0) {
                unassigned += tr->active[p];
            } else {
                last = p;
                pref += tr->pref_site[s] + tr->pref_rotation[r];
                if (prev_site >= 0 && prev_site != s)
                    moves++;
                prev_site = s;
            }
            if (ref && tr->active[p] && p >= c->keep_until) {
                int rc = t * ref->length + p;
                if (ref->site[rc] != s || (s >= 0 && ref->rotation[rc] != r))
                    changes++;
            }
        }
        for (int p = tr->start < 0 ? 0 : tr->start; p <= last; p++)
            idle += c->grid.site[pl_cell(c, t, p)] < 0;
        k.unmet = w->unmet * (double)unmet;
        k.unassigned = w->unassigned * (double)unassigned;
        k.idle = w->idle * (double)idle;
        k.site_change = w->site_change * (double)moves;
        k.preference = -w->preference * pref;
        k.change = w->change * (double)changes;
        if (tr->has_home_choices)
            for (int i = 0; i < tr->n_home_choices; i++)
                if (tr->home_choices[i] == c->home[t]) {
                    k.rank = w->rank * (double)i;
                    break;
                }
        if (tr->mentor && c->mentor_row[t] < 0)
            k.no_mentor = w->no_mentor;
    }
    sum->unmet += k.unmet;
    sum->unassigned += k.unassigned;
    sum->idle += k.idle;
    sum->site_change += k.site_change;
    sum->preference += k.preference;
    sum->change += k.change;
    sum->rank += k.rank;
    sum->unallocated += k.unallocated;
    sum->no_mentor += k.no_mentor;
    return k.unmet + k.unassigned + k.idle + k.site_change + k.preference + k.change +
           k.rank + k.unallocated + k.no_mentor;
}

static bool same(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(fabs(a), fabs(b)) + 1e-6;
}

static pl_status compare(pl_check_ctx *c, const char *path, const char *what,
                         double stated, double recomputed)
{
    if (same(stated, recomputed))
        return PL_OK;
    return pl_diags_add(&c->report->mismatches, PL_SEV_ERROR, c->file, 0, 0, path,
                        "the schedule states %s %.10g but it is %.10g", what,
                        stated, recomputed);
}

static pl_status compare_stated(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_schedule *sc = c->sched;
    const pl_costs *a = &sc->costs, *b = &c->report->costs;
    pl_buf path = {0};
    char *what = NULL;

    if (sc->has_cost)
        PL_TRY(compare(c, "/cost", "cost", sc->cost, c->report->cost));
    if (sc->has_costs) {
        PL_TRY(compare(c, "/costs/unmet", "costs.unmet", a->unmet, b->unmet));
        PL_TRY(compare(c, "/costs/unassigned", "costs.unassigned", a->unassigned, b->unassigned));
        PL_TRY(compare(c, "/costs/idle", "costs.idle", a->idle, b->idle));
        PL_TRY(compare(c, "/costs/site_change", "costs.site_change", a->site_change, b->site_change));
        PL_TRY(compare(c, "/costs/preference", "costs.preference", a->preference, b->preference));
        PL_TRY(compare(c, "/costs/change", "costs.change", a->change, b->change));
        PL_TRY(compare(c, "/costs/rank", "costs.rank", a->rank, b->rank));
        PL_TRY(compare(c, "/costs/unallocated", "costs.unallocated", a->unallocated, b->unallocated));
        PL_TRY(compare(c, "/costs/no_mentor", "costs.no_mentor", a->no_mentor, b->no_mentor));
        PL_TRY(compare(c, "/costs/understaffed", "costs.understaffed", a->understaffed, b->understaffed));
        PL_TRY(compare(c, "/costs/priority", "costs.priority", a->priority, b->priority));
        PL_TRY(compare(c, "/costs/fairness", "costs.fairness", a->fairness, b->fairness));
    }
    for (size_t i = 0; i < sc->n_trainee_costs; i++) {
        const pl_named_value *v = &sc->trainee_costs[i];
        pli_buf_free(&path);
        pli_buf_puts(&path, "/trainee_costs");
        pli_buf_pointer(&path, v->id ? v->id : "");
        if (path.failed) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        if (v->index < 0 || v->index >= c->inst->n_trainees) {
            PL_TRY(pl_diags_add(&c->report->mismatches, PL_SEV_ERROR, c->file, 0, 0,
                                path.data, "trainee_costs names \"%s\", which is not a trainee of the instance",
                                v->id ? v->id : ""));
            continue;
        }
        free(what);
        what = pli_asprintf("the cost of %s", c->inst->trainees[v->index].id);
        if (!what) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        PL_TRY(compare(c, path.data, what, v->value, c->report->trainee_costs[v->index]));
    }
cleanup:
    free(what);
    pli_buf_free(&path);
    return status;
}

pl_status pli_check_costs(pl_check_ctx *c, bool stated)
{
    const pl_schedule *reference = c->reference;
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    pl_check_report *rep = c->report;
    pl_costs *k = &rep->costs;
    pl_check_grid ref = {0};
    int L = inst->horizon.length, R = inst->n_rotations;
    int *count = NULL;
    double max_cost = 0, priority = 0;
    long short_staff = 0;

    if (reference)
        PL_TRY(pli_check_grid_reference(inst, reference, &ref));
    for (int t = 0; t < inst->n_trainees; t++) {
        double v = trainee_cost(c, reference ? &ref : NULL, t, k);
        rep->trainee_costs[t] = v;
        if (t == 0 || v > max_cost)
            max_cost = v;
    }
    k->fairness = inst->n_trainees > 0 ? inst->weights.fairness * max_cost : 0;

    size_t n = (size_t)inst->n_sites * (size_t)R * (size_t)L;
    count = calloc(n ? n : 1, sizeof *count);
    if (!count) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++)
        for (int p = 0; p < L; p++) {
            int cell = pl_cell(c, t, p), s = c->grid.site[cell];
            if (s < 0)
                continue;
            count[((size_t)s * R + (size_t)c->grid.rotation[cell]) * L + p]++;
            priority += inst->sites[s].priority;
        }
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < R; r++) {
            if (!inst->sites[s].offers[r])
                continue;
            for (int p = 0; p < L; p++) {
                int want = pl_cap_min(inst, s, r, p);
                if (want > pl_cap_max(inst, s, r, p))
                    want = pl_cap_max(inst, s, r, p); /* format.md §3.9.25 */
                int have = count[((size_t)s * R + (size_t)r) * L + p];
                if (want > have)
                    short_staff += want - have;
            }
        }
    k->understaffed = inst->weights.understaffed * (double)short_staff;
    k->priority = -inst->weights.priority * priority;
    rep->cost = k->unmet + k->unassigned + k->idle + k->site_change + k->preference +
                k->change + k->rank + k->unallocated + k->no_mentor + k->understaffed +
                k->priority + k->fairness;
    if (stated)
        PL_TRY(compare_stated(c));
cleanup:
    free(count);
    pli_check_grid_free(&ref);
    return status;
}
