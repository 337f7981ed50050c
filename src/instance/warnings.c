/*
 * warnings.c — problems of a valid instance that do not stop loading but
 * that a planner wants to know before solving: rotations offered without a
 * supervisor to cover them, supervisors whose max_trainees cannot fill a
 * site's capacity, minimum staffing wanted when no eligible trainee is
 * active, minimums that cannot fit in a trainee's active periods (in total,
 * and block by block), capacity minimums above the max (format.md 3.9
 * point 25), and pinned placements (format.md §3.7) that cannot be honoured
 * (naming the one condition that fails).  Messages about pins start with
 * "pinned placement".
 */
#include <stdlib.h>
#include <string.h>

#include "instance/eligible.h"
#include "instance/validate.h"
#include "util/prefetch.h"
#include "util/strutil.h"

/* "3, 5-7" for the periods p with mark[p] set; "" when none. */
static void periods_text(pl_buf *b, const bool *mark, int len)
{
    bool first = true;
    for (int p = 0; p < len; p++) {
        if (!mark[p])
            continue;
        int q = p;
        while (q + 1 < len && mark[q + 1])
            q++;
        if (q == p)
            pli_buf_printf(b, "%s%d", first ? "" : ", ", p);
        else
            pli_buf_printf(b, "%s%d-%d", first ? "" : ", ", p, q);
        first = false;
        p = q;
    }
    if (first)
        pli_buf_puts(b, "");
}

static bool in_choice(const pl_trainee *tr, int r)
{
    for (int i = 0; i < tr->n_choices; i++)
        for (int j = 0; j < tr->choices[i].n_rotations; j++)
            if (tr->choices[i].rotations[j] == r)
                return true;
    return false;
}

/* The periods trainee tr still needs for the min of its required rotations
 * outside choices. */
static int minimum_need(const pl_instance *inst, const pl_trainee *tr)
{
    int need = 0;
    for (int r = 0; r < inst->n_rotations; r++) {
        const pl_rule *rule = &tr->rules[r];
        if (!rule->present)
            continue;
        int done = tr->completed[r] +
                   (tr->previous.rotation == r ? tr->previous.periods : 0);
        if (rule->min > done && !in_choice(tr, r))
            need += rule->min - done;
    }
    return need;
}

static int active_periods(const pl_instance *inst, const pl_trainee *tr)
{
    int active = 0;
    for (int p = 0; p < inst->horizon.length; p++)
        active += tr->active[p];
    return active;
}

/* Rotations a program's trainees may need (used[g * nr + r]) and the
 * programs with trainees; and, per trainee, whether the min of its required
 * rotations exceeds its active periods (too_many_minimums warns).  One pass
 * over the trainees' rules for both. */
static void scan_trainees(const pl_instance *inst, bool *used,
                          bool *has_trainees, bool *short_of)
{
    int nr = inst->n_rotations;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (t + 1 < inst->n_trainees) {
            pl_prefetch(tr[1].rules, (size_t)nr * sizeof *tr->rules);
            pl_prefetch(tr[1].active, (size_t)inst->horizon.length);
            pl_prefetch(tr[1].completed, (size_t)nr * sizeof *tr->completed);
            pl_prefetch(tr[1].choices, (size_t)tr[1].n_choices * sizeof *tr->choices);
        }
        has_trainees[tr->program] = true;
        for (int r = 0; r < nr; r++)
            if (tr->rules[r].present)
                used[(size_t)tr->program * nr + r] = true;
        short_of[t] = minimum_need(inst, tr) > active_periods(inst, tr);
    }
}

