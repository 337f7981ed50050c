/*
 * emit_world.c — the generator's sites (capacities with the summer dip and
 * wanted staffing), supervisors (enough to cover the capacity, with summer
 * and parental leave) and programme templates, as placera/1 JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/emit.h"
#include "import/json_text.h"

static const char *const rot_short[G_NROT] = {"im", "ki", "ak", "or", "ps", "am"};

bool pli_gen_summer(const gen_world *w, int p)
{
    int m = pli_gen_month(w, p);
    return m == 7 || m == 8;
}

void pli_gen_month_text(const gen_world *w, int p, char buf[16])
{
    int y = w->start_year + (w->start_month - 1 + p) / 12;
    snprintf(buf, 16, "%04d-%02d", y % 10000, pli_gen_month(w, p));
}

/* The capacity outside the summer, in the summer, and the wanted minimum. */
static void capacity(const gen_world *w, const gen_site *s, int r, int *cap, int *summer,
                     int *min)
{
    int peak = 0, peak_summer = 0;
    for (int p = 0; p < w->length; p++) {
        int d = s->demand[r * w->length + p];
        if (d > peak)
            peak = d;
        if (pli_gen_summer(w, p) && d > peak_summer)
            peak_summer = d;
    }
    if (s->hospital) {
        *cap = peak + (peak * 3 + 9) / 10;
        if (*cap < 2)
            *cap = 2;
    } else {
        *cap = peak > 0 ? peak + 1 : 1;
    }
    int dip = *cap / 3 > 1 ? *cap / 3 : 1;
    *summer = *cap - dip;
    if (*summer < (peak_summer * 4 + 4) / 5)
        *summer = (peak_summer * 4 + 4) / 5;
    if (*summer > *cap)
        *summer = *cap;
    *min = s->hospital && (r == G_IM || r == G_EM) ? *cap / 3 : 0;
}

