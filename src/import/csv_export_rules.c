/*
 * csv_export_rules.c — requirements.csv (one row per rule of a program or
 * of a trainee's overrides; a removed rotation is a row with removed=true)
 * and choices.csv (one row per choice, in order).
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_export.h"
#include "util/strutil.h"

static void rules_of(pl_csv_export *ex, const char *coll, const char *owner_col,
                     const char *id, const json_t *owner)
{
    const char *rot;
    json_t *rule;
    json_object_foreach(json_object_get(owner, "requirements"), rot, rule) {
        char *p = pli_asprintf("/%s/%s/requirements/%s", coll, id, rot);
        pl_csv_row *row = p ? pli_csv_export_row(ex, PL_CSV_REQUIREMENTS) : NULL;
        if (!row) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            free(p);
            return;
        }
        pli_csv_put_text(ex, PL_CSV_REQUIREMENTS, row, owner_col, id);
        pli_csv_put_text(ex, PL_CSV_REQUIREMENTS, row, "rotation", rot);
        if (json_is_null(rule))
            pli_csv_put_text(ex, PL_CSV_REQUIREMENTS, row, "removed", "true");
        else
            pli_csv_put_object(ex, PL_CSV_REQUIREMENTS, row, rule, pli_csv_rule_fields,
                              NULL, p);
        free(p);
    }
}

static void choices_of(pl_csv_export *ex, const char *coll, const char *owner_col,
                       const char *id, const json_t *owner)
{
    size_t i;
    json_t *choice;
    json_array_foreach(json_object_get(owner, "choices"), i, choice) {
        char *p = pli_asprintf("/%s/%s/choices/%zu", coll, id, i);
        pl_csv_row *row = p ? pli_csv_export_row(ex, PL_CSV_CHOICES) : NULL;
        if (!row) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            free(p);
            return;
        }
        pli_csv_put_text(ex, PL_CSV_CHOICES, row, owner_col, id);
        pli_csv_put_object(ex, PL_CSV_CHOICES, row, choice, pli_csv_choice_fields, NULL, p);
        free(p);
    }
}

void pli_csv_export_rules(pl_csv_export *ex, const json_t *root)
{
    static const char *const rule_keys[] = {"program", "trainee", "rotation",
                                            "removed", NULL};
    static const char *const choice_keys[] = {"program", "trainee", NULL};
    static const char *const colls[] = {"programs", "trainees"};
    static const char *const owner_cols[] = {"program", "trainee"};
    const char *id;
    json_t *owner;
    pli_csv_export_header(ex, PL_CSV_REQUIREMENTS, rule_keys, pli_csv_rule_fields);
    pli_csv_export_header(ex, PL_CSV_CHOICES, choice_keys, pli_csv_choice_fields);
    for (int c = 0; c < 2; c++)
        json_object_foreach(json_object_get(root, colls[c]), id, owner) {
            rules_of(ex, colls[c], owner_cols[c], id, owner);
            choices_of(ex, colls[c], owner_cols[c], id, owner);
        }
}
