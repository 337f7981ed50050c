/*
 * csv_export_lists.c — the per-person lists kept as rows of their own:
 * leave.csv (trainees' and supervisors' unavailable ranges), pins.csv (the
 * trainees' fixed placements) and preferences.csv.
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_export.h"
#include "util/strutil.h"

static void leave_of(pl_csv_export *ex, const char *coll, const char *owner_col,
                     const char *id, const json_t *owner)
{
    size_t i;
    json_t *range;
    json_array_foreach(json_object_get(owner, "unavailable"), i, range) {
        char *p = pli_asprintf("/%s/%s/unavailable/%zu", coll, id, i);
        pl_csv_row *row = p ? pli_csv_export_row(ex, PL_CSV_LEAVE) : NULL;
        if (!row) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            free(p);
            return;
        }
        pli_csv_put_text(ex, PL_CSV_LEAVE, row, owner_col, id);
        pli_csv_put_object(ex, PL_CSV_LEAVE, row, range, pli_csv_range_fields, NULL, p);
        free(p);
    }
}

static void pins_of(pl_csv_export *ex, const char *id, const json_t *trainee)
{
    size_t i;
    json_t *pin;
    json_array_foreach(json_object_get(trainee, "fixed"), i, pin) {
        char *p = pli_asprintf("/trainees/%s/fixed/%zu", id, i);
        pl_csv_row *row = p ? pli_csv_export_row(ex, PL_CSV_PINS) : NULL;
        if (!row) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            free(p);
            return;
        }
        pli_csv_put_text(ex, PL_CSV_PINS, row, "trainee", id);
        pli_csv_put_object(ex, PL_CSV_PINS, row, pin, pli_csv_pin_fields, NULL, p);
        free(p);
    }
}

static void preferences_of(pl_csv_export *ex, const char *id, const json_t *trainee)
{
    static const char *const kinds[] = {"sites", "rotations"};
    static const char *const columns[] = {"site", "rotation"};
    json_t *prefs = json_object_get(trainee, "preferences"), *w;
    const char *key;
    json_object_foreach(prefs, key, w)
        if (strcmp(key, "sites") && strcmp(key, "rotations")) {
            char *p = pli_asprintf("/trainees/%s/preferences/%s", id, key);
            pli_csv_cannot(ex, p, "preferences.csv has no column for it");
            free(p);
        }
    for (int k = 0; k < 2; k++)
        json_object_foreach(json_object_get(prefs, kinds[k]), key, w) {
            char *p = pli_asprintf("/trainees/%s/preferences/%s/%s", id, kinds[k], key);
            pl_csv_row *row = p ? pli_csv_export_row(ex, PL_CSV_PREFERENCES) : NULL;
            if (!row) {
                pli_csv_eok(ex, PL_ERR_NOMEM);
                free(p);
                return;
            }
            pli_csv_put_text(ex, PL_CSV_PREFERENCES, row, "trainee", id);
            pli_csv_put_text(ex, PL_CSV_PREFERENCES, row, columns[k], key);
            pli_csv_put_json(ex, PL_CSV_PREFERENCES, row, "weight", w, PL_CSV_NUMBER, 0, p);
            free(p);
        }
}

void pli_csv_export_lists(pl_csv_export *ex, const json_t *root)
{
    static const char *const leave_keys[] = {"trainee", "supervisor", NULL};
    static const char *const pin_keys[] = {"trainee", NULL};
    static const char *const pref_keys[] = {"trainee", "site", "rotation", "weight", NULL};
    const char *id;
    json_t *obj;
    pli_csv_export_header(ex, PL_CSV_LEAVE, leave_keys, pli_csv_range_fields);
    pli_csv_export_header(ex, PL_CSV_PINS, pin_keys, pli_csv_pin_fields);
    pli_csv_export_header(ex, PL_CSV_PREFERENCES, pref_keys, NULL);
    json_object_foreach(json_object_get(root, "trainees"), id, obj) {
        leave_of(ex, "trainees", "trainee", id, obj);
        pins_of(ex, id, obj);
        preferences_of(ex, id, obj);
    }
    json_object_foreach(json_object_get(root, "supervisors"), id, obj)
        leave_of(ex, "supervisors", "supervisor", id, obj);
}