static void uncovered(pl_loader *L, bool *used, const bool *has_trainees)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    int ns = inst->n_sites, nr = inst->n_rotations, ng = inst->n_programs;
    int len = inst->horizon.length;
    size_t nrg = (size_t)nr * ng;
    bool *cover = calloc((size_t)ns * nrg + 1, 1);
    if (!cover) {
        c->fatal = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int g = 0; g < ng; g++)
        if (!has_trainees[g])
            for (int r = 0; r < nr; r++)
                if (inst->programs[g].rules[r].present)
                    used[(size_t)g * nr + r] = true;
    for (int u = 0; u < inst->n_supervisors; u++) {
        const pl_supervisor *sv = &inst->supervisors[u];
        for (int g = 0; g < ng; g++)
            for (int r = 0; r < nr; r++)
                if (sv->programs[g] && sv->rotations[r])
                    cover[((size_t)sv->site * ng + g) * nr + r] = true;
    }
    for (int s = 0; s < ns; s++)
        for (int r = 0; r < nr; r++) {
            bool open = false;
            for (int p = 0; p < len && !open; p++)
                open = pl_cap_max(inst, s, r, p) > 0;
            if (!open)
                continue;
            pl_buf names = {0};
            int n = 0;
            for (int g = 0; g < ng; g++)
                if (used[(size_t)g * nr + r] && !cover[((size_t)s * ng + g) * nr + r])
                    pli_buf_printf(&names, "%s%s", n++ ? ", " : "",
                                  inst->programs[g].id);
            if (n && names.failed) {
                c->fatal = PL_ERR_NOMEM; /* the warning's text is incomplete */
            } else if (n) {
                size_t m = pli_jpush(c, "sites");
                pli_jpush(c, inst->sites[s].id);
                pli_jpush(c, "capacity");
                pli_jpush(c, inst->rotations[r].id);
                pli_jwarning(c, "site %s offers rotation %s but no supervisor "
                               "there covers it for program%s %s, so no such "
                               "trainee can be placed there",
                            inst->sites[s].id, inst->rotations[r].id,
                            n > 1 ? "s" : "", names.data);
                pli_jpop(c, m);
            }
            pli_buf_free(&names);
        }
cleanup:
    free(cover);
}

static void too_many_minimums(pl_loader *L, int t)
{
    pl_instance *inst = L->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int need = minimum_need(inst, tr), active = active_periods(inst, tr);
    if (need > active) {
        size_t m = pli_jpush(&L->j, "trainees");
        pli_jpush(&L->j, tr->id);
        pli_jwarning(&L->j, "trainee %s needs %d periods to meet the min of its "
                           "required rotations but has only %d active periods; "
                           "the shortfall will cost unmet",
                    tr->id, need, active);
        pli_jpop(&L->j, m);
    }
}

static void describe_pin(pl_buf *b, const pl_instance *inst, const pl_fixed *f)
{
    if (f->site >= 0 && f->rotation >= 0)
        pli_buf_printf(b, "at site %s in rotation %s", inst->sites[f->site].id,
                      inst->rotations[f->rotation].id);
    else if (f->site >= 0)
        pli_buf_printf(b, "at site %s", inst->sites[f->site].id);
    else if (f->rotation >= 0)
        pli_buf_printf(b, "in rotation %s", inst->rotations[f->rotation].id);
    else
        pli_buf_puts(b, "somewhere");
    if (f->from == f->to)
        pli_buf_printf(b, " in period %d", f->from);
    else
        pli_buf_printf(b, " in periods %d-%d", f->from, f->to);
}

static bool pin_matches(const pl_instance *inst, int t, const pl_fixed *f, int p)
{
    for (int s = 0; s < inst->n_sites; s++) {
        if (f->site >= 0 && s != f->site)
            continue;
        for (int r = 0; r < inst->n_rotations; r++) {
            if (f->rotation >= 0 && r != f->rotation)
                continue;
            if (pli_eligible_any(inst, t, s, r, p))
                return true;
        }
    }
    return false;
}

/* Why pin f of trainee t matches no eligible cell in period p: the one
 * failing condition (pli_why_not_eligible) of the cell it names, or of each
 * candidate (at most three named) when it leaves the site or the rotation
 * open. */
static void pin_reason(const pl_instance *inst, int t, const pl_fixed *f, int p,
                       pl_buf *b)
{
    const pl_trainee *tr = &inst->trainees[t];
    if (f->site >= 0 && f->rotation >= 0) {
        pli_why_not_eligible(inst, t, f->site, f->rotation, p, b);
        return;
    }
    if (f->site >= 0) {
        for (int r = 0; r < inst->n_rotations; r++)
            if (tr->rules[r].present && inst->sites[f->site].offers[r]) {
                pli_why_not_eligible(inst, t, f->site, r, p, b);
                return;
            }
        pli_buf_printf(b, "%s offers none of %s's rotations", inst->sites[f->site].id,
                      tr->id);
        return;
    }
    int n = 0, more = 0;
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < inst->n_rotations; r++) {
            if ((f->rotation >= 0 && r != f->rotation) ||
                (f->rotation < 0 && !tr->rules[r].present) || !inst->sites[s].offers[r])
                continue;
            if (n == 3) {
                more++;
                continue;
            }
            if (n++)
                pli_buf_puts(b, "; ");
            pli_why_not_eligible(inst, t, s, r, p, b);
        }
    if (n == 0 && f->rotation >= 0)
        pli_buf_printf(b, "no site offers %s", inst->rotations[f->rotation].id);
    else if (n == 0)
        pli_buf_printf(b, "no site offers any of %s's rotations", tr->id);
    if (more)
        pli_buf_printf(b, "; and %d more", more);
}

