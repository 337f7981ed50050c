/*
 * validate_supervisors.c — the supervisors (format.md §2.4): site
 * (required), name (for people), rotations (default: every key of the site's capacity, 3.9.24),
 * programs (default: all), max_trainees (default 1), unavailable, mentees
 * (default 0).
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"


void pli_validate_supervisors(pl_loader *L, json_t *obj)
{
    static const char *const keys[] = {"site", "name", "rotations", "programs",
                                       "max_trainees", "start", "end",
                                       "unavailable", "mentees", NULL};
    pl_jctx *c = &L->j;
    pl_instance *inst = L->inst;
    size_t nr = (size_t)inst->n_rotations, np = (size_t)inst->n_programs;
    int len = inst->horizon.length;
    const char *id;
    json_t *v;
    int i = 0;
    json_object_foreach(obj, id, v) {
        pl_supervisor *u = &inst->supervisors[i++];
        u->site = -1;
        u->max_trainees = 1;
        u->mentees = 0;
        u->start = 0;
        u->end = len - 1;
        u->rotations = calloc(nr + 1, sizeof *u->rotations);
        u->programs = calloc(np + 1, sizeof *u->programs);
        u->available = malloc((size_t)len * sizeof *u->available);
        if (!u->rotations || !u->programs || !u->available) {
            c->fatal = PL_ERR_NOMEM;
            return;
        }
        for (int p = 0; p < len; p++)
            u->available[p] = true;
        for (size_t g = 0; g < np; g++)
            u->programs[g] = true;
        size_t m = pli_jpush(c, id);
        if (!pli_jis_object(c, v, "an object")) {
            pli_jpop(c, m);
            continue;
        }
        pli_jcheck_keys(c, v, keys);
        pli_vname(L, v, &u->name);
        json_t *x = json_object_get(v, "site");
        if (!x) {
            pli_jmissing(c, "site", "the site where the supervisor works");
        } else {
            size_t m2 = pli_jpush(c, "site");
            u->site = pli_vref(L, x, "site", pli_instance_site_index);
            pli_jpop(c, m2);
        }
        if ((x = json_object_get(v, "rotations"))) {
            size_t m2 = pli_jpush(c, "rotations");
            pli_vref_set(L, x, "rotation", pli_instance_rotation_index, u->rotations);
            pli_jpop(c, m2);
        } else if (u->site >= 0) {
            memcpy(u->rotations, inst->sites[u->site].offers, nr * sizeof(bool));
        }
        if ((x = json_object_get(v, "programs"))) {
            size_t m2 = pli_jpush(c, "programs");
            memset(u->programs, 0, np * sizeof(bool));
            pli_vref_set(L, x, "program", pli_instance_program_index, u->programs);
            pli_jpop(c, m2);
        }
        pli_jfield_int(c, v, "max_trainees", 0, INT_MAX - 1, &u->max_trainees);
        pli_jfield_int(c, v, "mentees", 0, INT_MAX - 1, &u->mentees);
        pli_vwindow(L, v, &u->start, &u->end, u->available);
        pli_vunavailable(L, v, "unavailable", u->available, true);
        pli_jpop(c, m);
    }
}
