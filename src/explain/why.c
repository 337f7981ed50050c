/*
 * why.c — explanations of unmet requirements and understaffed periods
 * (why.h lists the kinds and their order).  The schedule is laid out once
 * as a grid (site, rotation per trainee and period), head counts per
 * (site, rotation, period) and supervisor loads per (supervisor, period);
 * each explanation then looks only at one trainee or one site.
 *
 * "Can hold" is counted generously, so that a "cannot" is always true: a
 * stretch of consecutive usable periods of length n holds n periods of a
 * rotation if n reaches block_min (or reaches the end of an open-ended
 * horizon), else none; block_max is ignored (blocks at different sites may
 * follow each other).
 */
#include <stdlib.h>
#include <string.h>

#include "explain/why.h"
#include "instance/eligible.h"
#include "util/strutil.h"

struct pl_why {
    const pl_instance *inst;
    const pl_schedule *sched;
    int T, L, R;
    int *site, *rot;   /* [T * L]: the schedule's placement, -1 = none */
    int *count;        /* [(s * R + r) * L + p]: trainees placed there */
    int *load;         /* [v * L + p]: trainees naming supervisor v */
    int *by_site;      /* supervisors grouped by site: those of s are */
    int *site_first;   /* by_site[site_first[s] .. site_first[s + 1]) */
    bool *mask, *mask2;/* [L] scratch */
};

/* Group the supervisors by site (by_site, site_first). */
static pl_status index_supervisors(pl_why *w)
{
    const pl_instance *inst = w->inst;
    int *fill = calloc((size_t)inst->n_sites + 1, sizeof *fill);
    if (!fill)
        return PL_ERR_NOMEM;
    for (int v = 0; v < inst->n_supervisors; v++)
        w->site_first[inst->supervisors[v].site + 1]++;
    for (int s = 0; s < inst->n_sites; s++)
        w->site_first[s + 1] += w->site_first[s];
    for (int v = 0; v < inst->n_supervisors; v++) {
        int s = inst->supervisors[v].site;
        w->by_site[w->site_first[s] + fill[s]++] = v;
    }
    free(fill);
    return PL_OK;
}

pl_status pli_why_new(const pl_instance *inst, const pl_schedule *sched, pl_why **out)
{
    pl_status status = PL_OK;
    pl_why *w = calloc(1, sizeof *w);
    *out = NULL;
    if (!w)
        return PL_ERR_NOMEM;
    w->inst = inst;
    w->sched = sched;
    w->T = inst->n_trainees;
    w->L = inst->horizon.length;
    w->R = inst->n_rotations;
    size_t tl = (size_t)w->T * (size_t)w->L, srl = (size_t)inst->n_sites * w->R * w->L;
    w->site = malloc((tl + 1) * sizeof *w->site);
    w->rot = malloc((tl + 1) * sizeof *w->rot);
    w->count = calloc(srl + 1, sizeof *w->count);
    w->load = calloc((size_t)inst->n_supervisors * w->L + 1, sizeof *w->load);
    w->mask = malloc((size_t)w->L + 1);
    w->mask2 = malloc((size_t)w->L + 1);
    w->by_site = malloc(((size_t)inst->n_supervisors + 1) * sizeof *w->by_site);
    w->site_first = calloc((size_t)inst->n_sites + 2, sizeof *w->site_first);
    if (!w->site || !w->rot || !w->count || !w->load || !w->mask || !w->mask2 ||
        !w->by_site || !w->site_first) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(index_supervisors(w));
    for (size_t i = 0; i < tl; i++)
        w->site[i] = w->rot[i] = -1;
    for (size_t i = 0; i < sched->n_rows; i++) {
        const pl_row *row = &sched->rows[i];
        if (row->t < 0 || row->s < 0 || row->r < 0)
            continue;
        for (int p = row->from < 0 ? 0 : row->from; p <= row->to && p < w->L; p++) {
            size_t k = (size_t)row->t * w->L + p;
            if (w->site[k] >= 0)
                continue; /* overlapping rows: the checker's business */
            w->site[k] = row->s;
            w->rot[k] = row->r;
            w->count[((size_t)row->s * w->R + row->r) * w->L + p]++;
            if (row->sup >= 0)
                w->load[(size_t)row->sup * w->L + p]++;
        }
    }
    *out = w;
    w = NULL;
cleanup:
    pli_why_free(w);
    return status;
}

