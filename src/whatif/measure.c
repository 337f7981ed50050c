/*
 * measure.c — pl_whatif_measure: the figures of one schedule for the
 * what-if table (shortfalls, fill rate, preferences) and, against the base
 * schedule, what changed: trainees and trainee-periods placed differently
 * (and who moves, from what to what, when), and sites whose utilisation
 * against the base's capacity moved by at least a threshold.  Trainees and
 * sites are matched by id, so the scenario may add or remove them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "instance/instance.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

/* A schedule as a dense grid of (site, rotation) per trainee-period of its
 * own instance, resolved by id (-1 = not placed). */
typedef struct grid {
    int n_trainees, length;
    int *site, *rotation;
} grid;

static void grid_free(grid *g)
{
    free(g->site);
    free(g->rotation);
}

static pl_status grid_build(const pl_instance *inst, const pl_schedule *s, grid *g)
{
    size_t n = (size_t)inst->n_trainees * (size_t)inst->horizon.length;
    g->n_trainees = inst->n_trainees;
    g->length = inst->horizon.length;
    g->site = malloc((n + 1) * sizeof *g->site);
    g->rotation = malloc((n + 1) * sizeof *g->rotation);
    if (!g->site || !g->rotation)
        return PL_ERR_NOMEM;
    for (size_t k = 0; k < n; k++)
        g->site[k] = g->rotation[k] = -1;
    for (size_t i = 0; i < s->n_rows; i++) {
        const pl_row *row = &s->rows[i];
        int t = pli_instance_trainee_index(inst, row->trainee);
        int si = pli_instance_site_index(inst, row->site);
        int r = pli_instance_rotation_index(inst, row->rotation);
        if (t < 0 || si < 0 || r < 0)
            continue;
        for (int p = row->from < 0 ? 0 : row->from; p <= row->to && p < g->length; p++) {
            g->site[(size_t)t * g->length + p] = si;
            g->rotation[(size_t)t * g->length + p] = r;
        }
    }
    return PL_OK;
}

/* The capacity of each site of `inst` summed over rotations and periods. */
static pl_status capacities(const pl_instance *inst, double **out)
{
    int S = inst->n_sites, T = inst->horizon.length;
    double *cap = calloc((size_t)S + 1, sizeof *cap);
    if (!cap)
        return PL_ERR_NOMEM;
    for (int s = 0; s < S; s++)
        for (int r = 0; r < inst->n_rotations; r++)
            for (int p = 0; p < T; p++)
                cap[s] += pl_cap_max(inst, s, r, p);
    *out = cap;
    return PL_OK;
}

/* Placed trainee-periods per site of `inst` divided by the site's capacity
 * over the horizon in `measure_inst` (the base: a clinic whose capacity a
 * scenario cuts shows fewer trainees, not a fuller clinic), matched by id;
 * a site the base lacks is measured against its own.  0 without capacity.
 * *out is [inst->n_sites]. */
static pl_status utilisation(const pl_instance *inst, const grid *g,
                             const pl_instance *measure_inst, double **out)
{
    pl_status status = PL_OK;
    int S = inst->n_sites;
    double *own = NULL, *other = NULL;
    double *u = calloc((size_t)S + 1, sizeof *u);
    if (!u)
        return PL_ERR_NOMEM;
    PL_TRY(capacities(inst, &own));
    PL_TRY(capacities(measure_inst, &other));
    for (size_t k = 0; k < (size_t)g->n_trainees * (size_t)g->length; k++)
        if (g->site[k] >= 0)
            u[g->site[k]] += 1.0;
    for (int s = 0; s < S; s++) {
        int m = pli_instance_site_index(measure_inst, inst->sites[s].id);
        double cap = m >= 0 ? other[m] : own[s];
        u[s] = cap > 0.0 ? u[s] / cap : 0.0;
    }
    *out = u;
    u = NULL;
cleanup:
    free(u);
    free(own);
    free(other);
    return status;
}

