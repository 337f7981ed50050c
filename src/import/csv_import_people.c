/*
 * csv_import_people.c — supervisors.csv and trainees.csv (with the
 * trainees' completed.ROTATION, previous.* and weights.* columns), and the
 * per-person lists kept as rows of their own: leave.csv (unavailable, for
 * trainees and supervisors), pins.csv (fixed) and preferences.csv.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csv_import.h"
#include "util/strutil.h"

static const char *const user_prefixes[] = {"x-", NULL};

void pli_csv_import_supervisors(pl_csv_import *im, const pl_csv_table *t)
{
    if (t)
        pli_csv_import_collection(im, t, PL_CSV_SUP, pli_csv_supervisor_fields,
                                 user_prefixes, NULL);
}

/* obj[member][key] = value (member created on first use). */
static void set_nested(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                       long col, json_t *obj, const char *pointer, const char *member,
                       const char *key, json_t *value)
{
    json_t *sub = json_object_get(obj, member);
    if (!value)
        return;
    if (!sub) {
        sub = json_object();
        if (!sub || json_object_set_new(obj, member, sub) != 0) {
            json_decref(value);
            pli_csv_ok(im, PL_ERR_NOMEM);
            return;
        }
    }
    if (json_object_get(sub, key)) {
        pli_csv_error(im, t, row, col, "%s \"%s\" is given twice", member, key);
        json_decref(value);
        return;
    }
    if (!pli_csv_ok(im, json_object_set_new(sub, key, value) ? PL_ERR_NOMEM : PL_OK))
        return;
    char *p = pli_csv_pointer(pointer, member);
    char *q = p ? pli_csv_pointer(p, key) : NULL;
    if (!q)
        pli_csv_ok(im, PL_ERR_NOMEM);
    pli_csv_origin_at(im, t, row, col, p);
    pli_csv_origin_at(im, t, row, col, q);
    free(p);
    free(q);
}

static const pl_csv_field *previous_field(const char *name)
{
    for (size_t f = 0; pli_csv_previous_fields[f].header; f++)
        if (!strcasecmp(name, pli_csv_previous_fields[f].header))
            return &pli_csv_previous_fields[f];
    return NULL;
}

static void trainee_extras(pl_csv_import *im, const pl_csv_table *t,
                           const pl_csv_row *row, const pl_csv_columns *cols,
                           json_t *obj, const char *pointer)
{
    for (size_t e = 0; e < cols->n_extra; e++) {
        long col = cols->extra[e].col;
        const char *prefix = cols->extra[e].prefix, *rest = cols->extra[e].rest;
        if (!pli_csv_cell(row, (size_t)col)[0] || !strcmp(prefix, "x-"))
            continue;
        if (!strcmp(prefix, "completed.")) {
            set_nested(im, t, row, col, obj, pointer, "completed", rest,
                       pli_csv_value(im, t, row, col, PL_CSV_INT, 0));
        } else if (!strcmp(prefix, "weights.")) {
            set_nested(im, t, row, col, obj, pointer, "weights", rest,
                       pli_csv_value(im, t, row, col, PL_CSV_NUMBER, 0));
        } else {
            const pl_csv_field *f = previous_field(rest);
            if (!f)
                pli_csv_error(im, t, row, col,
                             "unknown column \"%s\": previous.site, previous.rotation "
                             "or previous.periods", t->header[col]);
            else
                set_nested(im, t, row, col, obj, pointer, "previous", f->key,
                           pli_csv_value(im, t, row, col, f->type, 0));
        }
    }
}

void pli_csv_import_trainees(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const prefixes[] = {"x-", "completed.", "previous.",
                                           "weights.", NULL};
    pli_csv_import_collection(im, t, PL_CSV_TRAINEE, pli_csv_trainee_fields,
                             prefixes, trainee_extras);
}

/* Append a new object to owner[member]; its pointer in *pointer. */
static json_t *append_item(pl_csv_import *im, json_t *owner, const char *owner_ptr,
                           const char *member, char **pointer)
{
    json_t *list = json_object_get(owner, member);
    json_t *item = json_object();
    *pointer = NULL;
    if (!list) {
        list = json_array();
        if (!list || json_object_set_new(owner, member, list) != 0)
            list = NULL;
    }
    if (!list || !item || json_array_append_new(list, item) != 0) {
        pli_csv_ok(im, PL_ERR_NOMEM);
        return NULL;
    }
    *pointer = pli_asprintf("%s/%s/%zu", owner_ptr, member, json_array_size(list) - 1);
    if (!*pointer)
        pli_csv_ok(im, PL_ERR_NOMEM);
    return item;
}