void pli_why_free(pl_why *w)
{
    if (!w)
        return;
    free(w->site);
    free(w->rot);
    free(w->count);
    free(w->load);
    free(w->mask);
    free(w->mask2);
    free(w->by_site);
    free(w->site_first);
    free(w);
}

/* ---- words ------------------------------------------------------------- */

/* "month(s)" / "week(s)" / "day(s)" for one-unit periods, else "period(s)". */
static const char *unit_word(const pl_instance *inst, int n)
{
    static const char *const one[] = {"month", "week", "day"};
    static const char *const many[] = {"months", "weeks", "days"};
    const pl_horizon *h = &inst->horizon;
    if (h->step != 1 || h->unit < PL_UNIT_MONTH || h->unit > PL_UNIT_DAY)
        return n == 1 ? "period" : "periods";
    return n == 1 ? one[h->unit] : many[h->unit];
}

/* "3", "3-5", "0-2, 7" for the marked periods. */
static void periods_text(pl_buf *b, const bool *mark, int len)
{
    bool first = true;
    for (int p = 0; p < len; p++) {
        if (!mark[p])
            continue;
        int q = p;
        while (q + 1 < len && mark[q + 1])
            q++;
        pli_buf_printf(b, q == p ? "%s%d" : "%s%d-%d", first ? "" : ", ", p, q);
        first = false;
        p = q;
    }
}

static int count_marked(const bool *mark, int len)
{
    int n = 0;
    for (int p = 0; p < len; p++)
        n += mark[p];
    return n;
}

/* "period 3" / "periods 3-5" */
static void periods_phrase(pl_buf *b, const bool *mark, int len)
{
    int n = count_marked(mark, len);
    pli_buf_puts(b, n == 1 ? "period " : "periods ");
    periods_text(b, mark, len);
}

/* The periods of `usable` a rotation with block_min bmin can fill (see the
 * file comment; a stretch from period 0 continues `carried` periods of
 * `previous`), and the lengths of the stretches as "2, 1 and 5". */
static int holdable(const pl_instance *inst, const bool *usable, int bmin, int carried,
                    pl_buf *runs)
{
    int L = inst->horizon.length, total = 0, n = 0, k = 0;
    for (int p = 0; p < L; p++)
        n += usable[p] && (p == 0 || !usable[p - 1]);
    for (int p = 0; p < L; p++) {
        if (!usable[p])
            continue;
        int q = p;
        while (q + 1 < L && usable[q + 1])
            q++;
        int len = q - p + 1;
        if (len + (p == 0 ? carried : 0) >= bmin || (inst->horizon.open_end && q == L - 1))
            total += len;
        if (runs)
            pli_buf_printf(runs, "%s%d", k == 0 ? "" : k == n - 1 ? " and " : ", ", len);
        k++;
        p = q;
    }
    return total;
}

/* "the 6 months of primary-care it needs in blocks of at least 3" */
static void need_phrase(pl_buf *b, const pl_instance *inst, int r, int need, int bmin)
{
    pli_buf_printf(b, "the %d %s of %s it needs", need, unit_word(inst, need),
                  inst->rotations[r].id);
    if (bmin > 1)
        pli_buf_printf(b, " in blocks of at least %d", bmin);
}

static bool in_choice(const pl_trainee *tr, int r, int *which)
{
    for (int i = 0; i < tr->n_choices; i++)
        for (int j = 0; j < tr->choices[i].n_rotations; j++)
            if (tr->choices[i].rotations[j] == r) {
                *which = i;
                return true;
            }
    return false;
}