static json_t *int_array(const int *v, int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_integer(v[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* Leave for a supervisor: a summer month some years, rarely parental leave. */
static pl_status leave(gen_world *w, json_t *person, double summer_p, double parental_p,
                       int parental_lo, int parental_hi, bool *off)
{
    pl_status status = PL_OK;
    json_t *list = NULL;
    char from[16], to[16];
    for (int p = 0; p < w->length; p++) {
        if (pli_gen_month(w, p) != 7 || !pli_rng_chance(&w->rng, summer_p))
            continue;
        int q = p + pli_rng_int(&w->rng, 0, 1);
        if (q >= w->length)
            q = p;
        if (!list)
            PL_TRY(pli_json_set(person, "unavailable", list = json_array()));
        pli_gen_month_text(w, q, from);
        if (off)
            off[q] = true;
        json_t *range = json_object();
        PL_TRY(pli_json_append(list, range));
        PL_TRY(pli_json_set(range, "from", json_string(from)));
        PL_TRY(pli_json_set(range, "to", json_string(from))); /* one month, said */
    }
    if (pli_rng_chance(&w->rng, parental_p)) {
        int p = pli_rng_int(&w->rng, 0, w->length - 1);
        int q = p + pli_rng_int(&w->rng, parental_lo, parental_hi) - 1;
        if (!list)
            PL_TRY(pli_json_set(person, "unavailable", list = json_array()));
        pli_gen_month_text(w, p, from);
        if (q >= w->length)
            q = w->length - 1;
        pli_gen_month_text(w, q, to);
        for (int k = p; off && k <= q; k++)
            off[k] = true;
        json_t *range = json_object();
        PL_TRY(pli_json_append(list, range));
        PL_TRY(pli_json_set(range, "from", json_string(from)));
        PL_TRY(pli_json_set(range, "to", json_string(to)));
    }
cleanup:
    return status;
}

pl_status pli_gen_leave(gen_world *w, json_t *person, double summer_p, double parental_p,
                       int lo, int hi, bool *off)
{
    return leave(w, person, summer_p, parental_p, lo, hi, off);
}

pl_status pli_gen_emit_sites(gen_world *w, json_t *sites, json_t *sups)
{
    pl_status status = PL_OK;
    int *maxv = malloc((size_t)w->length * sizeof *maxv);
    int *minv = malloc((size_t)w->length * sizeof *minv);
    char sid[96];
    if (!maxv || !minv) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int i = 0; i < w->n_sites; i++) {
        gen_site *s = &w->sites[i];
        const gen_area *area = &w->areas[s->area];
        json_t *site = json_object(), *cap;
        PL_TRY(pli_json_set(sites, s->id, site));
        PL_TRY(pli_json_set(site, "name", json_string(s->name)));
        PL_TRY(pli_json_set(site, "area", json_string(area->name)));
        if (!s->hospital && area->county != s->area && pli_rng_chance(&w->rng, 0.3))
            PL_TRY(pli_json_set(site, "priority", json_integer(1)));
        PL_TRY(pli_json_set(site, "capacity", cap = json_object()));
        for (int r = 0; r < G_NROT; r++) {
            if (!s->offers[r])
                continue;
            int c, cs, mn;
            bool any_min = false;
            capacity(w, s, r, &c, &cs, &mn);
            for (int p = 0; p < w->length; p++) {
                bool summer = pli_gen_summer(w, p);
                maxv[p] = summer ? cs : c;
                minv[p] = summer ? 0 : mn;
                any_min |= minv[p] > 0;
            }
            if (any_min) {
                json_t *obj = json_object();
                PL_TRY(pli_json_set(cap, pli_gen_rotation_id[r], obj));
                PL_TRY(pli_json_set(obj, "max", int_array(maxv, w->length)));
                PL_TRY(pli_json_set(obj, "min", int_array(minv, w->length)));
            } else {
                PL_TRY(pli_json_set(cap, pli_gen_rotation_id[r], int_array(maxv, w->length)));
            }
            /* Supervisors: about a third more places than the capacity. */
            int target = c + (c + 2) / 3, total = 0, k = 0;
            while (total < target) {
                int m = pli_rng_int(&w->rng, 1, 3);
                json_t *sup = json_object();
                snprintf(sid, sizeof sid, "%s-%s-%d", s->id, rot_short[r], ++k);
                PL_TRY(pli_json_set(sups, sid, sup));
                PL_TRY(pli_json_set(sup, "site", json_string(s->id)));
                if (s->hospital) {
                    json_t *rl = json_array();
                    PL_TRY(pli_json_set(sup, "rotations", rl));
                    PL_TRY(pli_json_append(rl, json_string(pli_gen_rotation_id[r])));
                }
                PL_TRY(pli_json_set(sup, "max_trainees", json_integer(m)));
                PL_TRY(leave(w, sup, 0.35, 0.05, 3, 6, NULL));
                total += m;
            }
        }
    }
cleanup:
    free(maxv);
    free(minv);
    return status;
}

/* One rule: fields < 0 are left out. */
static pl_status rule(json_t *req, int r, int min, int max, int block_min, bool at_home,
                      const int *after, int n_after)
{
    pl_status status = PL_OK;
    json_t *obj = json_object();
    PL_TRY(pli_json_set(req, pli_gen_rotation_id[r], obj));
    if (min >= 0)
        PL_TRY(pli_json_set(obj, "min", json_integer(min)));
    if (max >= 0)
        PL_TRY(pli_json_set(obj, "max", json_integer(max)));
    if (block_min >= 0)
        PL_TRY(pli_json_set(obj, "block_min", json_integer(block_min)));
    if (at_home)
        PL_TRY(pli_json_set(obj, "at_home", json_true()));
    if (n_after > 0) {
        json_t *list = json_array();
        PL_TRY(pli_json_set(obj, "after", list));
        for (int i = 0; i < n_after; i++)
            PL_TRY(pli_json_append(list, json_string(pli_gen_rotation_id[after[i]])));
    }
cleanup:
    return status;
}

const pl_gen_rule pli_gen_rules[P_NPROG][G_NROT] = {
    /* AT: min, max, block_min, at_home (present = max != 0) */
    [P_AT] = {[G_IM] = {true, 5, 6, 3, false}, [G_SU] = {true, 4, 6, 3, false},
              [G_EM] = {true, 0, 3, 1, false}, [G_PSY] = {true, 3, 4, 3, false},
              [G_PC] = {true, 6, 6, 3, false}},
    [P_BT] = {[G_IM] = {true, 3, 6, 3, false}, [G_SU] = {true, 0, 3, 3, false},
              [G_EM] = {true, 0, 3, 1, false}, [G_PSY] = {true, 0, 3, 3, false},
              [G_PC] = {true, 3, 6, 3, false}},
    [P_STPSY] = {[G_PSY] = {true, 0, -1, 3, true}, [G_PC] = {true, 2, 2, 2, false}},
    [P_STORT] = {[G_OR] = {true, 0, -1, 3, true}, [G_PC] = {true, 2, 2, 2, false}},
    [P_INTRO] = {[G_IM] = {true, 0, 6, 3, false}, [G_PC] = {true, 0, 6, 3, false}},
};

pl_status pli_gen_emit_programs(json_t *programs)
{
    pl_status status = PL_OK;
    static const int at_after[] = {G_IM, G_SU, G_PSY};
    for (int pr = 0; pr < P_NPROG; pr++) {
        json_t *prog = json_object(), *req = json_object();
        PL_TRY(pli_json_set(programs, pli_gen_program_id[pr], prog));
        PL_TRY(pli_json_set(prog, "requirements", req));
        for (int r = 0; r < G_NROT; r++) {
            const pl_gen_rule *g = &pli_gen_rules[pr][r];
            if (!g->present)
                continue;
            bool after = pr == P_AT && r == G_PC;
            PL_TRY(rule(req, r, g->min > 0 ? g->min : -1, g->max, g->block_min > 1 ? g->block_min : -1,
                        g->at_home, after ? at_after : NULL, after ? 3 : 0));
        }
    }
cleanup:
    return status;
}
