/*
 * validate_sites.c — the sites (format.md §2.3): name, area, priority,
 * capacity per rotation (an integer, one integer per period, or
 * {max, min}), posts and ranking per program (§2.7).
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"
#include "util/strutil.h"

/* An integer >= 0 for every period or an array of exactly `length` of them. */
static bool cap_values(pl_loader *L, json_t *v, int *dst, bool object_ok)
{
    pl_jctx *c = &L->j;
    int len = L->inst->horizon.length;
    char b[96];
    if (json_is_integer(v) || json_is_real(v)) {
        int x;
        if (!pli_jint(c, v, 0, INT_MAX - 1, &x))
            return false;
        for (int p = 0; p < len; p++)
            dst[p] = x;
        return true;
    }
    if (json_is_array(v)) {
        size_t n = json_array_size(v);
        if (L->horizon_ok && n != (size_t)len) {
            pli_jerror(c, "must have exactly %d values (one per period), got %zu",
                      len, n);
            return false;
        }
        bool ok = true;
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            size_t m = pli_jpush_index(c, i);
            int x;
            if (pli_jint(c, e, 0, INT_MAX - 1, &x)) {
                if (L->horizon_ok)
                    dst[i] = x;
            } else {
                ok = false;
            }
            pli_jpop(c, m);
        }
        return ok;
    }
    if (object_ok)
        pli_jerror(c, "must be an integer, an array of %d integers (one per "
                     "period) or an object {\"max\", \"min\"}, got %s",
                  len, pli_jdescribe(v, b));
    else
        pli_jerror(c, "must be an integer or an array of %d integers (one per "
                     "period), got %s", len, pli_jdescribe(v, b));
    return false;
}

static void capacity(pl_loader *L, pl_site *s, json_t *cap)
{
    static const char *const keys[] = {"max", "min", NULL};
    pl_jctx *c = &L->j;
    int len = L->inst->horizon.length;
    if (!pli_jis_object(c, cap, "an object: rotation id -> capacity"))
        return;
    const char *rid;
    json_t *v;
    json_object_foreach(cap, rid, v) {
        size_t m = pli_jpush(c, rid);
        int r = pli_instance_rotation_index(L->inst, rid);
        if (r < 0) {
            pli_jerror(c, "unknown rotation \"%s\"", rid);
            pli_jpop(c, m);
            continue;
        }
        s->offers[r] = true;
        int *mx = s->cap_max + (size_t)r * len, *mn = s->cap_min + (size_t)r * len;
        if (json_is_object(v)) {
            pli_jcheck_keys(c, v, keys);
            json_t *vmax = json_object_get(v, "max"), *vmin = json_object_get(v, "min");
            if (!vmax) {
                pli_jmissing(c, "max", "a capacity object needs max");
            } else {
                size_t m2 = pli_jpush(c, "max");
                cap_values(L, vmax, mx, false);
                pli_jpop(c, m2);
            }
            /* a min above max is kept as given and capped at the max where
             * it is used (format.md 3.9 point 25); warnings.c says where
             * min > max > 0 */
            if (vmin) {
                size_t m2 = pli_jpush(c, "min");
                cap_values(L, vmin, mn, false);
                pli_jpop(c, m2);
            }
        } else {
            cap_values(L, v, mx, true);
        }
        pli_jpop(c, m);
    }
}

static void posts(pl_loader *L, pl_site *s, json_t *obj)
{
    pl_jctx *c = &L->j;
    if (!pli_jis_object(c, obj, "an object: program id -> number of posts"))
        return;
    const char *gid;
    json_t *v;
    json_object_foreach(obj, gid, v) {
        size_t m = pli_jpush(c, gid);
        int g = pli_instance_program_index(L->inst, gid);
        if (g < 0)
            pli_jerror(c, "unknown program \"%s\"", gid);
        else
            pli_jint(c, v, 0, INT_MAX - 1, &s->posts[g]);
        pli_jpop(c, m);
    }
}