/* Whether pin f of trainee t keeps it away from rotation r. */
static bool pin_excludes(const pl_instance *inst, int t, const pl_fixed *f, int r)
{
    if (f->rotation >= 0)
        return f->rotation != r;
    return f->site >= 0 && !pli_eligible_static_any(inst, t, f->site, r);
}

static void describe_pin(pl_buf *b, const pl_instance *inst, const pl_fixed *f)
{
    if (f->rotation >= 0)
        pli_buf_puts(b, inst->rotations[f->rotation].id);
    if (f->site >= 0)
        pli_buf_printf(b, "%sat %s", f->rotation >= 0 ? " " : "", inst->sites[f->site].id);
    if (f->site < 0 && f->rotation < 0)
        pli_buf_puts(b, "somewhere");
    pli_buf_printf(b, f->from == f->to ? " in period %d" : " in periods %d-%d", f->from,
                  f->to);
}

/* ---- unmet requirements --------------------------------------------------- */

typedef struct unmet_ctx {
    pl_why *w;
    int t, r, need, bmin;
    int carried; /* previous.periods when previous is in r (a run from 0 continues it) */
    const pl_trainee *tr;
} unmet_ctx;

/* No site is eligible for (t, r) in any period: name each offering site's
 * failing condition (at most three). */
static bool no_site(const unmet_ctx *u, pl_buf *b)
{
    const pl_instance *inst = u->w->inst;
    int n = 0, more = 0;
    for (int s = 0; s < inst->n_sites; s++)
        if (pli_eligible_static_any(inst, u->t, s, u->r))
            return false;
    pli_buf_printf(b, "no site may take %s for %s: ", u->tr->id, inst->rotations[u->r].id);
    for (int s = 0; s < inst->n_sites; s++) {
        if (!inst->sites[s].offers[u->r])
            continue;
        if (n == 3) {
            more++;
            continue;
        }
        if (n++)
            pli_buf_puts(b, "; ");
        pli_why_not_eligible(inst, u->t, s, u->r, -1, b);
    }
    if (n == 0)
        pli_buf_printf(b, "no site offers %s", inst->rotations[u->r].id);
    if (more)
        pli_buf_printf(b, "; and %d more site%s", more, more == 1 ? "" : "s");
    return true;
}

/* The trainee's active periods cannot hold the blocks. */
static bool active_runs(const unmet_ctx *u, pl_buf *b)
{
    const pl_instance *inst = u->w->inst;
    pl_buf runs = {0};
    int can = holdable(inst, u->tr->active, u->bmin, u->carried, &runs);
    bool hit = can < u->need;
    if (hit) {
        int n = count_marked(u->tr->active, inst->horizon.length);
        if (n == 0)
            pli_buf_printf(b, "%s has no active period for ", u->tr->id);
        else if (u->bmin > 1 && runs.data && strchr(runs.data, ' '))
            pli_buf_printf(b, "%s's active periods come in runs of %s %s, which can hold "
                             "at most %d of ",
                          u->tr->id, runs.data, unit_word(inst, 2), can);
        else if (u->bmin > 1)
            pli_buf_printf(b, "%s's active periods are one run of %s %s, which can hold "
                             "at most %d of ",
                          u->tr->id, runs.data ? runs.data : "0", unit_word(inst, n), can);
        else
            pli_buf_printf(b, "%s has only %d active %s for ", u->tr->id, n,
                          unit_word(inst, n));
        need_phrase(b, inst, u->r, u->need, u->bmin);
    }
    pli_buf_free(&runs);
    return hit;
}

/* Active periods not taken by a pin that keeps t away from r, into mask. */
static void unpinned(const unmet_ctx *u, bool *mask)
{
    const pl_instance *inst = u->w->inst;
    memcpy(mask, u->tr->active, (size_t)inst->horizon.length);
    for (int i = 0; i < u->tr->n_fixed; i++) {
        const pl_fixed *f = &u->tr->fixed[i];
        if (pin_excludes(inst, u->t, f, u->r))
            for (int p = f->from; p <= f->to; p++)
                mask[p] = false;
    }
}

