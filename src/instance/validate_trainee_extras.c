/*
 * validate_trainee_extras.c — the parts of a trainee (format.md §2.6) that
 * stand on their own: completed, previous, preferences and fixed pins.
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"
#include "instance/validate_trainee.h"

void pli_vtrainee_completed(pl_loader *L, pl_trainee *t, json_t *obj)
{
    pl_jctx *c = &L->j;
    if (!pli_jis_object(c, obj, "an object: rotation id -> periods done"))
        return;
    const char *rid;
    json_t *v;
    json_object_foreach(obj, rid, v) {
        size_t m = pli_jpush(c, rid);
        int r = pli_instance_rotation_index(L->inst, rid);
        int x;
        if (r < 0) {
            pli_jerror(c, "unknown rotation \"%s\"", rid);
        } else if (pli_jint(c, v, 0, INT_MAX - 1, &x)) {
            t->completed[r] = x;
            const pl_rule *rule = &t->rules[r];
            if (rule->max != PL_UNLIMITED && x > rule->max)
                pli_jerror(c, "%d periods completed is above the rule's max of "
                             "%d for rotation \"%s\"", x, rule->max, rid);
        }
        pli_jpop(c, m);
    }
}

void pli_vtrainee_previous(pl_loader *L, pl_trainee *t, json_t *obj)
{
    static const char *const keys[] = {"site", "rotation", "periods", NULL};
    pl_jctx *c = &L->j;
    if (!pli_jis_object(c, obj, "an object {\"site\", \"rotation\", \"periods\"}"))
        return;
    pli_jcheck_keys(c, obj, keys);
    json_t *x;
    int s = -1, r = -1, n = 0;
    bool ok = true;
    if (!(x = json_object_get(obj, "site"))) {
        pli_jmissing(c, "site", "where the running placement is");
        ok = false;
    } else {
        size_t m = pli_jpush(c, "site");
        s = pli_vref(L, x, "site", pli_instance_site_index);
        pli_jpop(c, m);
    }
    if (!(x = json_object_get(obj, "rotation"))) {
        pli_jmissing(c, "rotation", "the rotation of the running placement");
        ok = false;
    } else {
        size_t m = pli_jpush(c, "rotation");
        r = pli_vref(L, x, "rotation", pli_instance_rotation_index);
        pli_jpop(c, m);
    }
    if (!json_object_get(obj, "periods")) {
        pli_jmissing(c, "periods", "how many periods it has run, >= 1");
        ok = false;
    } else {
        ok = pli_jfield_int(c, obj, "periods", 1, INT_MAX - 1, &n) && ok;
    }
    if (ok && s >= 0 && r >= 0) {
        t->previous.site = s;
        t->previous.rotation = r;
        t->previous.periods = n;
    }
}

static void weights_of(pl_loader *L, json_t *obj, const char *kind,
                       int (*lookup)(const pl_instance *, const char *),
                       double *dst)
{
    pl_jctx *c = &L->j;
    char what[64];
    snprintf(what, sizeof what, "an object: %s id -> number", kind);
    if (!pli_jis_object(c, obj, what))
        return;
    const char *id;
    json_t *v;
    json_object_foreach(obj, id, v) {
        size_t m = pli_jpush(c, id);
        int k = lookup(L->inst, id);
        if (k < 0)
            pli_jerror(c, "unknown %s \"%s\"", kind, id);
        else
            pli_jnumber(c, v, &dst[k]);
        pli_jpop(c, m);
    }
}

void pli_vtrainee_preferences(pl_loader *L, pl_trainee *t, json_t *obj)
{
    static const char *const keys[] = {"sites", "rotations", NULL};
    pl_jctx *c = &L->j;
    if (!pli_jis_object(c, obj, "an object {\"sites\", \"rotations\"}"))
        return;
    pli_jcheck_keys(c, obj, keys);
    json_t *x;
    if ((x = json_object_get(obj, "sites"))) {
        size_t m = pli_jpush(c, "sites");
        weights_of(L, x, "site", pli_instance_site_index, t->pref_site);
        pli_jpop(c, m);
    }
    if ((x = json_object_get(obj, "rotations"))) {
        size_t m = pli_jpush(c, "rotations");
        weights_of(L, x, "rotation", pli_instance_rotation_index, t->pref_rotation);
        pli_jpop(c, m);
    }
}

void pli_vtrainee_fixed(pl_loader *L, pl_trainee *t, json_t *arr)
{
    static const char *const keys[] = {"site", "rotation", "from", "to", NULL};
    pl_jctx *c = &L->j;
    if (!pli_jis_array(c, arr, "a list of pinned placements"))
        return;
    size_t n = json_array_size(arr);
    t->fixed = calloc(n + 1, sizeof *t->fixed);
    if (!t->fixed) {
        c->fatal = PL_ERR_NOMEM;
        return;
    }
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        size_t m = pli_jpush_index(c, i);
        if (!pli_jis_object(c, v, "an object {\"site\", \"rotation\", \"from\", \"to\"}")) {
            pli_jpop(c, m);
            continue;
        }
        pli_jcheck_keys(c, v, keys);
        pl_fixed f = {-1, -1, 0, 0};
        bool ok = true;
        json_t *x;
        if ((x = json_object_get(v, "site"))) {
            size_t m2 = pli_jpush(c, "site");
            ok = (f.site = pli_vref(L, x, "site", pli_instance_site_index)) >= 0 && ok;
            pli_jpop(c, m2);
        }
        if ((x = json_object_get(v, "rotation"))) {
            size_t m2 = pli_jpush(c, "rotation");
            ok = (f.rotation = pli_vref(L, x, "rotation",
                                       pli_instance_rotation_index)) >= 0 && ok;
            pli_jpop(c, m2);
        }
        if (!(x = json_object_get(v, "from"))) {
            pli_jmissing(c, "from", "the first pinned period");
            ok = false;
        } else {
            size_t m2 = pli_jpush(c, "from");
            ok = pli_vtime_inside(L, x, &f.from) && ok;
            pli_jpop(c, m2);
        }
        f.to = f.from;
        if ((x = json_object_get(v, "to"))) {
            size_t m2 = pli_jpush(c, "to");
            ok = pli_vtime_inside(L, x, &f.to) && ok;
            pli_jpop(c, m2);
        }
        if (ok && f.from > f.to) {
            pli_jerror(c, "\"from\" is after \"to\" (period %d > period %d)",
                      f.from, f.to);
            ok = false;
        }
        if (ok)
            t->fixed[t->n_fixed++] = f;
        pli_jpop(c, m);
    }
}
