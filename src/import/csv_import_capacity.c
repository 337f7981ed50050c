/*
 * csv_import_capacity.c — capacity.csv: per site and rotation a "max" row
 * and optionally a "min" row, each either one value for every period
 * (column "all") or one per period (a column per period, headed by the
 * period's date or number; an empty period cell takes "all").  One value
 * becomes a number, per-period values an array, and a min row makes the
 * capacity an object {max, min} (an empty min row: {max} alone).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csv_import.h"
#include "instance/dates.h"
#include "util/strutil.h"

enum { K_SITE, K_ROTATION, K_BOUND, K_ALL, N_KEYS };

typedef struct capacity_columns {
    long key[N_KEYS];
    long *period; /* [horizon length]: the column of each period, or -1 */
    int length;
} capacity_columns;

/* The period a header cell names (a number or a date), or -1 after an error. */
static long header_period(pl_csv_import *im, const pl_csv_table *t, size_t col)
{
    const char *h = t->header[col];
    const char *why = NULL;
    json_t *v = pli_csv_parse_cell(h, PL_CSV_TIME, 0, &why);
    long p = -1;
    int y, m, d;
    if (json_is_integer(v)) {
        p = (long)json_integer_value(v);
    } else if (json_is_string(v) &&
               pli_parse_date(json_string_value(v), im->horizon.unit == PL_UNIT_MONTH,
                             &y, &m, &d)) {
        p = pli_date_to_period(&im->horizon, y, m, d);
    } else {
        pli_csv_error(im, t, NULL, (long)col,
                     "unknown column \"%s\": not site, rotation, bound, all, or a "
                     "period (a date or a period number)", h);
        json_decref(v);
        return -1;
    }
    json_decref(v);
    if (p < 0 || p >= im->horizon.length) {
        pli_csv_error(im, t, NULL, (long)col,
                     "column \"%s\" is not a period of the horizon (0 to %d)", h,
                     im->horizon.length - 1);
        return -1;
    }
    return p;
}

static bool bind(pl_csv_import *im, const pl_csv_table *t, capacity_columns *cc)
{
    static const char *const names[N_KEYS] = {"site", "rotation", "bound", "all"};
    bool ok = true;
    cc->length = im->horizon.length;
    for (int k = 0; k < N_KEYS; k++)
        cc->key[k] = -1;
    for (int p = 0; p < cc->length; p++)
        cc->period[p] = -1;
    for (size_t i = 0; i < t->n_cols; i++) {
        long *slot = NULL;
        for (int k = 0; k < N_KEYS && !slot; k++)
            if (!strcasecmp(t->header[i], names[k]))
                slot = &cc->key[k];
        if (!slot && t->header[i][0] && pli_csv_note_column(im, t, i))
            continue;
        if (!slot && t->header[i][0]) {
            long p = header_period(im, t, i);
            if (p < 0) {
                ok = false;
                continue;
            }
            slot = &cc->period[p];
        }
        if (!slot)
            continue;
        if (*slot >= 0) {
            pli_csv_error(im, t, NULL, (long)i,
                         "column \"%s\" is the same as column %ld", t->header[i],
                         *slot + 1);
            ok = false;
        }
        *slot = (long)i;
    }
    for (int k = 0; k < K_BOUND + 1; k++)
        if (cc->key[k] < 0) {
            pli_csv_error(im, t, NULL, -1, "the header has no column \"%s\"", names[k]);
            ok = false;
        }
    return ok;
}

static bool any_period(const capacity_columns *cc, const pl_csv_row *row)
{
    for (int p = 0; p < cc->length; p++)
        if (cc->period[p] >= 0 && pli_csv_cell(row, (size_t)cc->period[p])[0])
            return true;
    return false;
}

/* Record the origin of part `suffix` of the row's value under both names
 * it may end up with (the plain form and the object form). */
static void origin2(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                    long col, const char *const pointers[2], const char *suffix)
{
    for (int i = 0; i < 2; i++) {
        if (!pointers[i])
            continue;
        char *cp = pli_asprintf("%s%s", pointers[i], suffix);
        if (!cp)
            pli_csv_ok(im, PL_ERR_NOMEM);
        pli_csv_origin_at(im, t, row, col, cp);
        free(cp);
    }
}

/* The row's value (NULL: empty row or error; *empty tells which). */
static json_t *row_value(pl_csv_import *im, const pl_csv_table *t,
                         const pl_csv_row *row, const capacity_columns *cc,
                         const char *const pointers[2], bool *empty)
{
    long all = cc->key[K_ALL];
    bool has_all = all >= 0 && pli_csv_cell(row, (size_t)all)[0];
    *empty = false;
    if (!any_period(cc, row)) {
        if (!has_all) {
            *empty = true;
            return NULL;
        }
        return pli_csv_value(im, t, row, all, PL_CSV_INT, 0);
    }
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (int p = 0; p < cc->length && ok; p++) {
        long col = cc->period[p];
        bool own = col >= 0 && pli_csv_cell(row, (size_t)col)[0];
        json_t *v = NULL;
        char suffix[16];
        if (own || has_all)
            v = pli_csv_value(im, t, row, own ? col : all, PL_CSV_INT, 0);
        else
            pli_csv_error(im, t, row, col >= 0 ? col : -1,
                         "no value for period %d: fill its cell or column \"all\"", p);
        if (!v) {
            ok = false;
            break;
        }
        ok = json_array_append_new(arr, v) == 0;
        snprintf(suffix, sizeof suffix, "/%d", p);
        origin2(im, t, row, own ? col : all, pointers, suffix);
    }
    if (!ok) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}

