/*
 * csv_import_settings.c — instance.csv: one setting per row (name, the
 * horizon, weights, allocation, comments and x- data of the top level), and
 * the horizon it gives, which capacity.csv needs to read its period columns.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csv_import.h"
#include "instance/dates.h"
#include "util/strutil.h"

/* "comment" and "horizon.comment" name "$comment" members. */
static char *setting_key(const char *text)
{
    if (!strcasecmp(text, "comment"))
        return pli_strdup("$comment");
    const char *dot = strchr(text, '.');
    if (dot && !strcasecmp(dot + 1, "comment"))
        return pli_asprintf("%.*s.$comment", (int)(dot - text), text);
    return pli_strdup(text);
}

static json_t *section(pl_csv_import *im, const char *name)
{
    json_t *obj = json_object_get(im->root, name);
    if (!obj) {
        obj = json_object();
        if (!obj || json_object_set_new(im->root, name, obj) != 0) {
            pli_csv_ok(im, PL_ERR_NOMEM);
            return NULL;
        }
    }
    return obj;
}

static void one_setting(pl_csv_import *im, const pl_csv_table *t,
                        const pl_csv_row *row, const pl_csv_columns *cols)
{
    const char *name = pli_csv_key(cols, row, 0);
    long vcol = cols->key[1];
    char *key = setting_key(name);
    pl_csv_type type;
    if (!key) {
        pli_csv_ok(im, PL_ERR_NOMEM);
        return;
    }
    if (!pli_csv_setting_type(key, &type)) {
        pli_csv_error(im, t, row, cols->key[0],
                     "unknown setting \"%s\" (docs/spreadsheets.md lists them)", name);
    } else if (vcol < 0 || !pli_csv_cell(row, (size_t)vcol)[0]) {
        ; /* an empty value: not given, like any empty cell */
    } else {
        json_t *v = pli_csv_value(im, t, row, vcol, type, 0);
        char *dot = strchr(key, '.');
        json_t *obj = im->root;
        const char *member = key;
        if (dot) {
            *dot = '\0';
            obj = section(im, key);
            member = dot + 1;
        }
        if (v && obj && json_object_get(obj, member)) {
            pli_csv_error(im, t, row, cols->key[0], "setting \"%s\" is given twice", name);
            json_decref(v);
        } else if (v && obj) {
            pli_csv_ok(im, json_object_set_new(obj, member, v) ? PL_ERR_NOMEM : PL_OK);
            char *base = dot ? pli_csv_pointer("", key) : pli_strdup("");
            char *p = base ? pli_csv_pointer(base, member) : NULL;
            pli_csv_origin_at(im, t, row, vcol, p);
            if (base && dot)
                pli_csv_origin_at(im, t, NULL, -2, base);
            free(base);
            free(p);
        } else {
            json_decref(v);
        }
    }
    free(key);
}

/* The horizon as dates.c needs it, when instance.csv gives a usable one. */
static void read_horizon(pl_csv_import *im)
{
    json_t *h = json_object_get(im->root, "horizon");
    const char *unit = json_string_value(json_object_get(h, "unit"));
    const char *start = json_string_value(json_object_get(h, "start"));
    json_t *step = json_object_get(h, "step"), *length = json_object_get(h, "length");
    pl_horizon *hz = &im->horizon;
    im->horizon_ok = false;
    if (!unit || !start || !json_is_integer(length))
        return;
    if (!strcmp(unit, "month"))
        hz->unit = PL_UNIT_MONTH;
    else if (!strcmp(unit, "week"))
        hz->unit = PL_UNIT_WEEK;
    else if (!strcmp(unit, "day"))
        hz->unit = PL_UNIT_DAY;
    else
        return;
    hz->step = step ? (int)json_integer_value(step) : 1;
    hz->length = (int)json_integer_value(length);
    hz->open_end = false;
    if ((step && !json_is_integer(step)) || hz->step < 1 || hz->step > 1000 ||
        hz->length < 1 || hz->length > PL_MAX_PERIODS ||
        !pli_parse_date(start, hz->unit == PL_UNIT_MONTH, &hz->year, &hz->month, &hz->day))
        return;
    if (hz->unit == PL_UNIT_MONTH && hz->day != 1)
        return;
    im->horizon_ok = true;
}

void pli_csv_import_settings(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"setting", "value", NULL};
    static const char *const parts[] = {"/format", "/name", "/horizon", "/weights",
                                        "/allocation", NULL};
    pl_csv_columns cols;
    for (size_t i = 0; parts[i]; i++)
        pli_csv_origin_at(im, t, NULL, -2, parts[i]);
    if (pli_csv_bind(im, t, keys, 2, NULL, NULL, &cols))
        for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++) {
            const pl_csv_row *row = &t->rows[i];
            if (!pli_csv_key(&cols, row, 0)[0])
                pli_csv_error(im, t, row, cols.key[0], "which setting? the cell is empty");
            else
                one_setting(im, t, row, &cols);
        }
    read_horizon(im);
}
