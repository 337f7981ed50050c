/*
 * summary_alloc.c — the annual allocation of a schedule in numbers
 * (format.md 2.7, docs/allocation.md): posts offered and filled per
 * (site, program), per program and in total; how many trainees got their
 * 1st, 2nd, ... choice; and each unallocated trainee with the reason:
 *
 *   no acceptable site  every site in its home_choices has a ranking for its
 *                       program that leaves it out;
 *   no free post        every acceptable choice is full, with trainees the
 *                       site ranks above it (fixed homes count as above:
 *                       they cannot be displaced, 3.9.21) or, for a site
 *                       without a ranking, simply full;
 *   stability / cost    otherwise: some acceptable choice had room or held a
 *                       trainee it ranks lower.  In a stable instance that is
 *                       a blocking pair, so "stability" marks an allocation
 *                       that is not stable; in a free one the cost decided.
 *
 * Homes come from the instance (fixed) and the schedule's `homes`.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/eligible.h"
#include "schedule/schedule.h"

const char *pl_unallocated_reason_name(pl_unallocated_reason reason)
{
    switch (reason) {
    case PL_UNALLOCATED_NO_ACCEPTABLE_SITE: return "no acceptable site";
    case PL_UNALLOCATED_NO_FREE_POST: return "no free post";
    case PL_UNALLOCATED_STABILITY: return "stability";
    case PL_UNALLOCATED_COST: return "cost";
    }
    return "cost";
}

/* A schedule solved with --allocation-only carries the flag.  One read back
 * from a file does not; it is recognised when it places nobody and states
 * no `unassigned` cost although its trainees with a home would cost
 * something unplaced (a solved schedule's costs match its placements, so
 * only an allocation-only solve leaves that out).  When those weights add up
 * to 0 nothing tells the two apart and the schedule counts as a full one. */
bool pli_schedule_is_allocation_only(const pl_schedule *s, const pl_instance *inst)
{
    if (s->allocation_only)
        return true;
    if (s->n_rows > 0 || !s->has_costs || s->costs.unassigned != 0.0)
        return false;
    bool *homed = calloc((size_t)inst->n_trainees + 1, sizeof *homed);
    if (!homed)
        return false;
    for (int t = 0; t < inst->n_trainees; t++)
        homed[t] = inst->trainees[t].home >= 0;
    for (size_t i = 0; i < s->n_homes; i++)
        if (s->homes[i].key_index >= 0 && s->homes[i].key_index < inst->n_trainees)
            homed[s->homes[i].key_index] = true;
    double expected = 0.0;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!homed[t] && tr->has_home_choices)
            continue; /* unallocated: no schedule, no unassigned */
        int active = 0;
        for (int p = 0; p < inst->horizon.length; p++)
            active += tr->active[p];
        expected += tr->weights.unassigned * active;
    }
    free(homed);
    return expected != 0.0;
}

/* Each trainee's home: fixed from the instance, else from the schedule. */
static void homes_of(const pl_instance *inst, const pl_schedule *sched, int *home)
{
    for (int t = 0; t < inst->n_trainees; t++)
        home[t] = inst->trainees[t].has_home_choices ? -1 : inst->trainees[t].home;
    for (size_t i = 0; i < sched->n_homes; i++) {
        int t = sched->homes[i].key_index, s = sched->homes[i].value_index;
        if (t >= 0 && t < inst->n_trainees && s >= 0 && s < inst->n_sites &&
            inst->trainees[t].has_home_choices)
            home[t] = s;
    }
}

static pl_unallocated_reason classify(const pl_instance *inst, const int *home,
                                      const int *held, int t)
{
    const pl_trainee *tr = &inst->trainees[t];
    int g = tr->program;
    bool any = false;

    for (int k = 0; k < tr->n_home_choices; k++) {
        int s = tr->home_choices[k];
        if (!pli_site_accepts(inst, s, t))
            continue;
        any = true;
        int posts = inst->sites[s].posts[g];
        if (posts < 0 || held[s * inst->n_programs + g] < posts)
            goto room;
        if (!inst->sites[s].ranking[g])
            continue; /* unranked and full */
        int mine = pli_site_rank(inst, s, t);
        for (int u = 0; u < inst->n_trainees; u++) {
            if (home[u] != s || inst->trainees[u].program != g ||
                !inst->trainees[u].has_home_choices)
                continue;
            int theirs = pli_site_rank(inst, s, u);
            if (theirs < 0 || theirs > mine)
                goto room;
        }
    }
    return any ? PL_UNALLOCATED_NO_FREE_POST : PL_UNALLOCATED_NO_ACCEPTABLE_SITE;
room:
    return inst->stable ? PL_UNALLOCATED_STABILITY : PL_UNALLOCATED_COST;
}

void pl_alloc_summary_free(pl_alloc_summary *summary)
{
    if (!summary)
        return;
    free(summary->sites);
    free(summary->programs);
    free(summary->choices);
    free(summary->unallocated);
    free(summary);
}

