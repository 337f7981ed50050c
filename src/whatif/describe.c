/*
 * describe.c — pl_whatif_describe: what a scenario changes, read back from
 * the two resolved instances (base and patched) rather than from the patch
 * text, so that the planner sees how placera understood it: a range
 * without `to` is one period, a date inside a period means the whole
 * period, a supervisor's `end` means gone from the next period on.
 *
 * One line per change, in instance order: the horizon, sites (added,
 * removed, capacity and minimum staffing per rotation and period range),
 * supervisors (added, removed, leaving, starting, on leave, max_trainees,
 * site), trainees (added, removed, program, active periods), programs'
 * requirements and the top-level weights.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "instance/instance.h"
#include "util/strutil.h"

typedef struct lines {
    char **items;
    size_t n;
    bool nomem;
} lines;

static void add(lines *l, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void add(lines *l, const char *format, ...)
{
    if (l->nomem)
        return;
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    char **grown = s ? realloc(l->items, (l->n + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(s);
        l->nomem = true;
        return;
    }
    va_start(ap, format);
    vsnprintf(s, (size_t)n + 1, format, ap);
    va_end(ap);
    l->items = grown;
    l->items[l->n++] = s;
}

/* "2027-06" (months of step 1) or "2027-06-01" for period p. */
static void date_of(const pl_horizon *h, int p, bool last, char buf[11])
{
    int y, m, d;
    if (last)
        pli_period_last_day(h, p, &y, &m, &d);
    else
        pli_period_first_day(h, p, &y, &m, &d);
    pli_format_date(y, m, d, buf);
    if (h->unit == PL_UNIT_MONTH && h->step == 1)
        buf[7] = '\0';
}

/* "2027-06" or "2027-06 to 2027-08" for periods a..b. */
static void span(const pl_horizon *h, int a, int b, char *buf, size_t size)
{
    char x[11], y[11];
    date_of(h, a, false, x);
    date_of(h, b, true, y);
    if (a == b && h->unit == PL_UNIT_MONTH && h->step == 1)
        snprintf(buf, size, "%s", x);
    else
        snprintf(buf, size, "%s to %s", x, y);
}

/* Runs of periods where before[p] != after[p], each with one (before,
 * after) pair; `what` names the thing ("kalix capacity for pc").  A run
 * that drops to 0 from above is "closed", one that rises from 0 "opened". */
static void int_runs(lines *l, const pl_horizon *h, const char *what, const int *before,
                     const int *after)
{
    char sp[64];
    int T = h->length, p = 0;
    while (p < T) {
        if (before[p] == after[p]) {
            p++;
            continue;
        }
        int q = p;
        while (q + 1 < T && before[q + 1] == before[p] && after[q + 1] == after[p])
            q++;
        span(h, p, q, sp, sizeof sp);
        if (after[p] == 0)
            add(l, "%s: closed %s (was %d)", what, sp, before[p]);
        else if (before[p] == 0)
            add(l, "%s: opened %s (%d)", what, sp, after[p]);
        else
            add(l, "%s: %d -> %d in %s", what, before[p], after[p], sp);
        p = q + 1;
    }
}

static void sites(lines *l, const pl_instance *b, const pl_instance *s)
{
    const pl_horizon *h = &s->horizon;
    int T = h->length;
    int *zero = calloc((size_t)T + 1, sizeof *zero);
    char what[256];
    if (!zero) {
        l->nomem = true;
        return;
    }
    for (int i = 0; i < b->n_sites; i++)
        if (pli_instance_site_index(s, b->sites[i].id) < 0)
            add(l, "site %s removed", b->sites[i].id);
    for (int i = 0; i < s->n_sites; i++) {
        const pl_site *site = &s->sites[i];
        int j = pli_instance_site_index(b, site->id);
        if (j < 0) {
            add(l, "site %s added", site->id);
            continue;
        }
        for (int r = 0; r < s->n_rotations; r++) {
            int rb = pli_instance_rotation_index(b, s->rotations[r].id);
            const int *mb = rb >= 0 && b->sites[j].offers[rb] ? b->sites[j].cap_max + (size_t)rb * T : zero;
            const int *nb = rb >= 0 && b->sites[j].offers[rb] ? b->sites[j].cap_min + (size_t)rb * T : zero;
            const int *ma = site->offers[r] ? site->cap_max + (size_t)r * T : zero;
            const int *na = site->offers[r] ? site->cap_min + (size_t)r * T : zero;
            snprintf(what, sizeof what, "site %s capacity for %s", site->id, s->rotations[r].id);
            int_runs(l, h, what, mb, ma);
            snprintf(what, sizeof what, "site %s minimum staffing for %s", site->id,
                     s->rotations[r].id);
            int_runs(l, h, what, nb, na);
        }
    }
    free(zero);
}

/* Runs where a supervisor or trainee is there in the base and not in the
 * scenario (away) or the other way round (back). */
