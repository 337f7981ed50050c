/*
 * validate_supervisors.c — the supervisors (format.md §2.4): site
 * (required), name (for people), rotations (default: every key of the site's capacity, 3.9.24),
 * programs (default: all), max_trainees (default 1), unavailable, mentees
 * (default 0).
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"

/* start / end: the supervisor's window, cut to the horizon; the periods
 * outside it are unavailable (format.md 2.4). */
static void window(pl_loader *L, pl_supervisor *u, json_t *v)
{
    pl_jctx *c = &L->j;
    int len = L->inst->horizon.length;
    long a = 0, z = len - 1;
    bool ok = true, given_a = false;
    json_t *x;
    if ((x = json_object_get(v, "start"))) {
        size_t m = pl_jpush(c, "start");
        ok = (given_a = pl_vtime(L, x, &a)) && ok;
        pl_jpop(c, m);
    }
    if ((x = json_object_get(v, "end"))) {
        size_t m = pl_jpush(c, "end");
        bool given_z = pl_vtime(L, x, &z);
        ok = given_z && ok;
        if (ok && given_a && L->horizon_ok && z < a)
            pl_jerror(c, "end (period %ld) is before start (period %ld)", z, a);
        pl_jpop(c, m);
    }
    if (!ok || !L->horizon_ok)
        return;
    u->start = (int)(a < 0 ? 0 : a > len ? len : a);
    u->end = (int)(z >= len ? len - 1 : z < -1 ? -1 : z);
    for (int p = 0; p < len; p++)
        if (p < u->start || p > u->end)
            u->available[p] = false;
}

void pl_validate_supervisors(pl_loader *L, json_t *obj)
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
        size_t m = pl_jpush(c, id);
        if (!pl_jis_object(c, v, "an object")) {
            pl_jpop(c, m);
            continue;
        }
        pl_jcheck_keys(c, v, keys);
        pl_vname(L, v, &u->name);
        json_t *x = json_object_get(v, "site");
        if (!x) {
            pl_jmissing(c, "site", "the site where the supervisor works");
        } else {
            size_t m2 = pl_jpush(c, "site");
            u->site = pl_vref(L, x, "site", pl_instance_site_index);
            pl_jpop(c, m2);
        }
        if ((x = json_object_get(v, "rotations"))) {
            size_t m2 = pl_jpush(c, "rotations");
            pl_vref_set(L, x, "rotation", pl_instance_rotation_index, u->rotations);
            pl_jpop(c, m2);
        } else if (u->site >= 0) {
            memcpy(u->rotations, inst->sites[u->site].offers, nr * sizeof(bool));
        }
        if ((x = json_object_get(v, "programs"))) {
            size_t m2 = pl_jpush(c, "programs");
            memset(u->programs, 0, np * sizeof(bool));
            pl_vref_set(L, x, "program", pl_instance_program_index, u->programs);
            pl_jpop(c, m2);
        }
        pl_jfield_int(c, v, "max_trainees", 0, INT_MAX - 1, &u->max_trainees);
        pl_jfield_int(c, v, "mentees", 0, INT_MAX - 1, &u->mentees);
        window(L, u, v);
        pl_vunavailable(L, v, "unavailable", u->available, true);
        pl_jpop(c, m);
    }
}