/* capacity[rotation] as built so far: {"max": v, "min": v or null}. */
static json_t *entry(json_t *site, const char *rotation)
{
    json_t *cap = json_object_get(site, "capacity"), *e;
    if (!cap) {
        cap = json_object();
        if (!cap || json_object_set_new(site, "capacity", cap) != 0)
            return NULL;
    }
    if (!(e = json_object_get(cap, rotation))) {
        e = json_object();
        if (!e || json_object_set_new(cap, rotation, e) != 0)
            return NULL;
    }
    return e;
}

static void one_row(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                    const capacity_columns *cc)
{
    json_t *site = pli_csv_owner(im, t, row, cc->key[K_SITE], PL_CSV_SITE);
    const char *sid = pli_csv_cell(row, (size_t)cc->key[K_SITE]);
    const char *rot = pli_csv_cell(row, (size_t)cc->key[K_ROTATION]);
    const char *bound = pli_csv_cell(row, (size_t)cc->key[K_BOUND]);
    bool is_max = !strcasecmp(bound, "max"), empty;
    if (!rot[0])
        pli_csv_error(im, t, row, cc->key[K_ROTATION], "which rotation? the cell is empty");
    if (!is_max && strcasecmp(bound, "min")) {
        pli_csv_error(im, t, row, cc->key[K_BOUND],
                     "bound: \"%s\" is not max (places) or min (staffing wanted)", bound);
        return;
    }
    if (!site || !rot[0])
        return;
    json_t *e = entry(site, rot);
    const char *member = is_max ? "max" : "min";
    char *base = pli_asprintf("/sites/%s/capacity/%s", sid, rot);
    char *p = base ? pli_asprintf("%s/%s", base, member) : NULL;
    if (!e || !p) {
        pli_csv_ok(im, PL_ERR_NOMEM);
    } else if (json_object_get(e, member)) {
        pli_csv_error(im, t, row, cc->key[K_BOUND],
                     "a second %s row for site \"%s\", rotation \"%s\"", member, sid, rot);
    } else {
        const char *const pointers[2] = {p, is_max ? base : NULL};
        json_t *v = row_value(im, t, row, cc, pointers, &empty);
        if (is_max && empty)
            pli_csv_error(im, t, row, cc->key[K_ALL] >= 0 ? cc->key[K_ALL] : -1,
                         "no places given: fill column \"all\" or the period columns");
        if (v || (empty && !is_max))
            pli_csv_ok(im, json_object_set_new(e, member, v ? v : json_null())
                              ? PL_ERR_NOMEM : PL_OK);
        origin2(im, t, row, -1, pointers, "");
        if (is_max)
            pli_csv_origin_at(im, t, row, -1, base);
    }
    free(base);
    free(p);
}

/* {"max": v} with no min row → v; an empty min row (null) → {"max": v}. */
static void collapse(pl_csv_import *im, const pl_csv_table *t)
{
    const char *sid, *rot;
    json_t *site, *e;
    void *tmp;
    json_object_foreach(im->coll[PL_CSV_SITE], sid, site) {
        json_t *cap = json_object_get(site, "capacity");
        json_object_foreach_safe(cap, tmp, rot, e) {
            json_t *max = json_object_get(e, "max"), *min = json_object_get(e, "min");
            if (!max) {
                if (min)
                    pli_csv_error(im, t, NULL, -2,
                                 "site \"%s\", rotation \"%s\" has a min row but no "
                                 "max row", sid, rot);
                json_object_del(cap, rot);
            } else if (!min) {
                pli_csv_ok(im, json_object_set(cap, rot, max) ? PL_ERR_NOMEM : PL_OK);
            } else if (json_is_null(min)) {
                json_object_del(e, "min");
            }
        }
    }
}

void pli_csv_import_capacity(pl_csv_import *im, const pl_csv_table *t)
{
    capacity_columns cc;
    if (!t)
        return;
    if (!im->horizon_ok) {
        pli_csv_error(im, t, NULL, -2,
                     "not read: instance.csv has no valid horizon to number the periods");
        return;
    }
    cc.period = malloc((size_t)im->horizon.length * sizeof *cc.period);
    if (!cc.period) {
        pli_csv_ok(im, PL_ERR_NOMEM);
        return;
    }
    if (bind(im, t, &cc))
        for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++)
            one_row(im, t, &t->rows[i], &cc);
    collapse(im, t);
    free(cc.period);
}
