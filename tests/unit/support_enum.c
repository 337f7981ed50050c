/*
 * support_enum.c — brute-force optimum of a tiny instance (see support_enum.h).
 *
 * Step 1: for each trainee, list every candidate (home, main supervisor,
 * placement in each period) and keep those that pl_check accepts when the
 * trainee is alone in the instance.  Step 2: depth-first over trainees,
 * combine candidates; after each trainee is added, pl_check the first k
 * trainees (violations only) and cut the branch on any; at full depth
 * pl_check the whole instance with the reference and keep the least cost.
 */
#include "support_enum.h"

#include <stdlib.h>
#include <string.h>

typedef struct enum_cand {
    int home, mentor;
    bool allocated;
    int *site, *rotation; /* [length] */
} enum_cand;

typedef struct enum_list {
    enum_cand *items;
    long count, cap;
} enum_list;

typedef struct enum_ctx {
    const pl_instance *inst;
    const pl_schedule *reference;
    int keep_until;       /* with the reference: the kept past (pl_check_with) */
    bool prune;
    int length;
    enum_list *lists;     /* [n_trainees] */
    pl_assignment full;   /* the combination being built */
    double *zeros;        /* [n_trainees] */
    double best_cost;
    bool found;
    pl_schedule *best;
    bool want_best;
    enum_stats *stats;
} enum_ctx;

/* Check `a` against `inst`: *violated when any hard rule is broken, *cost the
 * recomputed cost; when keep is non-NULL the built schedule is handed over. */
static pl_status enum_check(const pl_instance *inst, const pl_assignment *a,
                            const pl_schedule *reference, int keep_until,
                            const double *zeros,
                            enum_stats *stats, bool *violated, double *cost,
                            pl_schedule **keep)
{
    pl_status status = PL_OK;
    pl_schedule *sched = NULL;
    pl_check_report *rep = NULL;
    pl_costs costs;
    memset(&costs, 0, sizeof costs);
    PL_TRY(pli_schedule_from_assignment(inst, a, PL_RESULT_FEASIBLE, &costs,
                                       zeros, 0.0, 0.0, 0.0, &sched));
    pl_check_options o;
    pl_check_options_init(&o);
    o.reference = reference;
    o.keep_until = keep_until;
    PL_TRY(pl_check_with(inst, sched, &o, &rep));
    if (stats)
        stats->checks++;
    *violated = rep->violations.count > 0;
    *cost = rep->cost;
    if (keep && !*violated) {
        *keep = sched;
        sched = NULL;
    }
cleanup:
    pl_check_report_free(rep);
    pl_schedule_free(sched);
    return status;
}

static pl_status enum_push(enum_list *l, const enum_cand *c, int length)
{
    if (l->count == l->cap) {
        long cap = l->cap ? 2 * l->cap : 64;
        enum_cand *n = realloc(l->items, (size_t)cap * sizeof *n);
        if (!n)
            return PL_ERR_NOMEM;
        l->items = n;
        l->cap = cap;
    }
    enum_cand *d = &l->items[l->count];
    *d = *c;
    d->site = malloc((size_t)length * sizeof(int));
    d->rotation = malloc((size_t)length * sizeof(int));
    if (!d->site || !d->rotation) {
        free(d->site);
        free(d->rotation);
        return PL_ERR_NOMEM;
    }
    memcpy(d->site, c->site, (size_t)length * sizeof(int));
    memcpy(d->rotation, c->rotation, (size_t)length * sizeof(int));
    l->count++;
    return PL_OK;
}

static void enum_list_free(enum_list *l)
{
    for (long i = 0; i < l->count; i++) {
        free(l->items[i].site);
        free(l->items[i].rotation);
    }
    free(l->items);
}

/* May the checker be run on part of the instance?  Not when stability or
 * rankings (which name trainees by index) are involved. */
static bool enum_can_prune(const pl_instance *inst)
{
    if (inst->stable)
        return false;
    for (int s = 0; s < inst->n_sites; s++)
        for (int g = 0; g < inst->n_programs; g++)
            if (inst->sites[s].ranking && inst->sites[s].ranking[g])
                return false;
    return true;
}

static void enum_put(pl_assignment *a, int t, const enum_cand *c)
{
    int L = a->length;
    for (int p = 0; p < L; p++) {
        a->site[t * L + p] = c->site[p];
        a->rotation[t * L + p] = c->rotation[p];
        a->supervisor[t * L + p] = -1;
    }
    a->home[t] = c->home;
    a->mentor[t] = c->mentor;
    a->allocated[t] = c->allocated;
}

/* All candidates of trainee t; with pruning, only those pl_check accepts
 * with t alone. */