/* Inactive periods and periods with no eligible cell, per pin; conflicting
 * pins and pins above a rule's max, per trainee. */
static void trainee_pins(pl_loader *L, int t, bool *mark, int *pin_rot,
                         int *pin_site)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    const pl_trainee *tr = &inst->trainees[t];
    int len = inst->horizon.length;
    if (!tr->n_fixed || len <= 0)
        return;
    size_t m0 = pli_jpush(c, "trainees");
    pli_jpush(c, tr->id);
    pli_jpush(c, "fixed");
    for (int p = 0; p < len; p++)
        pin_rot[p] = pin_site[p] = -1;
    bool *conflict = mark + len;
    memset(conflict, 0, (size_t)len);
    for (int i = 0; i < tr->n_fixed; i++) {
        const pl_fixed *f = &tr->fixed[i];
        size_t m = pli_jpush_index(c, (size_t)i);
        pl_buf what = {0}, per = {0};
        describe_pin(&what, inst, f);
        memset(mark, 0, (size_t)len);
        bool any = false;
        for (int p = f->from; p <= f->to; p++)
            if (!tr->active[p])
                any = mark[p] = true;
        if (any) {
            periods_text(&per, mark, len);
            if (what.failed || per.failed)
                c->fatal = PL_ERR_NOMEM; /* per.data may be NULL */
            else
            pli_jwarning(c, "pinned placement of trainee %s %s falls on period%s "
                           "%s, when the trainee is not active (leave, or "
                           "outside start/end)",
                        tr->id, what.data, strchr(per.data, ',') || strchr(per.data, '-') ? "s" : "",
                        per.data);
        }
        memset(mark, 0, (size_t)len);
        int first = -1;
        for (int p = f->from; p <= f->to; p++)
            if (tr->active[p] && !pin_matches(inst, t, f, p)) {
                mark[p] = true;
                if (first < 0)
                    first = p;
            }
        if (first >= 0) {
            pl_buf why = {0};
            pli_buf_free(&per);
            periods_text(&per, mark, len);
            pin_reason(inst, t, f, first, &why);
            if (what.failed || per.failed || why.failed || !why.data)
                c->fatal = PL_ERR_NOMEM;
            else
            pli_jwarning(c, "pinned placement of trainee %s %s cannot be honoured "
                           "in period%s %s: %s",
                        tr->id, what.data, strchr(per.data, ',') || strchr(per.data, '-') ? "s" : "",
                        per.data, why.data);
            pli_buf_free(&why);
        }
        for (int p = f->from; p <= f->to; p++) {
            if (f->rotation >= 0) {
                if (pin_rot[p] >= 0 && pin_rot[p] != f->rotation)
                    conflict[p] = true;
                pin_rot[p] = f->rotation;
            }
            if (f->site >= 0) {
                if (pin_site[p] >= 0 && pin_site[p] != f->site)
                    conflict[p] = true;
                pin_site[p] = f->site;
            }
        }
        pli_buf_free(&what);
        pli_buf_free(&per);
        pli_jpop(c, m);
    }
    bool any_conflict = false;
    for (int p = 0; p < len; p++)
        any_conflict |= conflict[p];
    if (any_conflict) {
        pl_buf per = {0};
        periods_text(&per, conflict, len);
        if (per.failed)
            c->fatal = PL_ERR_NOMEM;
        else
        pli_jwarning(c, "pinned placements of trainee %s disagree in period(s) %s: "
                       "two pins name different sites or rotations",
                    tr->id, per.data);
        pli_buf_free(&per);
    }
    for (int r = 0; r < inst->n_rotations; r++) {
        const pl_rule *rule = &tr->rules[r];
        if (rule->max == PL_UNLIMITED)
            continue;
        int n = 0;
        for (int p = 0; p < len; p++)
            n += pin_rot[p] == r;
        if (!n)
            continue;
        int prev = tr->previous.rotation == r ? tr->previous.periods : 0;
        if (n + tr->completed[r] + prev > rule->max)
            pli_jwarning(c, "pinned placements of trainee %s put %d periods in "
                           "rotation %s (plus %d completed or previous) but its "
                           "rule allows at most %d",
                        tr->id, n, inst->rotations[r].id,
                        tr->completed[r] + prev, rule->max);
    }
    pli_jpop(c, m0);
}

