/*
 * json.c — what-if columns as JSON: one column as compact text (passed
 * between the processes of `placera whatif --jobs`) and back, and the whole
 * comparison as a "placera-whatif/1" document (`--json FILE`, written
 * atomically).  Unknown numbers (no schedule) are null.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"
#include "util/write_atomic.h"
#include "whatif/whatif.h"

static json_t *real_or_null(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static int put(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

/* {"site", "rotation"} of a move, or null when not placed. */
static json_t *place_json(const char *site, const char *rotation)
{
    if (!site || !rotation)
        return json_null();
    json_t *o = json_object();
    if (!o || put(o, "site", json_string(site)) || put(o, "rotation", json_string(rotation))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *column_json(const pl_whatif_column *c)
{
    json_t *o = json_object();
    json_t *errors = json_array(), *costs = json_object(), *sites = json_array();
    json_t *moves = json_array();
    int bad = !o || !errors || !costs || !sites || !moves;

    for (size_t i = 0; !bad && i < c->n_errors; i++)
        bad |= json_array_append_new(errors, json_string(c->errors[i])) != 0;
    for (int i = 0; !bad && c->has_schedule && i < PL_WHATIF_N_TERMS; i++)
        bad |= put(costs, pli_whatif_term_name(i),
                   json_real(pli_whatif_term_value(&c->costs, i)));
    for (size_t i = 0; !bad && i < c->n_sites; i++) {
        json_t *s = json_object();
        bad |= !s || json_array_append_new(sites, s) != 0;
        bad |= put(s, "site", json_string(c->sites[i].site));
        bad |= put(s, "base", json_real(c->sites[i].base));
        bad |= put(s, "scenario", json_real(c->sites[i].scenario));
        bad |= put(s, "change_pp",
                   json_real(100.0 * (c->sites[i].scenario - c->sites[i].base)));
    }
    for (size_t i = 0; !bad && i < c->n_moves; i++) {
        const pl_whatif_move *mv = &c->moves[i];
        json_t *m = json_object();
        bad |= !m || json_array_append_new(moves, m) != 0;
        bad |= put(m, "trainee", json_string(mv->trainee));
        if (mv->trainee_name)
            bad |= put(m, "trainee_name", json_string(mv->trainee_name));
        bad |= put(m, "from", json_integer(mv->from));
        bad |= put(m, "to", json_integer(mv->to));
        bad |= put(m, "when", json_string(mv->when ? mv->when : ""));
        bad |= put(m, "before", place_json(mv->before_site, mv->before_rotation));
        bad |= put(m, "after", place_json(mv->after_site, mv->after_rotation));
    }
    if (bad) {
        json_decref(o);
        json_decref(errors);
        json_decref(costs);
        json_decref(sites);
        json_decref(moves);
        return NULL;
    }
    bad |= put(o, "label", json_string(c->label ? c->label : ""));
    bad |= put(o, "file", json_string(c->file ? c->file : ""));
    bad |= put(o, "name", c->name ? json_string(c->name) : json_null());
    bad |= put(o, "valid", json_boolean(c->valid));
    bad |= put(o, "errors", errors);
    bad |= put(o, "status", json_string(c->status ? c->status : ""));
    bad |= put(o, "has_schedule", json_boolean(c->has_schedule));
    bad |= put(o, "cost", real_or_null(c->cost));
    bad |= put(o, "bound", real_or_null(c->bound));
    bad |= put(o, "seconds", real_or_null(c->seconds));
    bad |= put(o, "costs", c->has_schedule ? costs : (json_decref(costs), json_null()));
    bad |= put(o, "unmet_periods", json_integer(c->unmet));
    bad |= put(o, "unassigned_periods", json_integer(c->unassigned));
    bad |= put(o, "understaffed_periods", json_integer(c->understaffed));
    bad |= put(o, "posts_offered", json_integer(c->posts_offered));
    bad |= put(o, "posts_filled", json_integer(c->posts_filled));
    bad |= put(o, "fill_rate", c->posts_offered > 0
                                   ? json_real((double)c->posts_filled / (double)c->posts_offered)
                                   : json_null());
    bad |= put(o, "preference_score", json_real(c->preference));
    bad |= put(o, "compared", json_boolean(c->compared));
    bad |= put(o, "trainees_changed", c->compared ? json_integer(c->trainees_changed) : json_null());
    bad |= put(o, "periods_changed", c->compared ? json_integer(c->periods_changed) : json_null());
    bad |= put(o, "utilisation_changes", sites);
    bad |= put(o, "moves", moves);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

pl_status pl_whatif_column_to_json(const pl_whatif_column *c, char **text)
{
    if (!c || !text)
        return PL_ERR_USAGE;
    json_t *o = column_json(c);
    *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return *text ? PL_OK : PL_ERR_NOMEM;
}

static double get_real(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static long get_long(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (long)json_integer_value(v) : 0;
}

static char *get_string(const json_t *o, const char *key, bool *nomem)
{
    const json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        return NULL;
    char *s = pli_strdup(json_string_value(v));
    *nomem |= !s;
    return s;
}

pl_status pl_whatif_column_from_json(const char *text, size_t length,
                                     pl_whatif_column *c)
{
    pl_status status = PL_OK;
    bool nomem = false;
    json_t *o = NULL;

    if (!text || !c)
        return PL_ERR_USAGE;
    pl_whatif_column_clear(c);
    if (!(o = json_loadb(text, length, 0, NULL)) || !json_is_object(o)) {
        status = PL_ERR_SYNTAX;
        goto cleanup;
    }
    c->label = get_string(o, "label", &nomem);
    c->file = get_string(o, "file", &nomem);
    c->name = get_string(o, "name", &nomem);
    c->status = get_string(o, "status", &nomem);
    c->valid = json_is_true(json_object_get(o, "valid"));
    c->has_schedule = json_is_true(json_object_get(o, "has_schedule"));
    c->compared = json_is_true(json_object_get(o, "compared"));
    c->cost = get_real(o, "cost");
    c->bound = get_real(o, "bound");
    c->seconds = get_real(o, "seconds");
    const json_t *costs = json_object_get(o, "costs");
    for (int i = 0; i < PL_WHATIF_N_TERMS; i++) {
        double v = get_real(costs, pli_whatif_term_name(i));
        *pli_whatif_term(&c->costs, i) = isfinite(v) ? v : 0.0;
    }
    c->unmet = get_long(o, "unmet_periods");
    c->unassigned = get_long(o, "unassigned_periods");
    c->understaffed = get_long(o, "understaffed_periods");
    c->posts_offered = get_long(o, "posts_offered");
    c->posts_filled = get_long(o, "posts_filled");
    c->preference = get_real(o, "preference_score");
    if (!isfinite(c->preference))
        c->preference = 0.0;
    c->trainees_changed = get_long(o, "trainees_changed");
    c->periods_changed = get_long(o, "periods_changed");

    const json_t *errors = json_object_get(o, "errors");
    size_t ne = json_array_size(errors);
    if (ne && !(c->errors = calloc(ne, sizeof *c->errors))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < ne; i++) {
        const json_t *e = json_array_get(errors, i);
        if (!json_is_string(e))
            continue;
        if (!(c->errors[c->n_errors] = pli_strdup(json_string_value(e)))) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        c->n_errors++;
    }
    const json_t *sites = json_object_get(o, "utilisation_changes");
    size_t ns = json_array_size(sites);
    if (ns && !(c->sites = calloc(ns, sizeof *c->sites))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < ns; i++) {
        const json_t *s = json_array_get(sites, i);
        char *id = get_string(s, "site", &nomem);
        if (!id)
            continue;
        pl_whatif_site *w = &c->sites[c->n_sites++];
        w->site = id;
        w->base = get_real(s, "base");
        w->scenario = get_real(s, "scenario");
    }
    const json_t *moves = json_object_get(o, "moves");
    size_t nm = json_array_size(moves);
    if (nm && !(c->moves = calloc(nm, sizeof *c->moves))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < nm; i++) {
        const json_t *m = json_array_get(moves, i);
        char *id = get_string(m, "trainee", &nomem);
        if (!id)
            continue;
        pl_whatif_move *mv = &c->moves[c->n_moves++];
        mv->trainee = id;
        if (json_is_string(json_object_get(m, "trainee_name")))
            mv->trainee_name = get_string(m, "trainee_name", &nomem);
        mv->from = (int)get_long(m, "from");
        mv->to = (int)get_long(m, "to");
        mv->when = get_string(m, "when", &nomem);
        const json_t *b = json_object_get(m, "before"), *a = json_object_get(m, "after");
        mv->before_site = get_string(b, "site", &nomem);
        mv->before_rotation = get_string(b, "rotation", &nomem);
        mv->after_site = get_string(a, "site", &nomem);
        mv->after_rotation = get_string(a, "rotation", &nomem);
        if (mv->before_site && mv->before_rotation &&
            !(mv->before = pli_asprintf("%s (%s)", mv->before_site, mv->before_rotation)))
            nomem = true;
        if (mv->after_site && mv->after_rotation &&
            !(mv->after = pli_asprintf("%s (%s)", mv->after_site, mv->after_rotation)))
            nomem = true;
    }
    if (nomem)
        status = PL_ERR_NOMEM;
cleanup:
    json_decref(o);
    return status;
}

typedef struct doc_writer {
    json_t *doc;
} doc_writer;

static pl_status dump(FILE *out, void *user)
{
    const doc_writer *w = user;
    if (json_dumpf(w->doc, out, JSON_INDENT(2)) != 0 || fputc('\n', out) == EOF)
        return PL_ERR_IO;
    return PL_OK;
}

pl_status pl_whatif_write_json(const pl_whatif_column *columns, size_t n,
                               double threshold, const char *path,
                               pl_diags *diags)
{
    pl_status status = PL_OK;
    doc_writer w = {json_object()};
    json_t *cols = json_array();
    int err = 0;

    if (!w.doc || !cols || put(w.doc, "format", json_string("placera-whatif/1")) ||
        put(w.doc, "threshold_pp", json_real(100.0 * threshold))) {
        json_decref(cols);
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (json_object_set_new(w.doc, "columns", cols) != 0) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        json_t *c = column_json(&columns[i]);
        if (!c || json_array_append_new(cols, c) != 0) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
    }
    if (!path || !strcmp(path, "-")) {
        status = dump(stdout, &w);
        if (status == PL_OK && fflush(stdout) != 0)
            status = PL_ERR_IO;
    } else {
        status = pli_write_atomic(path, dump, &w, &err);
    }
    if (status == PL_ERR_IO && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path ? path : "-", 0, 0, NULL,
                     "cannot write the what-if results: %s",
                     err ? strerror(err) : "write failed");
cleanup:
    json_decref(w.doc);
    return status;
}