static pl_status enum_trainee(enum_ctx *ctx, int t)
{
    pl_status status = PL_OK;
    const pl_instance *inst = ctx->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int L = ctx->length;
    int nopt_max = inst->n_sites * inst->n_rotations + 1;
    int *opt_s = calloc((size_t)(L * nopt_max), sizeof(int));
    int *opt_r = calloc((size_t)(L * nopt_max), sizeof(int));
    int *nopt = calloc((size_t)L, sizeof(int));
    int *idx = calloc((size_t)L, sizeof(int));
    int *homes = calloc((size_t)tr->n_home_choices + 2, sizeof(int));
    bool *alloc_of = calloc((size_t)tr->n_home_choices + 2, sizeof(bool));
    int *mentors = calloc((size_t)inst->n_supervisors + 1, sizeof(int));
    enum_cand c = {0};
    c.site = calloc((size_t)L, sizeof(int));
    c.rotation = calloc((size_t)L, sizeof(int));
    pl_assignment one;
    bool one_ok = false;
    memset(&one, 0, sizeof one);
    if (!opt_s || !opt_r || !nopt || !idx || !homes || !alloc_of || !mentors ||
        !c.site || !c.rotation) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(pli_assignment_init(&one, 1, L));
    one_ok = true;

    pl_instance alone = *inst;
    alone.trainees = (pl_trainee *)&inst->trainees[t];
    alone.n_trainees = 1;

    for (int p = 0; p < L; p++) {
        int k = 0;
        opt_s[p * nopt_max + k] = -1;
        opt_r[p * nopt_max + k] = -1;
        k++;
        for (int s = 0; s < inst->n_sites; s++)
            for (int r = 0; r < inst->n_rotations; r++)
                if (tr->rules[r].present && pl_cap_max(inst, s, r, p) > 0) {
                    opt_s[p * nopt_max + k] = s;
                    opt_r[p * nopt_max + k] = r;
                    k++;
                }
        nopt[p] = k;
    }
    int n_homes = 0;
    if (tr->has_home_choices) {
        for (int i = 0; i < tr->n_home_choices; i++) {
            homes[n_homes] = tr->home_choices[i];
            alloc_of[n_homes++] = true;
        }
        homes[n_homes] = -1;
        alloc_of[n_homes++] = false;
    } else {
        homes[n_homes] = tr->home;
        alloc_of[n_homes++] = true;
    }
    int n_mentors = 0;
    mentors[n_mentors++] = -1;
    if (tr->mentor)
        for (int v = 0; v < inst->n_supervisors; v++)
            mentors[n_mentors++] = v;

    double raw = (double)n_homes * n_mentors;
    for (int p = 0; p < L; p++)
        raw *= nopt[p];
    if (raw > (double)ENUM_MAX_CANDIDATES) {
        status = PL_ERR_LIMIT;
        goto cleanup;
    }

    for (int h = 0; h < n_homes; h++) {
        for (int m = 0; m < n_mentors; m++) {
            if (!alloc_of[h] && mentors[m] != -1)
                continue; /* an unallocated trainee has no schedule (2.7) */
            c.home = homes[h];
            c.mentor = mentors[m];
            c.allocated = alloc_of[h];
            memset(idx, 0, (size_t)L * sizeof(int));
            for (;;) {
                for (int p = 0; p < L; p++) {
                    c.site[p] = opt_s[p * nopt_max + idx[p]];
                    c.rotation[p] = opt_r[p * nopt_max + idx[p]];
                }
                bool keep = true;
                if (ctx->prune) {
                    bool violated;
                    double cost;
                    enum_put(&one, 0, &c);
                    PL_TRY(enum_check(&alone, &one, NULL, 0, ctx->zeros, ctx->stats,
                                      &violated, &cost, NULL));
                    keep = !violated;
                }
                if (keep) {
                    PL_TRY(enum_push(&ctx->lists[t], &c, L));
                    if (ctx->stats)
                        ctx->stats->candidates++;
                }
                if (!c.allocated)
                    break; /* nowhere in every period only */
                int p = L - 1;
                while (p >= 0 && ++idx[p] == nopt[p])
                    idx[p--] = 0;
                if (p < 0)
                    break;
            }
        }
    }
cleanup:
    if (one_ok)
        pli_assignment_free(&one);
    free(opt_s);
    free(opt_r);
    free(nopt);
    free(idx);
    free(homes);
    free(alloc_of);
    free(mentors);
    free(c.site);
    free(c.rotation);
    return status;
}