static bool pins(const unmet_ctx *u, pl_buf *b)
{
    const pl_instance *inst = u->w->inst;
    bool *mask = u->w->mask;
    unpinned(u, mask);
    pl_buf runs = {0};
    int can = holdable(inst, mask, u->bmin, u->carried, &runs);
    bool hit = can < u->need;
    if (hit) {
        pli_buf_printf(b, "%s's pinned placements (", u->tr->id);
        int n = 0;
        for (int i = 0; i < u->tr->n_fixed; i++) {
            const pl_fixed *f = &u->tr->fixed[i];
            if (!pin_excludes(inst, u->t, f, u->r))
                continue;
            if (n++)
                pli_buf_puts(b, ", ");
            describe_pin(b, inst, f);
        }
        if (count_marked(mask, inst->horizon.length) == 0)
            pli_buf_puts(b, ") leave no active period for ");
        else
            pli_buf_printf(b, ") leave runs of %s %s, which can hold at most %d of ",
                          runs.data ? runs.data : "", unit_word(inst, 2), can);
        need_phrase(b, inst, u->r, u->need, u->bmin);
    }
    pli_buf_free(&runs);
    return hit;
}

/* The last period the schedule places t in q, or -1. */
static int last_in(const pl_why *w, int t, int q)
{
    for (int p = w->L - 1; p >= 0; p--)
        if (w->rot[(size_t)t * w->L + p] == q)
            return p;
    return -1;
}

/* An `after` rule: r may only follow its rotations q. */
static bool after(const unmet_ctx *u, pl_buf *b)
{
    const pl_instance *inst = u->w->inst;
    const pl_rule *rule = &u->tr->rules[u->r];
    int latest = -1, q_latest = -1;
    for (int i = 0; i < rule->n_after; i++) {
        int q = rule->after[i];
        int last = last_in(u->w, u->t, q);
        bool before = u->tr->completed[q] > 0 || u->tr->previous.rotation == q;
        if (last < 0 && !before) {
            pli_buf_printf(b, "%s must come after %s, which %s is never placed in and "
                             "has not completed",
                          inst->rotations[u->r].id, inst->rotations[q].id, u->tr->id);
            return true;
        }
        if (last > latest) {
            latest = last;
            q_latest = q;
        }
    }
    if (q_latest < 0)
        return false;
    bool *mask = u->w->mask;
    unpinned(u, mask);
    for (int p = 0; p <= latest; p++)
        mask[p] = false;
    pl_buf runs = {0};
    int can = holdable(inst, mask, u->bmin, u->carried, &runs);
    bool hit = can < u->need;
    if (hit) {
        pli_buf_printf(b, "%s must come after %s, which ends in period %d; ",
                      inst->rotations[u->r].id, inst->rotations[q_latest].id, latest);
        if (count_marked(mask, inst->horizon.length) == 0)
            pli_buf_printf(b, "%s has no active period after that for ", u->tr->id);
        else
            pli_buf_printf(b, "the active runs after that (%s %s) can hold at most %d of ",
                          runs.data ? runs.data : "", unit_word(inst, 2), can);
        need_phrase(b, inst, u->r, u->need, u->bmin);
    }
    pli_buf_free(&runs);
    return hit;
}

/* The periods r could use: unpinned active periods after its `after`
 * rotations, not taken by another placement (r's own count).  Into mask. */
/* Whether t's placement in rotation q is one it needs: q has a min, is in
 * a choice, or (pins are taken out by unpinned()).  A placement it does not
 * need (no min, no choice) could give way, so it does not bind. */
static bool needed(const pl_trainee *tr, int q)
{
    int c;
    return tr->rules[q].min > 0 || in_choice(tr, q, &c);
}

