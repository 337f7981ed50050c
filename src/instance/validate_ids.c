/*
 * validate_ids.c — the first pass over the collections: every id of
 * rotations, sites, supervisors, programs and trainees is checked, given
 * its index (the order of the file) and hashed, so that references can be
 * resolved in any order.  Also the helpers that resolve references and the
 * interning of area names.
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"
#include "util/strutil.h"

/* Allocate `n` zeroed items of `size` bytes and copy the keys of `obj` into
 * the `char *id` that each item begins with. */
static void *collect(pl_loader *L, json_t *root, const char *key, size_t size,
                     int *n_out, unsigned bit)
{
    pl_jctx *c = &L->j;
    json_t *obj = json_object_get(root, key);
    char b[96];
    *n_out = 0;
    if (!obj)
        return NULL;
    size_t m = pli_jpush(c, key);
    if (!json_is_object(obj)) {
        pli_jerror(c, "must be an object keyed by id, got %s", pli_jdescribe(obj, b));
        L->broken |= bit;
        pli_jpop(c, m);
        return NULL;
    }
    size_t n = json_object_size(obj);
    char *items = n ? calloc(n, size) : NULL;
    if (n && !items) {
        c->fatal = PL_ERR_NOMEM;
        pli_jpop(c, m);
        return NULL;
    }
    const char *id;
    json_t *v;
    size_t i = 0;
    json_object_foreach(obj, id, v) {
        char **slot = (char **)(void *)(items + i * size);
        if (!(*slot = pli_strdup(id)))
            c->fatal = PL_ERR_NOMEM;
        if (!pli_valid_id(id)) {
            size_t m2 = pli_jpush(c, id);
            pli_jerror(c, "bad id \"%s\": an id is 1 to 64 characters from "
                         "A-Z a-z 0-9 . _ -", id);
            pli_jpop(c, m2);
        }
        i++;
    }
    *n_out = (int)n;
    pli_jpop(c, m);
    return items;
}

void pli_collect_ids(pl_loader *L, json_t *root)
{
    pl_instance *inst = L->inst;
    inst->rotations = collect(L, root, "rotations", sizeof(pl_rotation),
                              &inst->n_rotations, PL_COLL_ROTATIONS);
    inst->sites = collect(L, root, "sites", sizeof(pl_site), &inst->n_sites, PL_COLL_SITES);
    inst->supervisors = collect(L, root, "supervisors", sizeof(pl_supervisor),
                                &inst->n_supervisors, PL_COLL_SUPERVISORS);
    inst->programs = collect(L, root, "programs", sizeof(pl_program),
                             &inst->n_programs, PL_COLL_PROGRAMS);
    inst->trainees = collect(L, root, "trainees", sizeof(pl_trainee),
                             &inst->n_trainees, PL_COLL_TRAINEES);
    if (L->j.fatal == PL_OK && pli_instance_build_index(inst) != PL_OK)
        L->j.fatal = PL_ERR_NOMEM;
}

int pli_vref(pl_loader *L, const json_t *v, const char *kind,
            int (*lookup)(const pl_instance *, const char *))
{
    char b[96];
    if (!json_is_string(v)) {
        pli_jerror(&L->j, "must be a %s id (a string), got %s", kind,
                  pli_jdescribe(v, b));
        return -1;
    }
    int i = lookup(L->inst, json_string_value(v));
    /* no cascade of "unknown" errors into a collection already reported */
    unsigned bit = lookup == pli_instance_rotation_index     ? PL_COLL_ROTATIONS
                   : lookup == pli_instance_site_index       ? PL_COLL_SITES
                   : lookup == pli_instance_supervisor_index ? PL_COLL_SUPERVISORS
                   : lookup == pli_instance_program_index    ? PL_COLL_PROGRAMS
                                                            : PL_COLL_TRAINEES;
    if (i < 0 && (L->broken & bit))
        L->j.errors++;
    else if (i < 0)
        pli_jerror(&L->j, "unknown %s %s", kind, pli_jdescribe(v, b));
    return i;
}

bool pli_vref_set(pl_loader *L, json_t *arr, const char *kind,
                 int (*lookup)(const pl_instance *, const char *), bool *mask)
{
    pl_jctx *c = &L->j;
    char what[64], b[96];
    snprintf(what, sizeof what, "a list of %s ids", kind);
    if (!pli_jis_array(c, arr, what))
        return false;
    bool ok = true;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        size_t m = pli_jpush_index(c, i);
        int k = pli_vref(L, v, kind, lookup);
        if (k < 0) {
            ok = false;
        } else if (mask[k]) {
            pli_jerror(c, "%s %s is listed twice", kind, pli_jdescribe(v, b));
            ok = false;
        } else {
            mask[k] = true;
        }
        pli_jpop(c, m);
    }
    return ok;
}

int pli_intern_area(pl_loader *L, const char *name)
{
    pl_instance *inst = L->inst;
    int k = pli_strmap_get(&L->areas, name);
    if (k >= 0)
        return k;
    if (inst->n_areas == L->areas_cap) {
        int cap = L->areas_cap ? L->areas_cap * 2 : 8;
        char **a = realloc(inst->areas, (size_t)cap * sizeof *a);
        if (!a) {
            L->j.fatal = PL_ERR_NOMEM;
            return -1;
        }
        inst->areas = a;
        L->areas_cap = cap;
    }
    char *copy = pli_strdup(name);
    if (!copy) {
        L->j.fatal = PL_ERR_NOMEM;
        return -1;
    }
    k = inst->n_areas;
    inst->areas[inst->n_areas++] = copy;
    if (pli_strmap_put(&L->areas, copy, k) != PL_OK)
        L->j.fatal = PL_ERR_NOMEM;
    return k;
}