/* Shortfalls, fill rate and preferences of `s` alone. */
static void figures(const pl_instance *inst, const pl_schedule *s, const grid *g,
                    pl_whatif_column *c)
{
    for (size_t i = 0; i < s->n_unmet; i++)
        c->unmet += s->unmet[i].missing;
    for (size_t i = 0; i < s->n_unassigned; i++)
        c->unassigned += s->unassigned[i].to - s->unassigned[i].from + 1;
    for (size_t i = 0; i < s->n_understaffed; i++)
        c->understaffed += (long)s->understaffed[i].missing *
                           (s->understaffed[i].to - s->understaffed[i].from + 1);

    for (int t = 0; t < g->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        for (int p = 0; p < g->length; p++) {
            size_t k = (size_t)t * g->length + p;
            if (g->site[k] >= 0)
                c->preference += tr->pref_site[g->site[k]] +
                                 tr->pref_rotation[g->rotation[k]];
        }
    }

    /* Posts: Σ over (site, program) with a limit; filled = homes there,
     * capped by the limit. */
    int P = inst->n_programs;
    for (int si = 0; si < inst->n_sites; si++)
        for (int q = 0; q < P; q++)
            if (inst->sites[si].posts[q] >= 0)
                c->posts_offered += inst->sites[si].posts[q];
    if (c->posts_offered == 0)
        return;
    long *homes = calloc((size_t)inst->n_sites * (size_t)P + 1, sizeof *homes);
    if (!homes)
        return;
    for (size_t i = 0; i < s->n_homes; i++) {
        int t = pli_instance_trainee_index(inst, s->homes[i].key);
        int si = pli_instance_site_index(inst, s->homes[i].value);
        if (t >= 0 && si >= 0)
            homes[(size_t)si * P + inst->trainees[t].program]++;
    }
    for (int si = 0; si < inst->n_sites; si++)
        for (int q = 0; q < P; q++) {
            long cap = inst->sites[si].posts[q];
            long h = homes[(size_t)si * P + q];
            if (cap >= 0)
                c->posts_filled += h < cap ? h : cap;
        }
    free(homes);
}

/* A placement by ids (pointers into an instance); site NULL = none. */
typedef struct place {
    const char *site, *rotation;
} place;

static place where(const pl_instance *inst, const grid *g, int t, int p)
{
    place w = {NULL, NULL};
    if (t < 0 || p >= g->length)
        return w;
    size_t k = (size_t)t * (size_t)g->length + (size_t)p;
    if (g->site[k] >= 0) {
        w.site = inst->sites[g->site[k]].id;
        w.rotation = inst->rotations[g->rotation[k]].id;
    }
    return w;
}

static bool same_place(place a, place b)
{
    if (!a.site || !b.site)
        return !a.site && !b.site;
    return !strcmp(a.site, b.site) && !strcmp(a.rotation, b.rotation);
}

/* "2027-04" or "2027-04 to 2027-06" (months), else first and last days. */
static char *when(const pl_horizon *h, int from, int to)
{
    char a[11], b[11];
    int y, m, d;
    pli_period_first_day(h, from, &y, &m, &d);
    pli_format_date(y, m, d, a);
    pli_period_last_day(h, to, &y, &m, &d);
    pli_format_date(y, m, d, b);
    if (h->unit == PL_UNIT_MONTH && h->step == 1) {
        a[7] = b[7] = '\0';
        if (from == to)
            return pli_strdup(a);
    }
    return pli_asprintf("%s to %s", a, b);
}

/* Copies of a place's ids and its text for people; false when memory ran
 * out (what was made is freed by the column). */
static bool keep_place(place w, char **site, char **rotation, char **text)
{
    if (!w.site)
        return true;
    *site = pli_strdup(w.site);
    *rotation = pli_strdup(w.rotation);
    *text = pli_asprintf("%s (%s)", w.site, w.rotation);
    return *site && *rotation && *text;
}

static pl_status add_move(pl_whatif_column *c, const pl_horizon *h, const pl_trainee *tr,
                          int from, int to, place before, place after)
{
    pl_whatif_move *grown = realloc(c->moves, (c->n_moves + 1) * sizeof *grown);
    if (!grown)
        return PL_ERR_NOMEM;
    c->moves = grown;
    pl_whatif_move *mv = &c->moves[c->n_moves++];
    memset(mv, 0, sizeof *mv);
    mv->from = from;
    mv->to = to;
    mv->trainee = pli_strdup(tr->id);
    if (tr->name && !(mv->trainee_name = pli_strdup(tr->name)))
        return PL_ERR_NOMEM;
    mv->when = when(h, from, to);
    bool ok = keep_place(before, &mv->before_site, &mv->before_rotation, &mv->before) &&
              keep_place(after, &mv->after_site, &mv->after_rotation, &mv->after);
    return ok && mv->trainee && mv->when ? PL_OK : PL_ERR_NOMEM;
}

/* Trainees and trainee-periods placed differently in `g` (scenario) and
 * `b` (base), by id; a period outside one horizon counts as not placed.
 * Each run of changed periods with one before and one after is a move. */