static void usable_for_r(const unmet_ctx *u, bool *mask, bool free_only)
{
    const pl_why *w = u->w;
    unpinned(u, mask);
    const pl_rule *rule = &u->tr->rules[u->r];
    for (int i = 0; i < rule->n_after; i++) {
        int last = last_in(w, u->t, rule->after[i]);
        for (int p = 0; p <= last; p++)
            mask[p] = false;
    }
    for (int p = 0; p < w->L; p++) {
        int q = w->rot[(size_t)u->t * w->L + p];
        if (q >= 0 && (q == u->r ? free_only : needed(u->tr, q)))
            mask[p] = false;
    }
}

/* Other placements it needs take the time: name them with what binds each
 * (a choice, a pin, the rule's min). */
static bool taken(const unmet_ctx *u, pl_buf *b)
{
    const pl_instance *inst = u->w->inst;
    const pl_why *w = u->w;
    bool *mask = u->w->mask;
    usable_for_r(u, mask, false);
    if (holdable(inst, mask, u->bmin, u->carried, NULL) >= u->need)
        return false;
    pli_buf_printf(b, "%s's other placements take the periods it would need: ", u->tr->id);
    int n = 0;
    for (int q = 0; q < w->R; q++) {
        if (q == u->r)
            continue;
        int periods = 0;
        bool pinned = false;
        for (int p = 0; p < w->L; p++)
            if (w->rot[(size_t)u->t * w->L + p] == q) {
                periods++;
                for (int i = 0; i < u->tr->n_fixed && !pinned; i++) {
                    const pl_fixed *f = &u->tr->fixed[i];
                    pinned = p >= f->from && p <= f->to && pin_excludes(inst, u->t, f, u->r);
                }
            }
        if (!periods || (!pinned && !needed(u->tr, q)))
            continue;
        pli_buf_printf(b, "%s%s %d", n++ ? ", " : "", inst->rotations[q].id, periods);
        int c;
        if (pinned)
            pli_buf_puts(b, " (pinned)");
        else if (in_choice(u->tr, q, &c)) {
            const pl_choice *ch = &u->tr->choices[c];
            pli_buf_printf(b, " (its choice of %d of ", ch->pick);
            for (int j = 0; j < ch->n_rotations; j++)
                pli_buf_printf(b, "%s%s", j ? ", " : "", inst->rotations[ch->rotations[j]].id);
            pli_buf_puts(b, ")");
        } else if (u->tr->rules[q].min > 0) {
            int before = u->tr->completed[q] +
                         (u->tr->previous.rotation == q ? u->tr->previous.periods : 0);
            pli_buf_printf(b, " (min %d", u->tr->rules[q].min);
            if (before)
                pli_buf_printf(b, ", %d done before", before);
            pli_buf_puts(b, ")");
        }
    }
    /* the after rule's limit, when it cuts the time too */
    const pl_rule *rule = &u->tr->rules[u->r];
    int latest = -1, q_latest = -1;
    for (int i = 0; i < rule->n_after; i++) {
        int last = last_in(w, u->t, rule->after[i]);
        if (last > latest) {
            latest = last;
            q_latest = rule->after[i];
        }
    }
    if (q_latest >= 0)
        pli_buf_printf(b, "; what is left after %s ends in period %d can hold at most ",
                      inst->rotations[q_latest].id, latest);
    else
        pli_buf_puts(b, "; what is left can hold at most ");
    pli_buf_printf(b, "%d of ", holdable(inst, mask, u->bmin, u->carried, NULL));
    need_phrase(b, inst, u->r, u->need, u->bmin);
    return true;
}

typedef enum room { ROOM_YES, ROOM_CLOSED, ROOM_FULL, ROOM_NO_SUPERVISOR,
                    ROOM_SUPERVISORS_BUSY } room;

/* Whether site s could take trainee t in rotation r in period p beside the
 * schedule's placements. */