static void pins_over_capacity(pl_loader *L)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    int ns = inst->n_sites, nr = inst->n_rotations, len = inst->horizon.length;
    if (len <= 0)
        return;
    int *count = calloc((size_t)ns * nr * len + 1, sizeof *count);
    bool *mark = calloc((size_t)len + 1, 1);
    if (!count || !mark) {
        c->fatal = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (tr->has_home_choices)
            continue; /* pins apply only if allocated (3.9.19) */
        for (int i = 0; i < tr->n_fixed; i++) {
            const pl_fixed *f = &tr->fixed[i];
            if (f->site < 0 || f->rotation < 0)
                continue;
            for (int p = f->from; p <= f->to; p++)
                count[((size_t)f->site * nr + f->rotation) * len + p]++;
        }
    }
    for (int s = 0; s < ns; s++)
        for (int r = 0; r < nr; r++) {
            int most = 0, capm = 0;
            bool any = false;
            memset(mark, 0, (size_t)len);
            for (int p = 0; p < len; p++) {
                int k = count[((size_t)s * nr + r) * len + p];
                if (k > pl_cap_max(inst, s, r, p)) {
                    any = mark[p] = true;
                    if (k > most) {
                        most = k;
                        capm = pl_cap_max(inst, s, r, p);
                    }
                }
            }
            if (!any)
                continue;
            pl_buf per = {0};
            periods_text(&per, mark, len);
            size_t m = pli_jpush(c, "sites");
            pli_jpush(c, inst->sites[s].id);
            pli_jpush(c, "capacity");
            pli_jpush(c, inst->rotations[r].id);
            pli_jwarning(c, "pinned placements exceed the capacity of site %s in "
                           "rotation %s in period(s) %s (up to %d trainees pinned, "
                           "capacity %d)",
                        inst->sites[s].id, inst->rotations[r].id, per.data, most,
                        capm);
            pli_jpop(c, m);
            pli_buf_free(&per);
        }
cleanup:
    free(count);
    free(mark);
}

/* A site whose supervisors covering rotation r take fewer trainees, all of
 * them together, than its capacity for r: the capacity cannot be used.
 * Supervisors' leave is not counted (that is what leave is for); sites
 * with no supervisor covering r are uncovered()'s. */
static void supervisors_below_capacity(pl_loader *L)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    int len = inst->horizon.length;
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < inst->n_rotations; r++) {
            if (!inst->sites[s].offers[r])
                continue;
            int cap = 0, worst = 0;
            for (int p = 0; p < len; p++)
                if (pl_cap_max(inst, s, r, p) > cap) {
                    cap = pl_cap_max(inst, s, r, p);
                    worst = p;
                }
            long sum = 0;
            int n = 0, only = -1;
            for (int v = 0; v < inst->n_supervisors; v++) {
                const pl_supervisor *sv = &inst->supervisors[v];
                if (sv->site == s && sv->rotations[r]) {
                    sum += sv->max_trainees;
                    n++;
                    only = v;
                }
            }
            if (n == 0 || sum >= cap)
                continue;
            size_t m = pli_jpush(c, "sites");
            pli_jpush(c, inst->sites[s].id);
            pli_jpush(c, "capacity");
            pli_jpush(c, inst->rotations[r].id);
            if (n == 1)
                pli_jwarning(c, "site %s takes up to %d trainees in rotation %s (period %d) "
                               "but its only supervisor for it, %s, has max_trainees %d%s, "
                               "so at most %ld can be placed there",
                            inst->sites[s].id, cap, inst->rotations[r].id, worst,
                            inst->supervisors[only].id, inst->supervisors[only].max_trainees,
                            inst->supervisors[only].max_trainees == 1
                                ? " (the default when not given)" : "",
                            sum);
            else
                pli_jwarning(c, "site %s takes up to %d trainees in rotation %s (period %d) "
                               "but its %d supervisors for it take at most %ld together "
                               "(max_trainees, default 1), so at most %ld can be placed there",
                            inst->sites[s].id, cap, inst->rotations[r].id, worst, n, sum,
                            sum);
            pli_jpop(c, m);
        }
}