static pl_status enum_combine(enum_ctx *ctx, int k)
{
    pl_status status = PL_OK;
    const pl_instance *inst = ctx->inst;
    int n = inst->n_trainees;
    for (long i = 0; i < ctx->lists[k].count; i++) {
        enum_put(&ctx->full, k, &ctx->lists[k].items[i]);
        bool violated;
        double cost;
        if (k == n - 1) {
            pl_schedule *kept = NULL;
            PL_TRY(enum_check(inst, &ctx->full, ctx->reference, ctx->keep_until, ctx->zeros,
                              ctx->stats, &violated, &cost,
                              ctx->want_best ? &kept : NULL));
            if (ctx->stats) {
                ctx->stats->complete++;
                if (!violated)
                    ctx->stats->feasible++;
            }
            if (!violated && (!ctx->found || cost < ctx->best_cost - 1e-9)) {
                ctx->found = true;
                ctx->best_cost = cost;
                pl_schedule_free(ctx->best);
                ctx->best = kept;
                kept = NULL;
            }
            pl_schedule_free(kept);
            continue;
        }
        if (ctx->prune && k > 0) {
            pl_instance prefix = *inst;
            prefix.n_trainees = k + 1;
            pl_assignment view = ctx->full;
            view.n_trainees = k + 1;
            PL_TRY(enum_check(&prefix, &view, NULL, 0, ctx->zeros, ctx->stats,
                              &violated, &cost, NULL));
            if (violated)
                continue;
        }
        PL_TRY(enum_combine(ctx, k + 1));
    }
cleanup:
    return status;
}

pl_status enum_optimum_ex(const pl_instance *inst, const pl_schedule *reference,
                          bool prune, double *best_cost, pl_schedule **best,
                          enum_stats *stats)
{
    return enum_optimum_kept(inst, reference, 0, prune, best_cost, best, stats);
}

pl_status enum_optimum_kept(const pl_instance *inst, const pl_schedule *reference,
                            int keep_until, bool prune, double *best_cost,
                            pl_schedule **best, enum_stats *stats)
{
    pl_status status = PL_OK;
    enum_ctx ctx;
    bool full_ok = false;
    memset(&ctx, 0, sizeof ctx);
    if (best)
        *best = NULL;
    if (stats)
        memset(stats, 0, sizeof *stats);
    ctx.inst = inst;
    ctx.reference = reference;
    ctx.keep_until = keep_until;
    ctx.prune = prune && enum_can_prune(inst);
    ctx.length = inst->horizon.length;
    ctx.stats = stats;
    ctx.want_best = best != NULL;
    int n = inst->n_trainees;
    ctx.lists = calloc((size_t)n + 1, sizeof *ctx.lists);
    ctx.zeros = calloc((size_t)n + 1, sizeof *ctx.zeros);
    if (!ctx.lists || !ctx.zeros) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(pli_assignment_init(&ctx.full, n, ctx.length));
    full_ok = true;
    for (int t = 0; t < n; t++) {
        PL_TRY(enum_trainee(&ctx, t));
        if (ctx.lists[t].count == 0) {
            status = PL_ERR_INFEASIBLE;
            goto cleanup;
        }
    }
    if (n == 0) {
        bool violated;
        double cost;
        pl_schedule *kept = NULL;
        PL_TRY(enum_check(inst, &ctx.full, reference, keep_until, ctx.zeros, stats,
                          &violated, &cost, best ? &kept : NULL));
        if (!violated) {
            ctx.found = true;
            ctx.best_cost = cost;
            ctx.best = kept;
        }
    } else {
        PL_TRY(enum_combine(&ctx, 0));
    }
    if (!ctx.found) {
        status = PL_ERR_INFEASIBLE;
        goto cleanup;
    }
    *best_cost = ctx.best_cost;
    if (best) {
        *best = ctx.best;
        ctx.best = NULL;
    }
cleanup:
    pl_schedule_free(ctx.best);
    if (ctx.lists)
        for (int t = 0; t < n; t++)
            enum_list_free(&ctx.lists[t]);
    free(ctx.lists);
    free(ctx.zeros);
    if (full_ok)
        pli_assignment_free(&ctx.full);
    return status;
}

double enum_raw_size(const pl_instance *inst)
{
    double total = 1;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        double raw = tr->has_home_choices ? tr->n_home_choices + 1 : 1;
        if (tr->mentor)
            raw *= inst->n_supervisors + 1;
        for (int p = 0; p < inst->horizon.length; p++) {
            int k = 1;
            for (int s = 0; s < inst->n_sites; s++)
                for (int r = 0; r < inst->n_rotations; r++)
                    if (tr->rules[r].present && pl_cap_max(inst, s, r, p) > 0)
                        k++;
            raw *= k;
        }
        total *= raw;
    }
    return total;
}

pl_status enum_optimum(const pl_instance *inst, double *best_cost,
                       pl_schedule **best)
{
    return enum_optimum_ex(inst, NULL, true, best_cost, best, NULL);
}