static room room_at(const pl_why *w, int t, int s, int r, int p, int *have, int *cap)
{
    const pl_instance *inst = w->inst;
    *cap = pl_cap_max(inst, s, r, p);
    *have = w->count[((size_t)s * w->R + r) * w->L + p];
    if (*cap <= 0)
        return ROOM_CLOSED;
    if (*have >= *cap)
        return ROOM_FULL;
    int g = inst->trainees[t].program;
    bool any = false, spare = false;
    for (int i = w->site_first[s]; i < w->site_first[s + 1]; i++) {
        int v = w->by_site[i];
        const pl_supervisor *sv = &inst->supervisors[v];
        if (!sv->rotations[r] || !sv->programs[g] || !sv->available[p])
            continue;
        any = true;
        spare |= w->load[(size_t)v * w->L + p] < sv->max_trainees;
    }
    if (!any)
        return ROOM_NO_SUPERVISOR;
    return spare ? ROOM_YES : ROOM_SUPERVISORS_BUSY;
}

static const char *room_words(room k)
{
    switch (k) {
    case ROOM_CLOSED: return "is closed";
    case ROOM_FULL: return "is full";
    case ROOM_NO_SUPERVISOR: return "has no qualified supervisor available";
    case ROOM_SUPERVISORS_BUSY: return "has its qualified supervisors fully booked";
    case ROOM_YES: break;
    }
    return "has room";
}

/* In the free periods: which eligible sites have room.  Names the binding
 * sites and periods when none has; when some has but the free stretches
 * with room are too short, says that. */
static bool capacity(const unmet_ctx *u, pl_buf *b)
{
    const pl_instance *inst = u->w->inst;
    const pl_why *w = u->w;
    bool *free_ = w->mask, *roomy = w->mask2;
    usable_for_r(u, free_, true);
    int L = w->L;
    if (count_marked(free_, L) == 0)
        return false;
    memset(roomy, 0, (size_t)L);
    for (int p = 0; p < L; p++) {
        if (!free_[p])
            continue;
        for (int s = 0; s < inst->n_sites && !roomy[p]; s++) {
            int have, cap;
            if (pli_eligible_static_any(inst, u->t, s, u->r) &&
                room_at(w, u->t, s, u->r, p, &have, &cap) == ROOM_YES)
                roomy[p] = true;
        }
    }
    if (count_marked(roomy, L) == 0) {
        pli_buf_printf(b, "in %s's free ", u->tr->id);
        periods_phrase(b, free_, L);
        pli_buf_puts(b, " no eligible site has room: ");
        int named = 0, more = 0;
        for (int s = 0; s < inst->n_sites; s++) {
            if (!pli_eligible_static_any(inst, u->t, s, u->r))
                continue;
            if (named == 3) {
                more++;
                continue;
            }
            /* the site's reason in each free period, grouped by reason */
            pli_buf_printf(b, "%s%s", named++ ? "; " : "", inst->sites[s].id);
            bool firstk = true;
            for (int k = ROOM_CLOSED; k <= ROOM_SUPERVISORS_BUSY; k++) {
                memset(roomy, 0, (size_t)L);
                int have = 0, cap = 0, h, c;
                for (int p = 0; p < L; p++)
                    if (free_[p] && room_at(w, u->t, s, u->r, p, &h, &c) == (room)k) {
                        roomy[p] = true;
                        if (!have) {
                            have = h;
                            cap = c;
                        }
                    }
                if (!count_marked(roomy, L))
                    continue;
                pli_buf_printf(b, "%s %s", firstk ? "" : " and", room_words((room)k));
                if (k == ROOM_FULL)
                    pli_buf_printf(b, " (%d of %d)", have, cap);
                pli_buf_puts(b, " in ");
                periods_phrase(b, roomy, L);
                firstk = false;
            }
        }
        if (more)
            pli_buf_printf(b, "; and %d more site%s", more, more == 1 ? "" : "s");
        return true;
    }
    /* room somewhere: with r's own periods, can the roomy stretches hold
     * the blocks? */
    for (int p = 0; p < L; p++)
        roomy[p] |= w->rot[(size_t)u->t * L + p] == u->r;
    pl_buf runs = {0};
    int can = holdable(inst, roomy, u->bmin, u->carried, &runs);
    bool hit = can < u->need;
    if (hit) {
        pli_buf_printf(b, "where an eligible site has room, %s's free periods (with its "
                         "%s periods) come in runs of %s %s, which can hold at most %d of ",
                      u->tr->id, inst->rotations[u->r].id, runs.data ? runs.data : "",
                      unit_word(inst, 2), can);
        need_phrase(b, inst, u->r, u->need, u->bmin);
    }
    pli_buf_free(&runs);
    return hit;
}

