/*
 * validate_trainees.c — the trainees (format.md §2.6): program, window,
 * leave, home or home_choices, areas, and the overrides of the program's
 * rules merged field by field (3.9.14, 3.9.20).
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"
#include "instance/validate_trainee.h"

static bool alloc_trainee(pl_loader *L, pl_trainee *t)
{
    pl_instance *inst = L->inst;
    size_t nr = (size_t)inst->n_rotations, ns = (size_t)inst->n_sites;
    int len = inst->horizon.length;
    t->program = -1;
    t->home = -1;
    t->mentor_id = -1;
    t->previous.site = t->previous.rotation = -1;
    t->previous.periods = 0;
    t->max_per_site = PL_UNLIMITED;
    t->weights = inst->weights;
    t->start = 0;
    t->end = len - 1;
    t->active = malloc((size_t)len * sizeof *t->active);
    t->rules = calloc(nr + 1, sizeof *t->rules);
    t->completed = calloc(nr + 1, sizeof *t->completed);
    t->pref_site = calloc(ns + 1, sizeof *t->pref_site);
    t->pref_rotation = calloc(nr + 1, sizeof *t->pref_rotation);
    if (!t->active || !t->rules || !t->completed || !t->pref_site ||
        !t->pref_rotation)
        return false;
    for (int p = 0; p < len; p++)
        t->active[p] = true;
    for (size_t r = 0; r < nr; r++)
        pli_rule_defaults(&t->rules[r]);
    return true;
}

/* Start from the program: rules, choices, max_per_site, mentor. */
static bool inherit(pl_loader *L, pl_trainee *t)
{
    pl_instance *inst = L->inst;
    const pl_program *g = &inst->programs[t->program];
    for (int r = 0; r < inst->n_rotations; r++)
        if (pli_rule_copy(&t->rules[r], &g->rules[r], inst->n_sites) != PL_OK)
            return false;
    if (pli_choices_copy(&t->choices, &t->n_choices, g->choices, g->n_choices) != PL_OK)
        return false;
    t->max_per_site = g->max_per_site;
    t->mentor = g->mentor;
    return true;
}

static void overrides(pl_loader *L, pl_trainee *t, json_t *req)
{
    pl_jctx *c = &L->j;
    pl_instance *inst = L->inst;
    if (!pli_jis_object(c, req, "an object: rotation id -> rule or null"))
        return;
    const char *rid;
    json_t *rv;
    json_object_foreach(req, rid, rv) {
        size_t m = pli_jpush(c, rid);
        int r = pli_instance_rotation_index(inst, rid);
        pl_rule *rule = r >= 0 ? &t->rules[r] : NULL;
        if (r < 0) {
            pli_jerror(c, "unknown rotation \"%s\"", rid);
        } else if (json_is_null(rv)) {
            pli_rule_release(rule);
            pli_rule_defaults(rule);
        } else {
            if (!rule->present) {
                pli_rule_release(rule);
                pli_rule_defaults(rule);
                rule->present = true;
            }
            size_t before = c->errors;
            pli_vrule_fields(L, rv, rule, r, true);
            if (c->errors == before)
                pli_vrule_check(L, rule);
        }
        pli_jpop(c, m);
    }
}

static void home(pl_loader *L, pl_trainee *t, json_t *v)
{
    pl_jctx *c = &L->j;
    json_t *h = json_object_get(v, "home"), *hc = json_object_get(v, "home_choices");
    if (h) {
        size_t m = pli_jpush(c, "home");
        t->home = pli_vref(L, h, "site", pli_instance_site_index);
        pli_jpop(c, m);
    }
    if (!hc)
        return;
    size_t m = pli_jpush(c, "home_choices");
    if (h) {
        pli_jerror(c, "give either \"home\" or \"home_choices\", not both");
    } else if (pli_jis_array(c, hc, "a list of site ids, most wanted first")) {
        size_t n = json_array_size(hc);
        bool *mask = calloc((size_t)L->inst->n_sites + 1, sizeof *mask);
        t->home_choices = malloc((n + 1) * sizeof *t->home_choices);
        if (!mask || !t->home_choices) {
            c->fatal = PL_ERR_NOMEM;
        } else if (n == 0) {
            pli_jerror(c, "must list at least one site");
        } else if (pli_vref_set(L, hc, "site", pli_instance_site_index, mask)) {
            size_t i;
            json_t *e;
            json_array_foreach(hc, i, e)
                t->home_choices[t->n_home_choices++] =
                    pli_instance_site_index(L->inst, json_string_value(e));
            t->has_home_choices = true;
        }
        free(mask);
    }
    pli_jpop(c, m);
}