static void presence(lines *l, const pl_horizon *h, const char *who, const bool *before,
                     const bool *after, int end_before, int end_after)
{
    char sp[64], d[11], e[11];
    int T = h->length, p = 0;
    while (p < T) {
        if (before[p] == after[p]) {
            p++;
            continue;
        }
        int q = p;
        while (q + 1 < T && before[q + 1] == before[p] && after[q + 1] == after[p])
            q++;
        span(h, p, q, sp, sizeof sp);
        if (before[p] && q == T - 1 && end_after < end_before && end_after == p - 1) {
            date_of(h, p, false, d);
            if (p > 0)
                date_of(h, p - 1, false, e);
            add(l, "%s leaves: not there from %s on (end %s)", who, d,
                p > 0 ? e : "before the horizon");
        } else if (before[p]) {
            add(l, "%s away %s", who, sp);
        } else {
            add(l, "%s now there %s", who, sp);
        }
        p = q + 1;
    }
}

/* The ids of the set `on` ([n] over `ids`), or "all", into a new string. */
static char *set_text(const bool *on, int n, char *const *ids, size_t stride)
{
    pl_buf buf = {0};
    int count = 0;
    for (int i = 0; i < n; i++)
        if (on[i]) {
            pli_buf_puts(&buf, count++ ? ", " : "");
            pli_buf_puts(&buf, *(char *const *)(const void *)((const char *)ids + (size_t)i * stride));
        }
    if (count == n) {
        pli_buf_free(&buf);
        return pli_strdup("all");
    }
    if (count == 0)
        pli_buf_puts(&buf, "none");
    if (buf.failed) {
        pli_buf_free(&buf);
        return NULL;
    }
    return buf.data;
}

/* A supervisor's programs or rotations, compared by id. */
static void sup_set(lines *l, const char *who, const char *what, const bool *before,
                    const bool *after, int nb, int na, char *const *ids_b, char *const *ids_a,
                    size_t stride, const pl_instance *b, const pl_instance *s,
                    int (*index)(const pl_instance *, const char *))
{
    bool differ = false;
    for (int i = 0; i < na && !differ; i++) {
        const char *id = *(char *const *)(const void *)((const char *)ids_a + (size_t)i * stride);
        int j = index(b, id);
        differ = after[i] != (j >= 0 && before[j]);
    }
    for (int j = 0; j < nb && !differ; j++) {
        const char *id = *(char *const *)(const void *)((const char *)ids_b + (size_t)j * stride);
        differ = before[j] && index(s, id) < 0;
    }
    if (!differ)
        return;
    char *x = set_text(before, nb, ids_b, stride), *y = set_text(after, na, ids_a, stride);
    if (x && y)
        add(l, "%s %s: %s -> %s", who, what, x, y);
    else
        l->nomem = true;
    free(x);
    free(y);
}

/* "supervisor anna", or with a name "supervisor Anna Berg (anna)"
 * (format.md 3.9.26: people by name where given); owned by the caller,
 * NULL (l->nomem set) without memory. */
static char *person(lines *l, const char *kind, const char *id, const char *name)
{
    char *who = name && *name ? pli_asprintf("%s %s (%s)", kind, name, id)
                              : pli_asprintf("%s %s", kind, id);
    l->nomem |= !who;
    return who;
}

/* What changed for supervisor v (w in the base), named `who`. */
static void supervisor_changes(lines *l, const char *who, const pl_instance *b,
                               const pl_instance *s, const pl_supervisor *w,
                               const pl_supervisor *v)
{
    if (strcmp(b->sites[w->site].id, s->sites[v->site].id))
        add(l, "%s moves from %s to %s", who, b->sites[w->site].id, s->sites[v->site].id);
    if (w->max_trainees != v->max_trainees)
        add(l, "%s max_trainees %d -> %d", who, w->max_trainees, v->max_trainees);
    if (w->mentees != v->mentees)
        add(l, "%s mentees %d -> %d", who, w->mentees, v->mentees);
    if (b->n_programs > 0 && s->n_programs > 0)
        sup_set(l, who, "programs", w->programs, v->programs, b->n_programs, s->n_programs,
                &b->programs[0].id, &s->programs[0].id, sizeof(pl_program), b, s,
                pli_instance_program_index);
    if (b->n_rotations > 0 && s->n_rotations > 0)
        sup_set(l, who, "rotations", w->rotations, v->rotations, b->n_rotations,
                s->n_rotations, &b->rotations[0].id, &s->rotations[0].id,
                sizeof(pl_rotation), b, s, pli_instance_rotation_index);
    if (b->horizon.length == s->horizon.length)
        presence(l, &s->horizon, who, w->available, v->available, w->end, v->end);
}