/* The caller owns *out (pl_alloc_summary_free). */
pl_status pl_alloc_summarize(const pl_instance *inst, const pl_schedule *sched,
                             pl_alloc_summary **out)
{
    pl_status status = PL_OK;
    pl_alloc_summary *sum = NULL;
    int T = inst ? inst->n_trainees : 0, G = inst ? inst->n_programs : 0;
    size_t SG = inst ? (size_t)inst->n_sites * (size_t)G : 0;
    int *home = NULL, *held = NULL, *fixed = NULL;
    bool *wanted = NULL; /* [G]: the program has applicants or posts */

    if (!out)
        return PL_ERR_USAGE;
    *out = NULL;
    if (!inst || !sched)
        return PL_ERR_USAGE;
    sum = calloc(1, sizeof *sum);
    home = malloc(((size_t)T + 1) * sizeof *home);
    held = calloc(SG + 1, sizeof *held);
    fixed = calloc(SG + 1, sizeof *fixed);
    wanted = calloc((size_t)G + 1, sizeof *wanted);
    if (!sum || !home || !held || !fixed || !wanted) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    homes_of(inst, sched, home);
    size_t longest = 0;
    for (int t = 0; t < T; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        int g = tr->program;
        if (home[t] >= 0) {
            held[(size_t)home[t] * G + g]++;
            fixed[(size_t)home[t] * G + g] += !tr->has_home_choices;
        }
        if (tr->has_home_choices) {
            sum->applicants++;
            wanted[g] = true;
            if ((size_t)tr->n_home_choices > longest)
                longest = (size_t)tr->n_home_choices;
        }
    }
    for (size_t i = 0; i < SG; i++)
        if (inst->sites[i / G].posts[i % G] >= 0)
            wanted[i % G] = true;

    /* posts per (site, program), per program, in total */
    sum->sites = calloc(SG + 1, sizeof *sum->sites);
    sum->programs = calloc((size_t)G + 1, sizeof *sum->programs);
    sum->choices = calloc(longest + 1, sizeof *sum->choices);
    sum->unallocated = calloc((size_t)sum->applicants + 1, sizeof *sum->unallocated);
    if (!sum->sites || !sum->programs || !sum->choices || !sum->unallocated) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    sum->n_choices = longest;
    for (int g = 0; g < G; g++) {
        if (!wanted[g])
            continue;
        pl_alloc_posts *pg = &sum->programs[sum->n_programs++];
        pg->program = inst->programs[g].id;
        for (int s = 0; s < inst->n_sites; s++) {
            size_t i = (size_t)s * G + g;
            int posts = inst->sites[s].posts[g];
            if (posts < 0 && held[i] == 0)
                continue;
            if (posts >= 0) {
                pg->offered += posts;
                pg->filled += held[i];
                pg->fixed += fixed[i];
            }
        }
        sum->total.offered += pg->offered;
        sum->total.filled += pg->filled;
        sum->total.fixed += pg->fixed;
    }
    for (int s = 0; s < inst->n_sites; s++)
        for (int g = 0; g < G; g++) {
            size_t i = (size_t)s * G + g;
            int posts = inst->sites[s].posts[g];
            if (posts < 0 && held[i] == 0)
                continue;
            pl_alloc_posts *p = &sum->sites[sum->n_sites++];
            p->site = inst->sites[s].id;
            p->program = inst->programs[g].id;
            p->offered = posts;
            p->filled = held[i];
            p->fixed = fixed[i];
        }

    /* choices and the unallocated */
    for (int t = 0; t < T; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!tr->has_home_choices)
            continue;
        int k = -1;
        for (int i = 0; home[t] >= 0 && i < tr->n_home_choices; i++)
            if (tr->home_choices[i] == home[t]) {
                k = i;
                break;
            }
        if (k >= 0) {
            sum->choices[k]++;
        } else if (home[t] < 0) {
            pl_alloc_unallocated *u = &sum->unallocated[sum->n_unallocated++];
            u->trainee = tr->id;
            u->program = inst->programs[tr->program].id;
            u->reason = classify(inst, home, held, t);
        }
        /* a home outside the choices (a hand-made schedule) is neither */
    }
    *out = sum;
    sum = NULL;
cleanup:
    pl_alloc_summary_free(sum);
    free(home);
    free(held);
    free(fixed);
    free(wanted);
    return status;
}

static const char *ordinal_suffix(size_t n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    switch (n % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

/* Append to buf at *len, keeping the snprintf-like total in *len. */
static void put(char *buf, size_t size, int *len, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void put(char *buf, size_t size, int *len, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    size_t at = (size_t)*len;
    int n = vsnprintf(at < size ? buf + at : NULL, at < size ? size - at : 0, format, ap);
    va_end(ap);
    if (n > 0)
        *len += n;
}

int pl_alloc_summary_line(const pl_alloc_summary *sum, char *buf, size_t size)
{
    int len = 0;
    bool first = true;
    if (size > 0)
        buf[0] = '\0';
    put(buf, size, &len, "allocation:");
    for (size_t i = 0; i < sum->n_programs; i++) {
        const pl_alloc_posts *p = &sum->programs[i];
        if (p->offered == 0 && p->filled == 0)
            continue;
        put(buf, size, &len, "%s %d/%d %s posts filled", first ? "" : ",",
            p->filled, p->offered, p->program);
        if (p->offered > 0)
            put(buf, size, &len, " (%d%%)",
                (int)(100.0 * p->filled / p->offered + 0.5));
        first = false;
    }
    put(buf, size, &len, "%s choices", first ? "" : ",");
    bool any = false;
    for (size_t k = 0; k < sum->n_choices; k++) {
        if (sum->choices[k] == 0)
            continue;
        put(buf, size, &len, "%s %zu%s %d", any ? "," : "", k + 1,
            ordinal_suffix(k + 1), sum->choices[k]);
        any = true;
    }
    if (!any)
        put(buf, size, &len, " none");
    put(buf, size, &len, ", unallocated %zu", sum->n_unallocated);
    return len;
}
