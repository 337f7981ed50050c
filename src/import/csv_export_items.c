/*
 * csv_export_items.c — instance.csv (the top-level settings, one per row)
 * and the files of named things: rotations.csv, sites.csv,
 * supervisors.csv, programs.csv and trainees.csv (with the trainees'
 * completed.*, previous.* and weights.* columns).
 */
#include <stdlib.h>
#include <string.h>

#include "import/csv_export.h"
#include "util/strutil.h"

static const char *const collections[] = {"rotations", "sites", "supervisors",
                                          "programs", "trainees", NULL};

static bool is_collection(const char *key)
{
    for (size_t i = 0; collections[i]; i++)
        if (!strcmp(collections[i], key))
            return true;
    return false;
}

/* One row of instance.csv: setting `name` ("horizon.unit"), `key` its name
 * in the JSON ("horizon.$comment" for "horizon.comment"). */
static void setting(pl_csv_export *ex, const char *name, const char *key,
                    const json_t *v, const char *pointer)
{
    pl_csv_type type;
    if (!pli_csv_setting_type(key, &type)) {
        pli_csv_cannot(ex, pointer, "instance.csv has no setting \"%s\"", name);
        return;
    }
    pl_csv_row *row = pli_csv_export_row(ex, PL_CSV_INSTANCE);
    pli_csv_put_text(ex, PL_CSV_INSTANCE, row, "setting", name);
    pli_csv_put_json(ex, PL_CSV_INSTANCE, row, "value", v, type, 0, pointer);
}

static void section(pl_csv_export *ex, const char *sec, const json_t *obj)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        bool comment = !strcmp(key, "$comment");
        char *name = pli_asprintf("%s.%s", sec, comment ? "comment" : key);
        char *jkey = pli_asprintf("%s.%s", sec, key);
        char *p = pli_asprintf("/%s/%s", sec, key);
        if (name && jkey && p)
            setting(ex, name, jkey, v, p);
        else
            pli_csv_eok(ex, PL_ERR_NOMEM);
        free(name);
        free(jkey);
        free(p);
    }
}

void pli_csv_export_settings(pl_csv_export *ex, const json_t *root)
{
    static const char *const keys[] = {"setting", "value", NULL};
    const char *key;
    json_t *v;
    pli_csv_export_header(ex, PL_CSV_INSTANCE, keys, NULL);
    json_object_foreach((json_t *)root, key, v) {
        char *p = pli_asprintf("/%s", key);
        if (!p) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            return;
        }
        if (is_collection(key) || !strcmp(key, "format"))
            ; /* the other files; the format is always placera/1 */
        else if (json_is_object(v) && json_object_size(v) > 0 &&
                 (!strcmp(key, "horizon") || !strcmp(key, "weights") ||
                  !strcmp(key, "allocation")))
            section(ex, key, v);
        else
            setting(ex, !strcmp(key, "$comment") ? "comment" : key, key, v, p);
        free(p);
    }
}

/* completed.ROT, previous.*, weights.* of one trainee. */
static void trainee_extras(pl_csv_export *ex, pl_csv_row *row, const json_t *t,
                           const char *pointer)
{
    static const struct {
        const char *member;
        pl_csv_type type;
    } groups[] = {{"completed", PL_CSV_INT}, {"weights", PL_CSV_NUMBER},
                  {"previous", PL_CSV_STRING}};
    for (size_t g = 0; g < 3; g++) {
        json_t *obj = json_object_get(t, groups[g].member), *v;
        const char *key;
        json_object_foreach(obj, key, v) {
            char *header = pli_asprintf("%s.%s", groups[g].member, key);
            char *p = pli_asprintf("%s/%s/%s", pointer, groups[g].member, key);
            pl_csv_type type = groups[g].type;
            bool ok = header && p;
            if (ok && g == 2) {
                const pl_csv_field *f = pli_csv_previous_fields;
                while (f->header && strcmp(f->key, key))
                    f++;
                ok = f->header != NULL;
                type = f->header ? f->type : type;
                if (!ok)
                    pli_csv_cannot(ex, p, "no column previous.%s", key);
            } else if (ok && !strncmp(key, "x-", 2)) {
                pli_csv_cannot(ex, p, "trainees.csv has no column for it");
                ok = false;
            }
            if (ok)
                pli_csv_put_json(ex, PL_CSV_TRAINEES, row, header, v, type, 0, p);
            else if (!header || !p)
                pli_csv_eok(ex, PL_ERR_NOMEM);
            free(header);
            free(p);
        }
    }
}

static void collection(pl_csv_export *ex, const json_t *root, const char *name,
                       pl_csv_file file, const pl_csv_field *fields,
                       const char *const *handled)
{
    static const char *const keys[] = {"id", NULL};
    const char *id;
    json_t *obj;
    pli_csv_export_header(ex, file, keys, fields);
    json_object_foreach(json_object_get(root, name), id, obj) {
        char *p = pli_asprintf("/%s/%s", name, id);
        pl_csv_row *row = p ? pli_csv_export_row(ex, file) : NULL;
        if (!row) {
            pli_csv_eok(ex, PL_ERR_NOMEM);
            free(p);
            return;
        }
        pli_csv_put_text(ex, file, row, "id", id);
        pli_csv_put_object(ex, file, row, obj, fields, handled, p);
        if (file == PL_CSV_TRAINEES)
            trainee_extras(ex, row, obj, p);
        free(p);
    }
}

void pli_csv_export_collections(pl_csv_export *ex, const json_t *root)
{
    static const char *const site_lists[] = {"capacity", "posts", "ranking", NULL};
    static const char *const sup_lists[] = {"unavailable", NULL};
    static const char *const prog_lists[] = {"requirements", "choices", NULL};
    static const char *const trainee_lists[] = {
        "unavailable", "requirements", "choices", "fixed", "preferences",
        "completed", "previous", "weights", NULL};
    collection(ex, root, "rotations", PL_CSV_ROTATIONS, pli_csv_rotation_fields, NULL);
    collection(ex, root, "sites", PL_CSV_SITES, pli_csv_site_fields, site_lists);
    collection(ex, root, "supervisors", PL_CSV_SUPERVISORS, pli_csv_supervisor_fields,
               sup_lists);
    collection(ex, root, "programs", PL_CSV_PROGRAMS, pli_csv_program_fields, prog_lists);
    collection(ex, root, "trainees", PL_CSV_TRAINEES, pli_csv_trainee_fields,
               trainee_lists);
}
