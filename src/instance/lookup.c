/*
 * lookup.c — open-addressing hash maps from ids to indices, so that an
 * instance with 100k trainees resolves every reference in constant time.
 * Instances built by hand (index == NULL) fall back to a linear search.
 */
#include "instance/lookup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a, cut to the 32 bits kept in a slot. */
static unsigned hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (unsigned)(h ^ (h >> 32));
}

/* Room for `count` keys at a load of at most one half. */
static pl_status reserve(pl_strmap *m, size_t count)
{
    size_t cap = m->cap ? m->cap : 16;
    while (count * 2 > cap)
        cap *= 2;
    if (cap == m->cap)
        return PL_OK;
    pl_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return PL_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = m->slots[i].hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return PL_OK;
}

pl_status pli_strmap_put(pl_strmap *m, const char *key, int value)
{
    if (reserve(m, m->count + 1) != PL_OK)
        return PL_ERR_NOMEM;
    unsigned h = hash(key);
    size_t j = h & (m->cap - 1);
    while (m->slots[j].key) {
        if (m->slots[j].hash == h && !strcmp(m->slots[j].key, key)) {
            m->slots[j].value = value;
            return PL_OK;
        }
        j = (j + 1) & (m->cap - 1);
    }
    m->slots[j].key = key;
    m->slots[j].hash = h;
    m->slots[j].value = value;
    m->count++;
    return PL_OK;
}

int pli_strmap_get(const pl_strmap *m, const char *key)
{
    if (!m->cap || !key)
        return -1;
    unsigned h = hash(key);
    size_t j = h & (m->cap - 1);
    while (m->slots[j].key) {
        if (m->slots[j].hash == h && !strcmp(m->slots[j].key, key))
            return m->slots[j].value;
        j = (j + 1) & (m->cap - 1);
    }
    return -1;
}

void pli_strmap_free(pl_strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}

void pli_instance_index_free(struct pl_instance_index *ix)
{
    if (!ix)
        return;
    pli_strmap_free(&ix->rotations);
    pli_strmap_free(&ix->sites);
    pli_strmap_free(&ix->supervisors);
    pli_strmap_free(&ix->programs);
    pli_strmap_free(&ix->trainees);
    free(ix);
}

#define FILL(map, arr, n)                                                    \
    if (reserve(&ix->map, (size_t)((n) > 0 ? (n) : 0)) != PL_OK)             \
        goto nomem;                                                          \
    for (int i = 0; i < (n); i++)                                            \
        if ((arr)[i].id && pli_strmap_put(&ix->map, (arr)[i].id, i) != PL_OK) \
            goto nomem;

pl_status pli_instance_build_index(pl_instance *inst)
{
    struct pl_instance_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return PL_ERR_NOMEM;
    FILL(rotations, inst->rotations, inst->n_rotations)
    FILL(sites, inst->sites, inst->n_sites)
    FILL(supervisors, inst->supervisors, inst->n_supervisors)
    FILL(programs, inst->programs, inst->n_programs)
    FILL(trainees, inst->trainees, inst->n_trainees)
    pli_instance_index_free(inst->index);
    inst->index = ix;
    return PL_OK;
nomem:
    pli_instance_index_free(ix);
    return PL_ERR_NOMEM;
}

#define LOOKUP(fn, map, arr, n)                                              \
    int fn(const pl_instance *inst, const char *id)                          \
    {                                                                        \
        if (!inst || !id)                                                    \
            return -1;                                                       \
        if (inst->index)                                                     \
            return pli_strmap_get(&inst->index->map, id);                     \
        for (int i = 0; i < inst->n; i++)                                    \
            if (inst->arr[i].id && !strcmp(inst->arr[i].id, id))             \
                return i;                                                    \
        return -1;                                                           \
    }

LOOKUP(pli_instance_rotation_index, rotations, rotations, n_rotations)
LOOKUP(pli_instance_site_index, sites, sites, n_sites)
LOOKUP(pli_instance_supervisor_index, supervisors, supervisors, n_supervisors)
LOOKUP(pli_instance_program_index, programs, programs, n_programs)
LOOKUP(pli_instance_trainee_index, trainees, trainees, n_trainees)

const char *pli_trainee_label(const pl_instance *inst, int t)
{
    if (!inst || t < 0 || t >= inst->n_trainees)
        return "?";
    const pl_trainee *tr = &inst->trainees[t];
    return tr->name && tr->name[0] ? tr->name : tr->id;
}

const char *pli_supervisor_label(const pl_instance *inst, int v)
{
    if (!inst || v < 0 || v >= inst->n_supervisors)
        return "?";
    const pl_supervisor *u = &inst->supervisors[v];
    return u->name && u->name[0] ? u->name : u->id;
}