static void ranking(pl_loader *L, pl_site *s, json_t *obj)
{
    pl_jctx *c = &L->j;
    char b[96];
    if (!pli_jis_object(c, obj, "an object: program id -> list of trainee ids"))
        return;
    const char *gid;
    json_t *v;
    json_object_foreach(obj, gid, v) {
        size_t m = pli_jpush(c, gid);
        int g = pli_instance_program_index(L->inst, gid);
        if (g < 0) {
            pli_jerror(c, "unknown program \"%s\"", gid);
        } else if (pli_jis_array(c, v, "a list of trainee ids, best first")) {
            size_t n = json_array_size(v);
            int *list = malloc((n ? n : 1) * sizeof *list);
            if (!list) {
                c->fatal = PL_ERR_NOMEM;
                pli_jpop(c, m);
                return;
            }
            int k = 0;
            size_t i;
            json_t *e;
            /* long rankings check duplicates with a mask, short ones by scan */
            bool *seen = n > 32 ? calloc((size_t)L->inst->n_trainees + 1, 1) : NULL;
            json_array_foreach(v, i, e) {
                size_t m2 = pli_jpush_index(c, i);
                int t = pli_vref(L, e, "trainee", pli_instance_trainee_index);
                if (t >= 0) {
                    bool dup = false;
                    if (seen) {
                        dup = seen[t];
                        seen[t] = true;
                    } else {
                        for (int j = 0; j < k && !dup; j++)
                            dup = list[j] == t;
                    }
                    if (dup)
                        pli_jerror(c, "trainee %s is listed twice",
                                  pli_jdescribe(e, b));
                    else
                        list[k++] = t;
                }
                pli_jpop(c, m2);
            }
            free(seen);
            free(s->ranking[g]);
            s->ranking[g] = list;
            s->n_ranking[g] = k;
        }
        pli_jpop(c, m);
    }
}

void pli_validate_sites(pl_loader *L, json_t *obj)
{
    static const char *const keys[] = {"name", "area", "priority", "capacity",
                                       "posts", "ranking", NULL};
    pl_jctx *c = &L->j;
    pl_instance *inst = L->inst;
    size_t nr = (size_t)inst->n_rotations, np = (size_t)inst->n_programs;
    size_t cells = nr * (size_t)inst->horizon.length;
    const char *id;
    json_t *v;
    int i = 0;
    json_object_foreach(obj, id, v) {
        pl_site *s = &inst->sites[i++];
        s->area = -1;
        s->offers = calloc(nr + 1, sizeof *s->offers);
        s->cap_max = calloc(cells + 1, sizeof *s->cap_max);
        s->cap_min = calloc(cells + 1, sizeof *s->cap_min);
        s->posts = malloc((np + 1) * sizeof *s->posts);
        s->ranking = calloc(np + 1, sizeof *s->ranking);
        s->n_ranking = calloc(np + 1, sizeof *s->n_ranking);
        if (!s->offers || !s->cap_max || !s->cap_min || !s->posts ||
            !s->ranking || !s->n_ranking) {
            c->fatal = PL_ERR_NOMEM;
            return;
        }
        for (size_t g = 0; g < np; g++)
            s->posts[g] = -1;
        size_t m = pli_jpush(c, id);
        if (pli_jis_object(c, v, "an object")) {
            pli_jcheck_keys(c, v, keys);
            json_t *x;
            const char *str;
            if ((x = json_object_get(v, "name"))) {
                size_t m2 = pli_jpush(c, "name");
                if (pli_jstring(c, x, &str) && !(s->name = pli_strdup(str)))
                    c->fatal = PL_ERR_NOMEM;
                pli_jpop(c, m2);
            }
            if ((x = json_object_get(v, "area"))) {
                size_t m2 = pli_jpush(c, "area");
                if (pli_jstring(c, x, &str))
                    s->area = pli_intern_area(L, str);
                pli_jpop(c, m2);
            }
            pli_jfield_number(c, v, "priority", &s->priority);
            const char *sub[] = {"capacity", "posts", "ranking"};
            void (*fn[])(pl_loader *, pl_site *, json_t *) = {capacity, posts,
                                                               ranking};
            for (int k = 0; k < 3; k++)
                if ((x = json_object_get(v, sub[k]))) {
                    size_t m2 = pli_jpush(c, sub[k]);
                    fn[k](L, s, x);
                    pli_jpop(c, m2);
                }
        }
        pli_jpop(c, m);
    }
}
