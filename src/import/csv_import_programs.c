/*
 * csv_import_programs.c — programs.csv, and the rules that programs and
 * trainees' overrides share: requirements.csv (one rule per row, for a
 * program or a trainee) and choices.csv (one choice per row, in order).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csv_import.h"
#include "util/strutil.h"

static const char *const user_prefixes[] = {"x-", NULL};

void pli_csv_import_programs(pl_csv_import *im, const pl_csv_table *t)
{
    pli_csv_import_collection(im, t, PL_CSV_PROG, pli_csv_program_fields,
                             user_prefixes, NULL);
}

/* The program or trainee a row is for (exactly one of the first two key
 * columns); *pointer its JSON pointer. */
static json_t *rule_owner(pl_csv_import *im, const pl_csv_table *t,
                          const pl_csv_row *row, const pl_csv_columns *cols,
                          char **pointer)
{
    bool has_p = pli_csv_key(cols, row, 0)[0], has_t = pli_csv_key(cols, row, 1)[0];
    *pointer = NULL;
    if (has_p == has_t) {
        pli_csv_error(im, t, row, has_p ? cols->key[1] : -1,
                     "fill either program or trainee (whose rule it is), not %s",
                     has_p ? "both" : "neither");
        return NULL;
    }
    json_t *owner = pli_csv_owner(im, t, row, cols->key[has_p ? 0 : 1],
                                 has_p ? PL_CSV_PROG : PL_CSV_TRAINEE);
    if (owner && !(*pointer = pli_asprintf("/%s/%s", has_p ? "programs" : "trainees",
                                          pli_csv_key(cols, row, has_p ? 0 : 1))))
        pli_csv_ok(im, PL_ERR_NOMEM);
    return owner;
}

static bool fields_empty(const pl_csv_columns *cols, const pl_csv_row *row)
{
    for (size_t f = 0; cols->fields[f].header; f++)
        if (cols->field[f] >= 0 && pli_csv_cell(row, (size_t)cols->field[f])[0])
            return false;
    for (size_t e = 0; e < cols->n_extra; e++)
        if (pli_csv_cell(row, (size_t)cols->extra[e].col)[0])
            return false;
    return true;
}

static json_t *member(pl_csv_import *im, json_t *owner, const char *key)
{
    json_t *m = json_object_get(owner, key);
    if (!m && (!(m = json_object()) || json_object_set_new(owner, key, m) != 0)) {
        pli_csv_ok(im, PL_ERR_NOMEM);
        return NULL;
    }
    return m;
}

static void one_rule(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                     const pl_csv_columns *cols)
{
    char *owner_ptr, *p = NULL;
    json_t *owner = rule_owner(im, t, row, cols, &owner_ptr);
    const char *rot = pli_csv_key(cols, row, 2);
    bool removed = false;
    if (cols->key[3] >= 0 && pli_csv_key(cols, row, 3)[0]) {
        json_t *v = pli_csv_value(im, t, row, cols->key[3], PL_CSV_BOOL, 0);
        removed = json_is_true(v);
        json_decref(v);
        if (removed && !fields_empty(cols, row)) {
            pli_csv_error(im, t, row, cols->key[3],
                         "a removed rotation has no rule: leave the other cells empty");
            owner = NULL;
        }
    }
    if (!rot[0]) {
        pli_csv_error(im, t, row, cols->key[2], "which rotation? the cell is empty");
        owner = NULL;
    }
    json_t *reqs = owner ? member(im, owner, "requirements") : NULL;
    if (reqs && json_object_get(reqs, rot)) {
        pli_csv_error(im, t, row, cols->key[2], "a second rule for rotation \"%s\"", rot);
        reqs = NULL;
    }
    json_t *rule = reqs ? (removed ? json_null() : json_object()) : NULL;
    if (reqs && (!rule || json_object_set_new(reqs, rot, rule) != 0 ||
                 !(p = pli_asprintf("%s/requirements/%s", owner_ptr, rot)))) {
        pli_csv_ok(im, PL_ERR_NOMEM);
    } else if (reqs) {
        pli_csv_origin_at(im, t, row, cols->key[2], p);
        if (!removed)
            pli_csv_fill(im, t, row, cols, rule, p);
    }
    free(p);
    free(owner_ptr);
}

void pli_csv_import_requirements(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"program", "trainee", "rotation", "removed", NULL};
    pl_csv_columns cols;
    if (!t || !pli_csv_bind(im, t, keys, 0, pli_csv_rule_fields, user_prefixes, &cols))
        return;
    if (cols.key[2] < 0) {
        pli_csv_error(im, t, NULL, -1, "the header has no column \"rotation\"");
        return;
    }
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++)
        one_rule(im, t, &t->rows[i], &cols);
}

static void one_choice(pl_csv_import *im, const pl_csv_table *t, const pl_csv_row *row,
                       const pl_csv_columns *cols)
{
    char *owner_ptr, *p = NULL;
    json_t *owner = rule_owner(im, t, row, cols, &owner_ptr);
    if (!owner)
        return;
    json_t *list = json_object_get(owner, "choices");
    if (list && (!json_is_array(list) || json_array_size(list) == 0)) {
        pli_csv_error(im, t, row, -1,
                     "%s says choices is %s, yet this row gives one: empty that cell "
                     "or remove this row", owner_ptr[1] == 'p' ? "programs.csv" : "trainees.csv",
                     json_is_null(list) ? "null" : json_is_array(list) ? "[]" : "{}");
        free(owner_ptr);
        return;
    }
    json_t *item = json_object();
    if (!list && (!(list = json_array()) || json_object_set_new(owner, "choices", list)))
        list = NULL;
    if (!list || !item || json_array_append_new(list, item) != 0) {
        json_decref(list ? NULL : item);
        pli_csv_ok(im, PL_ERR_NOMEM);
    } else if (!(p = pli_asprintf("%s/choices/%zu", owner_ptr, json_array_size(list) - 1))) {
        pli_csv_ok(im, PL_ERR_NOMEM);
    } else {
        pli_csv_origin_at(im, t, row, -1, p);
        pli_csv_fill(im, t, row, cols, item, p);
    }
    free(p);
    free(owner_ptr);
}

void pli_csv_import_choices(pl_csv_import *im, const pl_csv_table *t)
{
    static const char *const keys[] = {"program", "trainee", NULL};
    pl_csv_columns cols;
    if (!t || !pli_csv_bind(im, t, keys, 0, pli_csv_choice_fields, user_prefixes, &cols))
        return;
    for (size_t i = 0; i < t->n_rows && im->fatal == PL_OK; i++)
        one_choice(im, t, &t->rows[i], &cols);
}