/* A minimum staffing (capped at the max) wanted in periods when no trainee
 * who may work at (s, r) is active: it can only cost understaffed. */
static void minimum_without_trainees(pl_loader *L, bool *mark)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    int len = inst->horizon.length;
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < inst->n_rotations; r++) {
            if (!inst->sites[s].offers[r])
                continue;
            bool wanted = false;
            for (int p = 0; p < len && !wanted; p++)
                wanted = pl_cap_min(inst, s, r, p) > 0 && pl_cap_max(inst, s, r, p) > 0;
            if (!wanted)
                continue;
            memset(mark, 0, (size_t)len);
            for (int p = 0; p < len; p++)
                mark[p] = pl_cap_min(inst, s, r, p) > 0 && pl_cap_max(inst, s, r, p) > 0;
            int eligible = 0;
            for (int t = 0; t < inst->n_trainees; t++) {
                if (!pli_eligible_static_any(inst, t, s, r))
                    continue;
                eligible++;
                for (int p = 0; p < len; p++)
                    if (inst->trainees[t].active[p])
                        mark[p] = false;
            }
            int n = 0;
            for (int p = 0; p < len; p++)
                n += mark[p];
            if (!n)
                continue;
            pl_buf per = {0};
            periods_text(&per, mark, len);
            size_t m = pli_jpush(c, "sites");
            pli_jpush(c, inst->sites[s].id);
            pli_jpush(c, "capacity");
            pli_jpush(c, inst->rotations[r].id);
            if (per.failed)
                c->fatal = PL_ERR_NOMEM;
            else if (eligible == 0)
                pli_jwarning(c, "site %s wants a minimum staffing in rotation %s but no "
                               "trainee may work there (requirements, the rule's sites, "
                               "at_home, areas); the minimum will cost understaffed",
                            inst->sites[s].id, inst->rotations[r].id);
            else
                pli_jwarning(c, "site %s wants a minimum staffing in rotation %s in "
                               "period%s %s, when none of the %d trainee%s who may work "
                               "there %s active; the minimum will cost understaffed",
                            inst->sites[s].id, inst->rotations[r].id, n > 1 ? "s" : "",
                            per.data, eligible, eligible == 1 ? "" : "s", "is");
            pli_jpop(c, m);
            pli_buf_free(&per);
        }
}

/* The periods of rotation r that the trainee's active periods can hold when
 * every run of r lasts at least block_min: each stretch of consecutive
 * active periods of length n holds n if n >= block_min (or it reaches the
 * end of an open-ended horizon), else none.  The stretches' lengths as
 * "2, 1 and 5" into runs. */
static int active_holds(const pl_instance *inst, const pl_trainee *tr, int r, int bmin,
                        pl_buf *runs)
{
    /* a run from period 0 may continue `previous` (format.md 3.3) */
    int carried = tr->previous.rotation == r ? tr->previous.periods : 0;
    int len = inst->horizon.length, total = 0, n = 0, k = 0;
    for (int p = 0; p < len; p++)
        n += tr->active[p] && (p == 0 || !tr->active[p - 1]);
    for (int p = 0; p < len; p++) {
        if (!tr->active[p])
            continue;
        int q = p;
        while (q + 1 < len && tr->active[q + 1])
            q++;
        if (q - p + 1 + (p == 0 ? carried : 0) >= bmin ||
            (inst->horizon.open_end && q == len - 1))
            total += q - p + 1;
        pli_buf_printf(runs, "%s%d", k == 0 ? "" : k == n - 1 ? " and " : ", ", q - p + 1);
        k++;
        p = q;
    }
    return total;
}

/* Block-aware: a required rotation whose min cannot fit in the trainee's
 * active runs because the runs are shorter than its block_min. */
