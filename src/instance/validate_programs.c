/*
 * validate_programs.c — the programs (format.md §2.5): requirement rules per
 * rotation, choices, max_per_site, mentor.
 */
#include <stdlib.h>

#include "instance/validate.h"

void pli_validate_programs(pl_loader *L, json_t *obj)
{
    static const char *const keys[] = {"requirements", "choices",
                                       "max_per_site", "mentor", NULL};
    pl_jctx *c = &L->j;
    pl_instance *inst = L->inst;
    int nr = inst->n_rotations;
    const char *id;
    json_t *v;
    int i = 0;
    json_object_foreach(obj, id, v) {
        pl_program *g = &inst->programs[i++];
        g->max_per_site = PL_UNLIMITED;
        g->rules = calloc((size_t)nr + 1, sizeof *g->rules);
        if (!g->rules) {
            c->fatal = PL_ERR_NOMEM;
            return;
        }
        for (int r = 0; r < nr; r++)
            pli_rule_defaults(&g->rules[r]);
        size_t m = pli_jpush(c, id);
        if (!pli_jis_object(c, v, "an object")) {
            pli_jpop(c, m);
            continue;
        }
        pli_jcheck_keys(c, v, keys);
        json_t *req = json_object_get(v, "requirements");
        if (req) {
            size_t m2 = pli_jpush(c, "requirements");
            if (pli_jis_object(c, req, "an object: rotation id -> rule")) {
                const char *rid;
                json_t *rv;
                json_object_foreach(req, rid, rv) {
                    size_t m3 = pli_jpush(c, rid);
                    int r = pli_instance_rotation_index(inst, rid);
                    if (r < 0) {
                        pli_jerror(c, "unknown rotation \"%s\"", rid);
                    } else {
                        size_t before = c->errors;
                        g->rules[r].present = true;
                        pli_vrule_fields(L, rv, &g->rules[r], r, false);
                        if (c->errors == before)
                            pli_vrule_check(L, &g->rules[r]);
                    }
                    pli_jpop(c, m3);
                }
            }
            pli_jpop(c, m2);
        }
        json_t *ch = json_object_get(v, "choices");
        if (ch) {
            size_t m2 = pli_jpush(c, "choices");
            pli_vchoices(L, ch, &g->choices, &g->n_choices);
            pli_jpop(c, m2);
        }
        pli_jfield_int(c, v, "max_per_site", 0, INT_MAX - 1, &g->max_per_site);
        pli_jfield_bool(c, v, "mentor", &g->mentor);
        pli_jpop(c, m);
    }
}