/* The trainee or supervisor of a leave row: exactly one of the two. */
static json_t *leave_owner(pl_csv_import *im, const pl_csv_table *t,
                           const pl_csv_row *row, const pl_csv_columns *cols,
                           char **owner_ptr)
{
    bool has_t = pli_csv_key(cols, row, 0)[0], has_s = pli_csv_key(cols, row, 1)[0];
    *owner_ptr = NULL;
    if (has_t == has_s) {
        pli_csv_error(im, t, row, has_t ? cols->key[1] : -1,
                     "fill either trainee or supervisor (whose leave it is), not %s",
                     has_t ? "both" : "neither");
        return NULL;
    }
    int c = has_t ? PL_CSV_TRAINEE : PL_CSV_SUP;
    json_t *owner = pli_csv_owner(im, t, row, cols->key[has_t ? 0 : 1], c);
    if (owner)
        *owner_ptr = pli_asprintf("/%s/%s", has_t ? "trainees" : "supervisors",
                                 pli_csv_key(cols, row, has_t ? 0 : 1));
    return owner;
}

void pli_csv_import_leave(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"trainee", "supervisor", NULL};
    pl_csv_columns cols;
    if (!t || !pli_csv_bind(im, t, keys, 0, pli_csv_range_fields, user_prefixes, &cols))
        return;
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++) {
        const pl_csv_row *row = &t->rows[i];
        char *owner_ptr, *p;
        json_t *owner = leave_owner(im, t, row, &cols, &owner_ptr);
        json_t *item = owner ? append_item(im, owner, owner_ptr, "unavailable", &p) : NULL;
        if (item) {
            pli_csv_origin_at(im, t, row, -1, p);
            pli_csv_fill(im, t, row, &cols, item, p);
            free(p);
        }
        free(owner_ptr);
    }
}

void pli_csv_import_pins(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"trainee", NULL};
    pl_csv_columns cols;
    if (!t || !pli_csv_bind(im, t, keys, 1, pli_csv_pin_fields, user_prefixes, &cols))
        return;
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++) {
        const pl_csv_row *row = &t->rows[i];
        json_t *owner = pli_csv_owner(im, t, row, cols.key[0], PL_CSV_TRAINEE);
        char *owner_ptr = owner ? pli_asprintf("/trainees/%s", pli_csv_key(&cols, row, 0))
                                : NULL, *p;
        json_t *item = owner_ptr ? append_item(im, owner, owner_ptr, "fixed", &p) : NULL;
        if (item) {
            pli_csv_origin_at(im, t, row, -1, p);
            pli_csv_fill(im, t, row, &cols, item, p);
            free(p);
        }
        free(owner_ptr);
    }
}

void pli_csv_import_preferences(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"trainee", "site", "rotation", "weight", NULL};
    static const char *const notes[] = {PL_CSV_NOTES, NULL};
    pl_csv_columns cols;
    if (!t || !pli_csv_bind(im, t, keys, 1, NULL, notes, &cols))
        return;
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++) {
        const pl_csv_row *row = &t->rows[i];
        json_t *owner = pli_csv_owner(im, t, row, cols.key[0], PL_CSV_TRAINEE);
        const char *site = pli_csv_key(&cols, row, 1), *rot = pli_csv_key(&cols, row, 2);
        long wcol = cols.key[3];
        if (!site[0] == !rot[0]) {
            pli_csv_error(im, t, row, site[0] ? cols.key[2] : -1,
                         "fill either site or rotation (what the preference is for), "
                         "not %s", site[0] ? "both" : "neither");
            continue;
        }
        if (wcol < 0 || !pli_csv_cell(row, (size_t)wcol)[0]) {
            pli_csv_error(im, t, row, wcol, "the weight is empty");
            continue;
        }
        json_t *w = pli_csv_value(im, t, row, wcol, PL_CSV_NUMBER, 0);
        char *ptr = owner ? pli_asprintf("/trainees/%s", pli_csv_key(&cols, row, 0)) : NULL;
        json_t *prefs = NULL;
        if (owner && ptr && w) {
            prefs = json_object_get(owner, "preferences");
            if (!prefs && !json_object_set_new(owner, "preferences", json_object()))
                prefs = json_object_get(owner, "preferences");
        }
        if (prefs) {
            char *pp = pli_csv_pointer(ptr, "preferences");
            set_nested(im, t, row, site[0] ? cols.key[1] : cols.key[2], prefs, pp,
                       site[0] ? "sites" : "rotations", site[0] ? site : rot, w);
            pli_csv_origin_at(im, t, row, -1, pp);
            free(pp);
        } else {
            json_decref(w);
        }
        free(ptr);
    }
}
