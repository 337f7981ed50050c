/*
 * emit_trainees.c — the generator's trainees as placera/1 JSON: programme,
 * dates, home and areas, history before the horizon (`completed`,
 * `previous`), the part of each minimum their plan puts inside the horizon,
 * leave and preferences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/emit.h"
#include "import/json_text.h"

static pl_status add_area(json_t *areas, const char *name)
{
    size_t i;
    json_t *v;
    json_array_foreach(areas, i, v) if (!strcmp(json_string_value(v), name)) return PL_OK;
    return pli_json_append(areas, json_string(name));
}

static pl_status history(gen_world *w, const gen_trainee *t, json_t *tr, int *counted)
{
    pl_status status = PL_OK;
    int completed[G_NROT] = {0};
    int last = t->done - 1, run = 0;
    if (t->done <= 0)
        return PL_OK;
    while (last - run >= 0 && t->plan[last - run] == t->plan[last])
        run++;
    for (int m = 0; m < t->done - run; m++)
        completed[(int)t->plan[m]]++;
    json_t *c = NULL;
    for (int r = 0; r < G_NROT; r++) {
        if (!completed[r])
            continue;
        if (!c)
            PL_TRY(pli_json_set(tr, "completed", c = json_object()));
        PL_TRY(pli_json_set(c, pli_gen_rotation_id[r], json_integer(completed[r])));
        counted[r] += completed[r];
    }
    json_t *prev = json_object();
    PL_TRY(pli_json_set(tr, "previous", prev));
    PL_TRY(pli_json_set(prev, "site", json_string(w->sites[t->plan_site[last]].id)));
    PL_TRY(pli_json_set(prev, "rotation", json_string(pli_gen_rotation_id[(int)t->plan[last]])));
    PL_TRY(pli_json_set(prev, "periods", json_integer(run)));
    counted[(int)t->plan[last]] += run;
cleanup:
    return status;
}

static pl_status one(gen_world *w, const gen_trainee *t, json_t *tr, bool *off)
{
    pl_status status = PL_OK;
    char buf[16];
    int counted[G_NROT] = {0};
    const gen_area *area = &w->areas[t->area];
    const gen_site *home = &w->sites[t->home];

    PL_TRY(pli_json_set(tr, "program", json_string(pli_gen_program_id[t->program])));
    pli_gen_month_text(w, t->start, buf);
    PL_TRY(pli_json_set(tr, "start", json_string(buf)));
    json_t *end = json_string("");
    PL_TRY(pli_json_set(tr, "end", end));
    PL_TRY(pli_json_set(tr, "home", json_string(home->id)));
    json_t *areas = json_array();
    PL_TRY(pli_json_set(tr, "areas", areas));
    PL_TRY(add_area(areas, area->name));
    PL_TRY(add_area(areas, w->areas[home->area].name));
    PL_TRY(add_area(areas, w->areas[area->county].name));
    if (pli_rng_chance(&w->rng, 0.2) && t->area + 1 < w->n_areas &&
        w->areas[t->area + 1].region == area->region)
        PL_TRY(add_area(areas, w->areas[t->area + 1].name));

    PL_TRY(history(w, t, tr, counted));
    /* Leave postpones the plan: the plan's months go to active periods. */
    memset(off, 0, (size_t)w->length * sizeof *off);
    PL_TRY(pli_gen_leave(w, tr, 0.2, 0.07, 3, 9, off));
    int m = t->done, p = t->start;
    for (; p < w->length && m < t->length; p++)
        if (!off[p])
            counted[(int)t->plan[m++]]++;
    if (m == t->length) {
        pli_gen_month_text(w, p - 1, buf);
        json_string_set(end, buf);
    } else {
        json_object_del(tr, "end");
    }
    json_t *req = NULL;
    for (int r = 0; r < G_NROT; r++) {
        const pl_gen_rule *g = &pli_gen_rules[t->program][r];
        if (!g->present || counted[r] == g->min)
            continue;
        if (!req)
            PL_TRY(pli_json_set(tr, "requirements", req = json_object()));
        json_t *rule = json_object();
        PL_TRY(pli_json_set(req, pli_gen_rotation_id[r], rule));
        PL_TRY(pli_json_set(rule, "min", json_integer(counted[r])));
    }

    /* Preferences. */
    json_t *prefs = NULL;
    if (pli_rng_chance(&w->rng, 0.4) && area->n_vc > 0) {
        json_t *ps = json_object();
        PL_TRY(pli_json_set(tr, "preferences", prefs = json_object()));
        PL_TRY(pli_json_set(prefs, "sites", ps));
        int vc = area->first_vc + pli_rng_int(&w->rng, 0, area->n_vc - 1);
        PL_TRY(pli_json_set(ps, w->sites[vc].id, json_integer(pli_rng_int(&w->rng, 1, 3))));
        if (pli_rng_chance(&w->rng, 0.5))
            PL_TRY(pli_json_set(ps, home->id, json_integer(1)));
    }
    if (pli_rng_chance(&w->rng, 0.25)) {
        int r = pli_rng_int(&w->rng, 0, G_NROT - 1);
        if (pli_gen_rules[t->program][r].present) {
            json_t *pr = json_object();
            if (!prefs)
                PL_TRY(pli_json_set(tr, "preferences", prefs = json_object()));
            PL_TRY(pli_json_set(prefs, "rotations", pr));
            int v = pli_rng_int(&w->rng, -2, 1);
            PL_TRY(pli_json_set(pr, pli_gen_rotation_id[r], json_integer(v >= 0 ? v + 1 : v)));
        }
    }
cleanup:
    return status;
}

pl_status pli_gen_emit_trainees(gen_world *w, json_t *trainees)
{
    pl_status status = PL_OK;
    bool *off = malloc((size_t)w->length * sizeof *off);
    if (!off)
        return PL_ERR_NOMEM;
    for (int i = 0; i < w->n_trainees; i++) {
        json_t *tr = json_object();
        PL_TRY(pli_json_set(trainees, w->trainees[i].id, tr));
        PL_TRY(one(w, &w->trainees[i], tr, off));
    }
cleanup:
    free(off);
    return status;
}
