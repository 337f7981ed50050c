/*
 * validate_rules.c — requirement rules and choices (format.md §2.5), shared
 * by programs and by trainees' overrides (§2.6, 3.9.14, 3.9.20).
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"

void pli_rule_defaults(pl_rule *r)
{
    r->present = false;
    r->min = 0;
    r->max = PL_UNLIMITED;
    r->block_min = 1;
    r->block_max = PL_UNLIMITED;
    r->sites = NULL;
    r->at_home = false;
    r->after = NULL;
    r->n_after = 0;
}

pl_status pli_rule_copy(pl_rule *dst, const pl_rule *src, int n_sites)
{
    *dst = *src;
    dst->sites = NULL;
    dst->after = NULL;
    if (src->sites) {
        dst->sites = malloc((size_t)n_sites + 1);
        if (!dst->sites)
            goto nomem;
        memcpy(dst->sites, src->sites, (size_t)n_sites * sizeof(bool));
    }
    if (src->n_after) {
        dst->after = malloc((size_t)src->n_after * sizeof *dst->after);
        if (!dst->after)
            goto nomem;
        memcpy(dst->after, src->after, (size_t)src->n_after * sizeof *dst->after);
    }
    return PL_OK;
nomem:
    pli_rule_release(dst);
    return PL_ERR_NOMEM;
}

static bool is_null(pl_loader *L, json_t *x, bool allow_null)
{
    (void)L;
    return allow_null && json_is_null(x);
}

void pli_vrule_fields(pl_loader *L, json_t *obj, pl_rule *r, int rotation,
                     bool allow_null)
{
    static const char *const keys[] = {"min", "max", "block_min", "block_max",
                                       "sites", "at_home", "after", NULL};
    pl_jctx *c = &L->j;
    pl_instance *inst = L->inst;
    pl_rule d;
    json_t *x;
    pli_rule_defaults(&d);
    if (!pli_jis_object(c, obj, "an object (a requirement rule)"))
        return;
    pli_jcheck_keys(c, obj, keys);
    const char *ints[] = {"min", "max", "block_min", "block_max"};
    int *dst[] = {&r->min, &r->max, &r->block_min, &r->block_max};
    int defs[] = {d.min, d.max, d.block_min, d.block_max};
    int lows[] = {0, 0, 1, 1};
    for (int k = 0; k < 4; k++) {
        if (!(x = json_object_get(obj, ints[k])))
            continue;
        if (is_null(L, x, allow_null))
            *dst[k] = defs[k];
        else
            pli_jfield_int(c, obj, ints[k], lows[k], INT_MAX - 1, dst[k]);
    }
    if ((x = json_object_get(obj, "at_home"))) {
        if (is_null(L, x, allow_null))
            r->at_home = false;
        else
            pli_jfield_bool(c, obj, "at_home", &r->at_home);
    }
    if ((x = json_object_get(obj, "sites"))) {
        free(r->sites);
        r->sites = NULL;
        if (!is_null(L, x, allow_null)) {
            size_t m = pli_jpush(c, "sites");
            bool *mask = calloc((size_t)inst->n_sites + 1, sizeof *mask);
            if (!mask)
                c->fatal = PL_ERR_NOMEM;
            else
                pli_vref_set(L, x, "site", pli_instance_site_index, mask);
            r->sites = mask;
            pli_jpop(c, m);
        }
    }
    if ((x = json_object_get(obj, "after"))) {
        free(r->after);
        r->after = NULL;
        r->n_after = 0;
        if (!is_null(L, x, allow_null)) {
            size_t m = pli_jpush(c, "after");
            bool *mask = calloc((size_t)inst->n_rotations + 1, sizeof *mask);
            if (!mask) {
                c->fatal = PL_ERR_NOMEM;
            } else if (pli_vref_set(L, x, "rotation", pli_instance_rotation_index,
                                   mask)) {
                if (rotation >= 0 && mask[rotation]) {
                    pli_jerror(c, "rotation \"%s\" cannot come after itself",
                              inst->rotations[rotation].id);
                    mask[rotation] = false;
                }
                r->after = malloc(((size_t)inst->n_rotations + 1) * sizeof *r->after);
                if (!r->after)
                    c->fatal = PL_ERR_NOMEM;
                for (int q = 0; r->after && q < inst->n_rotations; q++)
                    if (mask[q])
                        r->after[r->n_after++] = q;
            }
            free(mask);
            pli_jpop(c, m);
        }
    }
}

void pli_vrule_check(pl_loader *L, const pl_rule *r)
{
    if (r->max != PL_UNLIMITED && r->min > r->max)
        pli_jerror(&L->j, "min %d is above max %d", r->min, r->max);
    if (r->block_max != PL_UNLIMITED && r->block_min > r->block_max)
        pli_jerror(&L->j, "block_min %d is above block_max %d", r->block_min,
                  r->block_max);
}

void pli_vchoices(pl_loader *L, json_t *arr, pl_choice **out, int *n_out)
{
    static const char *const keys[] = {"rotations", "pick", NULL};
    pl_jctx *c = &L->j;
    pl_instance *inst = L->inst;
    *out = NULL;
    *n_out = 0;
    if (!pli_jis_array(c, arr, "a list of {\"rotations\", \"pick\"}"))
        return;
    size_t n = json_array_size(arr);
    pl_choice *ch = calloc(n + 1, sizeof *ch);
    if (!ch) {
        c->fatal = PL_ERR_NOMEM;
        return;
    }
    *out = ch;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        size_t m = pli_jpush_index(c, i);
        pl_choice *cc = &ch[(*n_out)++];
        if (!pli_jis_object(c, v, "an object {\"rotations\", \"pick\"}")) {
            pli_jpop(c, m);
            continue;
        }
        pli_jcheck_keys(c, v, keys);
        json_t *rs = json_object_get(v, "rotations");
        bool ok = true;
        if (!rs) {
            pli_jmissing(c, "rotations", "the rotations to choose from");
            ok = false;
        } else {
            size_t m2 = pli_jpush(c, "rotations");
            bool *mask = calloc((size_t)inst->n_rotations + 1, sizeof *mask);
            cc->rotations = malloc(((size_t)inst->n_rotations + 1) * sizeof(int));
            if (!mask || !cc->rotations) {
                c->fatal = PL_ERR_NOMEM;
            } else {
                ok = pli_vref_set(L, rs, "rotation", pli_instance_rotation_index, mask);
                /* keep the order of the file */
                size_t j;
                json_t *e;
                json_array_foreach(rs, j, e) {
                    int q = json_is_string(e)
                                ? pli_instance_rotation_index(inst, json_string_value(e))
                                : -1;
                    if (q >= 0 && mask[q]) {
                        cc->rotations[cc->n_rotations++] = q;
                        mask[q] = false;
                    }
                }
            }
            free(mask);
            pli_jpop(c, m2);
        }
        json_t *pk = json_object_get(v, "pick");
        if (!pk) {
            pli_jmissing(c, "pick", "how many of the rotations are done");
        } else if (ok && rs) {
            size_t m2 = pli_jpush(c, "pick");
            pli_jint(c, pk, 0, cc->n_rotations, &cc->pick);
            pli_jpop(c, m2);
        } else {
            int dummy;
            size_t m2 = pli_jpush(c, "pick");
            pli_jint(c, pk, 0, INT_MAX - 1, &dummy);
            pli_jpop(c, m2);
        }
        pli_jpop(c, m);
    }
}

pl_status pli_choices_copy(pl_choice **dst, int *n_dst, const pl_choice *src, int n)
{
    *dst = calloc((size_t)n + 1, sizeof **dst);
    *n_dst = 0;
    if (!*dst)
        return PL_ERR_NOMEM;
    for (int i = 0; i < n; i++) {
        pl_choice *d = &(*dst)[i];
        d->pick = src[i].pick;
        d->n_rotations = src[i].n_rotations;
        d->rotations = malloc(((size_t)src[i].n_rotations + 1) * sizeof(int));
        if (!d->rotations)
            return PL_ERR_NOMEM;
        if (src[i].n_rotations)
            memcpy(d->rotations, src[i].rotations,
                   (size_t)src[i].n_rotations * sizeof(int));
        *n_dst = i + 1;
    }
    *n_dst = n;
    return PL_OK;
}