static pl_status changes(const pl_instance *inst, const grid *g,
                         const pl_instance *base_inst, const grid *b,
                         pl_whatif_column *c)
{
    pl_status status = PL_OK;
    int len = g->length > b->length ? g->length : b->length;
    for (int t = 0; t < g->n_trainees; t++) {
        int tb = pli_instance_trainee_index(base_inst, inst->trainees[t].id);
        long changed = 0;
        int run_from = -1;
        place run0 = {NULL, NULL}, run1 = {NULL, NULL};
        for (int p = 0; p <= len; p++) {
            place now = p < len ? where(inst, g, t, p) : run1;
            place was = p < len ? where(base_inst, b, tb, p) : run0;
            bool differs = p < len && !same_place(was, now);
            changed += differs;
            if (run_from >= 0 &&
                (!differs || !same_place(run0, was) || !same_place(run1, now))) {
                PL_TRY(add_move(c, &inst->horizon, &inst->trainees[t], run_from, p - 1,
                                run0, run1));
                run_from = -1;
            }
            if (differs && run_from < 0) {
                run_from = p;
                run0 = was;
                run1 = now;
            }
        }
        c->periods_changed += changed;
        c->trainees_changed += changed > 0;
    }
    /* Trainees the scenario removed: every placed period changed. */
    for (int tb = 0; tb < b->n_trainees; tb++) {
        if (pli_instance_trainee_index(inst, base_inst->trainees[tb].id) >= 0)
            continue;
        long changed = 0;
        int first = -1, last = -1;
        for (int p = 0; p < b->length; p++)
            if (b->site[(size_t)tb * b->length + p] >= 0) {
                changed++;
                last = p;
                first = first < 0 ? p : first;
            }
        c->periods_changed += changed;
        c->trainees_changed += changed > 0;
        if (changed > 0) {
            place none = {NULL, NULL}, some = where(base_inst, b, tb, first);
            PL_TRY(add_move(c, &base_inst->horizon, &base_inst->trainees[tb], first, last,
                            some, none));
        }
    }
cleanup:
    return status;
}

static pl_status add_site(pl_whatif_column *c, const char *id, double base,
                          double scenario)
{
    pl_whatif_site *grown = realloc(c->sites, (c->n_sites + 1) * sizeof *grown);
    if (!grown)
        return PL_ERR_NOMEM;
    c->sites = grown;
    pl_whatif_site *w = &c->sites[c->n_sites];
    if (!(w->site = pli_strdup(id)))
        return PL_ERR_NOMEM;
    w->base = base;
    w->scenario = scenario;
    c->n_sites++;
    return PL_OK;
}

/* Sites (scenario's, then those the scenario removed) whose utilisation
 * moved by at least `threshold`. */
static pl_status site_changes(const pl_instance *inst, const double *u,
                              const pl_instance *base_inst, const double *ub,
                              double threshold, pl_whatif_column *c)
{
    pl_status status = PL_OK;
    const double eps = 1e-9;
    for (int s = 0; s < inst->n_sites; s++) {
        int sb = pli_instance_site_index(base_inst, inst->sites[s].id);
        double before = sb >= 0 ? ub[sb] : 0.0;
        if (fabs(u[s] - before) + eps >= threshold && fabs(u[s] - before) > eps)
            PL_TRY(add_site(c, inst->sites[s].id, before, u[s]));
    }
    for (int sb = 0; sb < base_inst->n_sites; sb++)
        if (pli_instance_site_index(inst, base_inst->sites[sb].id) < 0 &&
            ub[sb] + eps >= threshold && ub[sb] > eps)
            PL_TRY(add_site(c, base_inst->sites[sb].id, ub[sb], 0.0));
cleanup:
    return status;
}

pl_status pl_whatif_measure(const pl_instance *instance,
                            const pl_schedule *schedule,
                            const pl_instance *base_instance,
                            const pl_schedule *base, double threshold,
                            const char *label, const char *file,
                            pl_whatif_column *c)
{
    pl_status status = PL_OK;
    grid g = {0}, b = {0};
    double *u = NULL, *ub = NULL;

    if (!instance || !schedule || !c || (base && !base_instance))
        return PL_ERR_USAGE;
    pl_whatif_column_clear(c);
    c->valid = true;
    if (!(c->label = pli_strdup(label ? label : "")) ||
        !(c->file = pli_strdup(file ? file : "")) ||
        !(c->name = pli_strdup(instance->name ? instance->name : "")) ||
        !(c->status = pli_strdup(pl_schedule_status(schedule)))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    c->has_schedule = schedule->status == PL_RESULT_OPTIMAL ||
                      schedule->status == PL_RESULT_FEASIBLE;
    c->seconds = schedule->seconds;
    if (c->has_schedule) {
        c->cost = schedule->cost;
        c->bound = schedule->bound;
        c->costs = schedule->costs;
    }
    PL_TRY(grid_build(instance, schedule, &g));
    figures(instance, schedule, &g, c);
    if (!base || !c->has_schedule)
        goto cleanup;
    PL_TRY(grid_build(base_instance, base, &b));
    c->compared = true;
    PL_TRY(changes(instance, &g, base_instance, &b, c));
    PL_TRY(utilisation(instance, &g, base_instance, &u));
    PL_TRY(utilisation(base_instance, &b, base_instance, &ub));
    PL_TRY(site_changes(instance, u, base_instance, ub, threshold, c));
cleanup:
    grid_free(&g);
    grid_free(&b);
    free(u);
    free(ub);
    return status;
}