char *pli_why_unmet(pl_why *w, const pl_unmet_row *row, pl_status *status)
{
    const pl_instance *inst = w->inst;
    *status = PL_OK;
    if (row->t < 0 || row->r < 0 || row->t >= w->T || row->r >= w->R)
        return NULL;
    unmet_ctx u = {.w = w, .t = row->t, .r = row->r, .tr = &inst->trainees[row->t]};
    const pl_rule *rule = &u.tr->rules[u.r];
    int done = u.tr->completed[u.r] +
               (u.tr->previous.rotation == u.r ? u.tr->previous.periods : 0);
    u.need = rule->min - done;
    u.bmin = rule->block_min;
    u.carried = u.tr->previous.rotation == u.r ? u.tr->previous.periods : 0;
    if (u.need < row->missing)
        u.need = row->missing;
    pl_buf b = {0};
    static bool (*const kinds[])(const unmet_ctx *, pl_buf *) = {
        no_site, active_runs, pins, after, taken, capacity};
    bool said = false;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0] && !said; k++)
        said = kinds[k](&u, &b);
    if (!said)
        pli_buf_printf(&b, "an eligible site has room in %s's free periods, but placing it "
                          "there for %s would break another of its rules (block_max, "
                          "max_per_site, order) or cost more elsewhere",
                      u.tr->id, inst->rotations[u.r].id);
    if (!said && w->sched->status == PL_RESULT_FEASIBLE)
        pli_buf_puts(&b, "; this schedule is not proven optimal, so a longer solve may "
                        "place it");
    if (b.failed || !b.data) {
        pli_buf_free(&b);
        *status = PL_ERR_NOMEM;
        return NULL;
    }
    return b.data;
}

/* ---- understaffed sites ------------------------------------------------------ */

