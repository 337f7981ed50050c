/*
 * lookup.h — string → index hash maps, used for the id lookups of an
 * instance (pl_instance_*_index) and while loading (areas, ids).
 *
 * A map does not copy its keys: they must outlive it (the instance's ids do).
 */
#ifndef PL_LOOKUP_H
#define PL_LOOKUP_H

#include <stddef.h>

#include "instance/instance.h"

typedef struct pl_strmap_slot {
    const char *key; /* NULL = empty */
    int value;
    unsigned hash;   /* of key (lookup.c), compared before the key */
} pl_strmap_slot;

typedef struct pl_strmap {
    pl_strmap_slot *slots;
    size_t cap, count; /* cap is 0 or a power of two */
} pl_strmap;

/* Insert or replace; PL_ERR_NOMEM on failure. */
pl_status pli_strmap_put(pl_strmap *m, const char *key, int value);
/* The value of `key`, or -1. */
int pli_strmap_get(const pl_strmap *m, const char *key);
void pli_strmap_free(pl_strmap *m);

struct pl_instance_index {
    pl_strmap rotations, sites, supervisors, programs, trainees;
};

/* (Re)build inst->index from the ids now in `inst`.  The instance owns it. */
pl_status pli_instance_build_index(pl_instance *inst);
void pli_instance_index_free(struct pl_instance_index *index);

#endif /* PL_LOOKUP_H */