static void blocks_do_not_fit(pl_loader *L, int t)
{
    pl_instance *inst = L->inst;
    const pl_trainee *tr = &inst->trainees[t];
    for (int r = 0; r < inst->n_rotations; r++) {
        const pl_rule *rule = &tr->rules[r];
        if (!rule->present || rule->block_min <= 1 || in_choice(tr, r))
            continue;
        int need = rule->min - tr->completed[r] -
                   (tr->previous.rotation == r ? tr->previous.periods : 0);
        if (need <= 0)
            continue;
        pl_buf runs = {0};
        int can = active_holds(inst, tr, r, rule->block_min, &runs);
        if (can < need && !runs.failed && runs.data) { /* no run: too_many_minimums */
            size_t m = pli_jpush(&L->j, "trainees");
            pli_jpush(&L->j, tr->id);
            bool several = runs.data && strchr(runs.data, ' ');
            pli_jwarning(&L->j, "trainee %s's active periods %s %s periods, "
                               "which can hold at most %d of the %d periods of rotation %s "
                               "it needs in blocks of at least %d; the shortfall will cost "
                               "unmet",
                        tr->id, several ? "come in runs of" : "are one run of",
                        runs.data ? runs.data : "0", can, need,
                        inst->rotations[r].id, rule->block_min);
            pli_jpop(&L->j, m);
        } else if (runs.failed) {
            L->j.fatal = PL_ERR_NOMEM;
        }
        pli_buf_free(&runs);
    }
}

/* format.md 3.9 point 25: a min above the period's max is capped at the
 * max.  Where the max is 0 (closed) that is expected; where it is above 0
 * the min was probably meant for another max: one warning per (site,
 * rotation) with the periods and the largest gap. */
static void minimums_above_max(pl_loader *L, bool *mark)
{
    pl_instance *inst = L->inst;
    pl_jctx *c = &L->j;
    int len = inst->horizon.length;
    for (int s = 0; s < inst->n_sites; s++)
        for (int r = 0; r < inst->n_rotations; r++) {
            if (!inst->sites[s].offers[r])
                continue;
            int worst = -1;
            memset(mark, 0, (size_t)len);
            for (int p = 0; p < len; p++) {
                int mn = pl_cap_min(inst, s, r, p), mx = pl_cap_max(inst, s, r, p);
                if (mx > 0 && mn > mx) {
                    mark[p] = true;
                    if (worst < 0 || mn - mx > pl_cap_min(inst, s, r, worst) -
                                                   pl_cap_max(inst, s, r, worst))
                        worst = p;
                }
            }
            if (worst < 0)
                continue;
            pl_buf per = {0};
            periods_text(&per, mark, len);
            size_t m = pli_jpush(c, "sites");
            pli_jpush(c, inst->sites[s].id);
            pli_jpush(c, "capacity");
            pli_jpush(c, inst->rotations[r].id);
            if (per.failed)
                c->fatal = PL_ERR_NOMEM;
            else
                pli_jwarning(c, "min is above max in period%s %s (min %d, max %d in "
                               "period %d): the minimum is capped at the max there",
                            strchr(per.data, ',') || strchr(per.data, '-') ? "s" : "",
                            per.data, pl_cap_min(inst, s, r, worst),
                            pl_cap_max(inst, s, r, worst), worst);
            pli_jpop(c, m);
            pli_buf_free(&per);
        }
}

void pli_instance_warnings(pl_loader *L)
{
    pl_instance *inst = L->inst;
    int len = inst->horizon.length;
    size_t nrg = (size_t)inst->n_rotations * inst->n_programs;
    bool *mark = malloc(2 * (size_t)len + 1);
    int *pin_rot = malloc(((size_t)len + 1) * sizeof *pin_rot);
    int *pin_site = malloc(((size_t)len + 1) * sizeof *pin_site);
    bool *used = calloc(nrg + 1, 1);
    bool *has_trainees = calloc((size_t)inst->n_programs + 1, 1);
    bool *short_of = calloc((size_t)inst->n_trainees + 1, 1);
    if (!mark || !pin_rot || !pin_site || !used || !has_trainees || !short_of) {
        L->j.fatal = PL_ERR_NOMEM;
        goto cleanup;
    }
    scan_trainees(inst, used, has_trainees, short_of);
    uncovered(L, used, has_trainees);
    supervisors_below_capacity(L);
    minimum_without_trainees(L, mark);
    for (int t = 0; t < inst->n_trainees && L->j.fatal == PL_OK; t++) {
        if (short_of[t])
            too_many_minimums(L, t);
        blocks_do_not_fit(L, t);
        trainee_pins(L, t, mark, pin_rot, pin_site);
    }
    pins_over_capacity(L);
    if (L->j.fatal == PL_OK)
        minimums_above_max(L, mark);
cleanup:
    free(mark);
    free(pin_rot);
    free(pin_site);
    free(used);
    free(has_trainees);
    free(short_of);
}