char *pli_why_understaffed(pl_why *w, const pl_span_row *row, pl_status *status)
{
    const pl_instance *inst = w->inst;
    *status = PL_OK;
    int s = row->s, r = row->r, p = row->from;
    if (s < 0 || r < 0 || s >= inst->n_sites || r >= w->R || p < 0 || p >= w->L)
        return NULL;
    const char *sid = inst->sites[s].id, *rid = inst->rotations[r].id;
    pl_buf b = {0};
    int want = pl_cap_min(inst, s, r, p), cap = pl_cap_max(inst, s, r, p);
    if (want > cap)
        want = cap;
    char when[48];
    if (row->from == row->to)
        snprintf(when, sizeof when, "period %d", row->from);
    else
        snprintf(when, sizeof when, "periods %d-%d", row->from, row->to);
    /* trainees who may work there in p: active, eligible */
    int eligible = 0, active = 0, elsewhere = 0, free_ = 0;
    for (int t = 0; t < w->T; t++) {
        if (!pli_eligible_static_any(inst, t, s, r))
            continue;
        eligible++;
        if (!inst->trainees[t].active[p])
            continue;
        active++;
        int at = w->site[(size_t)t * w->L + p];
        if (at < 0)
            free_++;
        else if (at != s || w->rot[(size_t)t * w->L + p] != r)
            elsewhere++;
    }
    /* supervisors at s covering r, available in p */
    long sup_cap = 0;
    int sups = 0;
    for (int i = w->site_first[s]; i < w->site_first[s + 1]; i++) {
        const pl_supervisor *sv = &inst->supervisors[w->by_site[i]];
        if (sv->rotations[r] && sv->available[p]) {
            sups++;
            sup_cap += sv->max_trainees;
        }
    }
    if (eligible == 0) {
        pli_buf_printf(&b, "no trainee may work at %s in %s (their requirements, the "
                          "rule's sites, at_home or areas)", sid, rid);
    } else if (active == 0 && eligible == 1) {
        pli_buf_printf(&b, "the only trainee who may work at %s in %s is not active in %s",
                      sid, rid, when);
    } else if (active == 0) {
        pli_buf_printf(&b, "none of the %d trainees who may work at %s in %s is active in %s",
                      eligible, sid, rid, when);
    } else if (active < want) {
        pli_buf_printf(&b, "only %d trainee%s who may work at %s in %s %s active in period %d "
                          "(",
                      active, active == 1 ? "" : "s", sid, rid, active == 1 ? "is" : "are", p);
        int n = 0;
        for (int t = 0; t < w->T && n < 3; t++)
            if (inst->trainees[t].active[p] && pli_eligible_static_any(inst, t, s, r))
                pli_buf_printf(&b, "%s%s", n++ ? ", " : "", inst->trainees[t].id);
        if (active > n)
            pli_buf_printf(&b, " and %d more", active - n);
        pli_buf_printf(&b, "), the minimum is %d", want);
    } else if (sups == 0) {
        pli_buf_printf(&b, "no supervisor at %s who covers %s is available in %s", sid, rid,
                      when);
    } else if (sup_cap < want) {
        pli_buf_printf(&b, "the supervisors at %s who cover %s and are available in %s take "
                          "at most %ld trainee%s together (max_trainees), the minimum is %d",
                      sid, rid, when, sup_cap, sup_cap == 1 ? "" : "s", want);
    } else if (free_ == 0) {
        pli_buf_printf(&b, "%d of the %d trainee%s who may work at %s in %s and %s active in "
                          "period %d %s placed elsewhere then: ",
                      elsewhere, active, active == 1 ? "" : "s", sid, rid,
                      active == 1 ? "is" : "are", p, elsewhere == 1 ? "is" : "are");
        int n = 0;
        for (int t = 0; t < w->T && n < 3; t++) {
            int at = w->site[(size_t)t * w->L + p], q = w->rot[(size_t)t * w->L + p];
            if (at < 0 || (at == s && q == r) || !inst->trainees[t].active[p] ||
                !pli_eligible_static_any(inst, t, s, r))
                continue;
            pli_buf_printf(&b, "%s%s at %s in %s", n++ ? ", " : "", inst->trainees[t].id,
                          inst->sites[at].id, inst->rotations[q].id);
        }
        if (elsewhere > n)
            pli_buf_printf(&b, " and %d more", elsewhere - n);
    } else {
        pli_buf_printf(&b, "%d trainee%s who may work at %s in %s %s free in period %d but "
                          "placing %s there would break %s rules (blocks, max, order) or "
                          "cost more than the %s",
                      free_, free_ == 1 ? "" : "s", sid, rid, free_ == 1 ? "is" : "are", p,
                      free_ == 1 ? "it" : "them", free_ == 1 ? "its" : "their",
                      "understaffing");
    }
    if (b.failed || !b.data) {
        pli_buf_free(&b);
        *status = PL_ERR_NOMEM;
        return NULL;
    }
    return b.data;
}

/* ---- the public entry -------------------------------------------------------- */

pl_status pl_schedule_explain(const pl_instance *inst, pl_schedule *sched)
{
    pl_status status = PL_OK;
    pl_why *w = NULL;
    if (!inst || !sched)
        return PL_ERR_USAGE;
    PL_TRY(pli_why_new(inst, sched, &w));
    for (size_t i = 0; i < sched->n_unmet; i++) {
        free(sched->unmet[i].why);
        sched->unmet[i].why = pli_why_unmet(w, &sched->unmet[i], &status);
        PL_TRY(status);
    }
    for (size_t i = 0; i < sched->n_understaffed; i++) {
        free(sched->understaffed[i].why);
        sched->understaffed[i].why = pli_why_understaffed(w, &sched->understaffed[i], &status);
        PL_TRY(status);
    }
cleanup:
    pli_why_free(w);
    return status;
}