static void supervisors(lines *l, const pl_instance *b, const pl_instance *s)
{
    for (int i = 0; i < b->n_supervisors; i++) {
        const pl_supervisor *w = &b->supervisors[i];
        if (pli_instance_supervisor_index(s, w->id) >= 0)
            continue;
        char *who = person(l, "supervisor", w->id, w->name);
        if (who)
            add(l, "%s removed (at %s)", who, b->sites[w->site].id);
        free(who);
    }
    for (int i = 0; i < s->n_supervisors && !l->nomem; i++) {
        const pl_supervisor *v = &s->supervisors[i];
        int j = pli_instance_supervisor_index(b, v->id);
        char *who = person(l, "supervisor", v->id, v->name);
        if (who && j < 0)
            add(l, "%s added at %s (max_trainees %d)", who, s->sites[v->site].id,
                v->max_trainees);
        else if (who)
            supervisor_changes(l, who, b, s, &b->supervisors[j], v);
        free(who);
    }
}

static void trainees(lines *l, const pl_instance *b, const pl_instance *s)
{
    for (int i = 0; i < b->n_trainees; i++) {
        const pl_trainee *u = &b->trainees[i];
        if (pli_instance_trainee_index(s, u->id) >= 0)
            continue;
        char *who = person(l, "trainee", u->id, u->name);
        if (who)
            add(l, "%s removed", who);
        free(who);
    }
    for (int i = 0; i < s->n_trainees && !l->nomem; i++) {
        const pl_trainee *t = &s->trainees[i];
        int j = pli_instance_trainee_index(b, t->id);
        char *who = person(l, "trainee", t->id, t->name);
        if (who && j < 0) {
            add(l, "%s added (%s)", who, s->programs[t->program].id);
        } else if (who) {
            const pl_trainee *u = &b->trainees[j];
            if (strcmp(b->programs[u->program].id, s->programs[t->program].id))
                add(l, "%s changes program %s -> %s", who, b->programs[u->program].id,
                    s->programs[t->program].id);
            if (b->horizon.length == s->horizon.length)
                presence(l, &s->horizon, who, u->active, t->active, u->end, t->end);
        }
        free(who);
    }
}

static void programs(lines *l, const pl_instance *b, const pl_instance *s)
{
    for (int i = 0; i < s->n_programs; i++) {
        const pl_program *g = &s->programs[i];
        int j = pli_instance_program_index(b, g->id);
        if (j < 0) {
            add(l, "program %s added", g->id);
            continue;
        }
        for (int r = 0; r < s->n_rotations; r++) {
            const pl_rule *a = &g->rules[r];
            int rb = pli_instance_rotation_index(b, s->rotations[r].id);
            const pl_rule *o = rb >= 0 ? &b->programs[j].rules[rb] : NULL;
            bool was = o && o->present;
            if (!a->present && !was)
                continue;
            if (!a->present)
                add(l, "program %s no longer has %s", g->id, s->rotations[r].id);
            else if (!was)
                add(l, "program %s adds %s (min %d)", g->id, s->rotations[r].id, a->min);
            else if (a->min != o->min || a->max != o->max || a->block_min != o->block_min ||
                     a->block_max != o->block_max)
                add(l, "program %s rule for %s changed (min %d -> %d)", g->id,
                    s->rotations[r].id, o->min, a->min);
        }
    }
}

static void weights(lines *l, const pl_instance *b, const pl_instance *s)
{
    static const struct {
        const char *name;
        size_t offset;
    } w[] = {
        {"unmet", offsetof(pl_weights, unmet)},
        {"unassigned", offsetof(pl_weights, unassigned)},
        {"understaffed", offsetof(pl_weights, understaffed)},
        {"idle", offsetof(pl_weights, idle)},
        {"site_change", offsetof(pl_weights, site_change)},
        {"preference", offsetof(pl_weights, preference)},
        {"priority", offsetof(pl_weights, priority)},
        {"change", offsetof(pl_weights, change)},
        {"fairness", offsetof(pl_weights, fairness)},
        {"unallocated", offsetof(pl_weights, unallocated)},
        {"rank", offsetof(pl_weights, rank)},
        {"no_mentor", offsetof(pl_weights, no_mentor)},
    };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        double x, y;
        memcpy(&x, (const char *)&b->weights + w[i].offset, sizeof x);
        memcpy(&y, (const char *)&s->weights + w[i].offset, sizeof y);
        if (x != y)
            add(l, "weight %s %g -> %g", w[i].name, x, y);
    }
}

pl_status pl_whatif_describe(const pl_instance *base, const pl_instance *scenario,
                             char ***out, size_t *n)
{
    lines l = {0};
    if (!base || !scenario || !out || !n)
        return PL_ERR_USAGE;
    const pl_horizon *hb = &base->horizon, *hs = &scenario->horizon;
    if (hb->length != hs->length || hb->unit != hs->unit || hb->step != hs->step ||
        hb->year != hs->year || hb->month != hs->month || hb->day != hs->day)
        add(&l, "the horizon changes");
    sites(&l, base, scenario);
    supervisors(&l, base, scenario);
    trainees(&l, base, scenario);
    programs(&l, base, scenario);
    weights(&l, base, scenario);
    if (l.nomem) {
        for (size_t i = 0; i < l.n; i++)
            free(l.items[i]);
        free(l.items);
        return PL_ERR_NOMEM;
    }
    *out = l.items;
    *n = l.n;
    return PL_OK;
}
