/*
 * validate_weights.c — the weights of format.md §2.9 (top level and per
 * trainee) and the `allocation` section.
 *
 * Documented choice: negative `unmet`, `understaffed`, `site_change` and
 * `fairness` are rejected.  These terms are penalties that the model
 * linearizes as maxima (shortfalls, changes, the largest cost); a negative
 * weight would turn them into rewards the linearization cannot express.
 */
#include <stddef.h>
#include <string.h>

#include "instance/validate.h"

void pli_weights_defaults(pl_weights *w)
{
    w->unmet = 1000;
    w->unassigned = 100;
    w->understaffed = 1000;
    w->idle = 0;
    w->site_change = 0;
    w->preference = 1;
    w->priority = 1;
    w->change = 10;
    w->fairness = 0;
    w->unallocated = 10000;
    w->rank = 10;
    w->no_mentor = 1000;
}

typedef struct weight_field {
    const char *key;
    size_t offset;
    bool nonnegative;
    bool top_only;
} weight_field;

static const weight_field fields[] = {
    {"unmet", offsetof(pl_weights, unmet), true, false},
    {"unassigned", offsetof(pl_weights, unassigned), false, false},
    {"understaffed", offsetof(pl_weights, understaffed), true, true},
    {"idle", offsetof(pl_weights, idle), false, false},
    {"site_change", offsetof(pl_weights, site_change), true, false},
    {"preference", offsetof(pl_weights, preference), false, false},
    {"priority", offsetof(pl_weights, priority), false, true},
    {"change", offsetof(pl_weights, change), false, false},
    {"fairness", offsetof(pl_weights, fairness), true, true},
    {"unallocated", offsetof(pl_weights, unallocated), false, false},
    {"rank", offsetof(pl_weights, rank), false, false},
    {"no_mentor", offsetof(pl_weights, no_mentor), false, false},
};

void pli_validate_weights(pl_loader *L, json_t *w, pl_weights *out, bool trainee)
{
    pl_jctx *c = &L->j;
    const char *key;
    json_t *v;
    if (!pli_jis_object(c, w, "an object of weights"))
        return;
    json_object_foreach(w, key, v) {
        if (!strncmp(key, "x-", 2) || !strcmp(key, "$comment"))
            continue;
        const weight_field *f = NULL;
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            if (!strcmp(fields[i].key, key))
                f = &fields[i];
        size_t m = pli_jpush(c, key);
        double x;
        if (!f) {
            pli_jerror(c, "unknown weight \"%s\" (expected one of: unmet, "
                         "unassigned, understaffed, idle, site_change, "
                         "preference, priority, change, fairness, unallocated, "
                         "rank, no_mentor)", key);
        } else if (trainee && f->top_only) {
            pli_jerror(c, "\"%s\" is a top-level weight only; it cannot be set "
                         "per trainee", key);
        } else if (pli_jnumber(c, v, &x)) {
            if (f->nonnegative && x < 0)
                pli_jerror(c, "must be >= 0, got %g: %s is a penalty and "
                             "cannot be a reward", x, key);
            else
                *(double *)((char *)out + f->offset) = x;
        }
        pli_jpop(c, m);
    }
}

void pli_validate_allocation(pl_loader *L, json_t *a)
{
    static const char *const keys[] = {"stable", NULL};
    if (!pli_jis_object(&L->j, a, "an object"))
        return;
    pli_jcheck_keys(&L->j, a, keys);
    pli_jfield_bool(&L->j, a, "stable", &L->inst->stable);
}
