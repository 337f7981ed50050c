/*
 * validate_rotations.c — the rotations (format.md §2.2): an optional name;
 * and the `name` field shared by rotations, supervisors and trainees.
 */
#include <stdlib.h>

#include "instance/validate.h"
#include "util/strutil.h"

void pli_vname(pl_loader *L, json_t *obj, char **out)
{
    pl_jctx *c = &L->j;
    json_t *n = json_object_get(obj, "name");
    const char *s;
    if (!n)
        return;
    size_t m = pli_jpush(c, "name");
    if (pli_jstring(c, n, &s)) {
        free(*out);
        if (!(*out = pli_strdup(s)))
            c->fatal = PL_ERR_NOMEM;
    }
    pli_jpop(c, m);
}

void pli_validate_rotations(pl_loader *L, json_t *obj)
{
    static const char *const keys[] = {"name", NULL};
    pl_jctx *c = &L->j;
    const char *id;
    json_t *v;
    int r = 0;
    json_object_foreach(obj, id, v) {
        size_t m = pli_jpush(c, id);
        if (pli_jis_object(c, v, "an object")) {
            pli_jcheck_keys(c, v, keys);
            pli_vname(L, v, &L->inst->rotations[r].name);
        }
        pli_jpop(c, m);
        r++;
    }
}