static void areas(pl_loader *L, pl_trainee *t, json_t *a)
{
    pl_jctx *c = &L->j;
    size_t m = pli_jpush(c, "areas");
    if (pli_jis_array(c, a, "a list of area names")) {
        size_t n = json_array_size(a);
        t->areas = malloc((n + 1) * sizeof *t->areas);
        if (!t->areas) {
            c->fatal = PL_ERR_NOMEM;
        } else {
            size_t i;
            json_t *e;
            const char *s;
            json_array_foreach(a, i, e) {
                size_t m2 = pli_jpush_index(c, i);
                if (pli_jstring(c, e, &s)) {
                    int k = pli_intern_area(L, s);
                    bool dup = false;
                    for (int j = 0; j < t->n_areas && !dup; j++)
                        dup = t->areas[j] == k;
                    if (k >= 0 && !dup)
                        t->areas[t->n_areas++] = k;
                }
                pli_jpop(c, m2);
            }
            t->has_areas = true;
        }
    }
    pli_jpop(c, m);
}


static void one(pl_loader *L, pl_trainee *t, json_t *v)
{
    static const char *const keys[] = {
        "program", "name", "start", "end", "unavailable", "home", "home_choices",
        "areas", "requirements", "choices", "max_per_site", "mentor",
        "completed", "previous", "preferences", "fixed", "mentor_id",
        "weights", NULL};
    pl_jctx *c = &L->j;
    json_t *x;
    pli_jcheck_keys(c, v, keys);
    if (!(x = json_object_get(v, "program"))) {
        pli_jmissing(c, "program", "the trainee's program");
    } else {
        size_t m = pli_jpush(c, "program");
        t->program = pli_vref(L, x, "program", pli_instance_program_index);
        pli_jpop(c, m);
    }
    if (t->program >= 0 && !inherit(L, t)) {
        c->fatal = PL_ERR_NOMEM;
        return;
    }
    pli_vname(L, v, &t->name);
    pli_vwindow(L, v, &t->start, &t->end, t->active);
    pli_vunavailable(L, v, "unavailable", t->active, false);
    home(L, t, v);
    if ((x = json_object_get(v, "areas")))
        areas(L, t, x);
    if ((x = json_object_get(v, "requirements"))) {
        size_t m = pli_jpush(c, "requirements");
        overrides(L, t, x);
        pli_jpop(c, m);
    }
    if ((x = json_object_get(v, "choices")) && !json_is_null(x)) {
        size_t m = pli_jpush(c, "choices");
        pli_choices_release(t->choices, t->n_choices);
        t->choices = NULL;
        t->n_choices = 0;
        pli_vchoices(L, x, &t->choices, &t->n_choices);
        pli_jpop(c, m);
    }
    if ((x = json_object_get(v, "max_per_site")) && !json_is_null(x))
        pli_jfield_int(c, v, "max_per_site", 0, INT_MAX - 1, &t->max_per_site);
    if ((x = json_object_get(v, "mentor")) && !json_is_null(x))
        pli_jfield_bool(c, v, "mentor", &t->mentor);
    const char *sub[] = {"completed", "previous", "preferences", "fixed"};
    void (*fn[])(pl_loader *, pl_trainee *, json_t *) = {
        pli_vtrainee_completed, pli_vtrainee_previous, pli_vtrainee_preferences,
        pli_vtrainee_fixed};
    for (int k = 0; k < 4; k++)
        if ((x = json_object_get(v, sub[k]))) {
            size_t m = pli_jpush(c, sub[k]);
            fn[k](L, t, x);
            pli_jpop(c, m);
        }
    if ((x = json_object_get(v, "mentor_id"))) {
        size_t m = pli_jpush(c, "mentor_id");
        t->mentor_id = pli_vref(L, x, "supervisor", pli_instance_supervisor_index);
        pli_jpop(c, m);
    }
    if ((x = json_object_get(v, "weights"))) {
        size_t m = pli_jpush(c, "weights");
        pli_validate_weights(L, x, &t->weights, true);
        pli_jpop(c, m);
    }
}

/* Trainee i's JSON: the document's value, or its text parsed now. */
static json_t *trainee_json(pl_loader *L, json_t *v, size_t i)
{
    if (!L->spans)
        return json_incref(v);
    json_error_t err;
    json_t *t = json_loadb(L->text + L->spans[i].start, L->spans[i].length,
                           JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
    if (!t)
        L->slice_failed = true;
    return t;
}

void pli_validate_trainees(pl_loader *L, json_t *obj)
{
    pl_jctx *c = &L->j;
    const char *id;
    json_t *v;
    size_t i = 0;
    json_object_foreach(obj, id, v) {
        pl_trainee *t = &L->inst->trainees[i];
        if (!alloc_trainee(L, t)) {
            c->fatal = PL_ERR_NOMEM;
            return;
        }
        json_t *tv = trainee_json(L, v, i++);
        if (!tv) {
            c->fatal = L->slice_failed ? PL_ERR_SYNTAX : PL_ERR_NOMEM;
            return;
        }
        size_t m = pli_jpush(c, id);
        if (pli_jis_object(c, tv, "an object"))
            one(L, t, tv);
        pli_jpop(c, m);
        json_decref(tv);
        /* the trainee's JSON is no longer needed: release it now so that a
         * large document shrinks while the instance grows */
        if (!L->spans)
            json_object_set_new_nocheck(obj, id, json_null());
        if (c->fatal != PL_OK)
            return;
    }
}
