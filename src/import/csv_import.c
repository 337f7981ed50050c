/*
 * csv_import.c — pl_import_csv: a folder of CSV files (docs/spreadsheets.md)
 * into a placera/1 instance.  Every file is read and every problem in it
 * reported (FILE:LINE:COLUMN); then the instance goes through the normal
 * validation, whose messages are moved from JSON pointers to the cells the
 * values came from.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import/csv_import.h"
#include "import/json_text.h"
#include "util/strutil.h"

typedef void (*reader_fn)(pl_csv_import *, const pl_csv_table *);

/* In the order they are read: a file's rows may name things of earlier ones. */
static const struct {
    pl_csv_file file;
    reader_fn read;
} readers[] = {
    {PL_CSV_INSTANCE, pli_csv_import_settings},
    {PL_CSV_ROTATIONS, pli_csv_import_rotations},
    {PL_CSV_SITES, pli_csv_import_sites},
    {PL_CSV_CAPACITY, pli_csv_import_capacity},
    {PL_CSV_POSTS, pli_csv_import_posts},
    {PL_CSV_SUPERVISORS, pli_csv_import_supervisors},
    {PL_CSV_PROGRAMS, pli_csv_import_programs},
    {PL_CSV_TRAINEES, pli_csv_import_trainees},
    {PL_CSV_REQUIREMENTS, pli_csv_import_requirements},
    {PL_CSV_CHOICES, pli_csv_import_choices},
    {PL_CSV_LEAVE, pli_csv_import_leave},
    {PL_CSV_PINS, pli_csv_import_pins},
    {PL_CSV_PREFERENCES, pli_csv_import_preferences},
};

static const char *const coll_keys[] = {"rotations", "sites", "supervisors",
                                        "programs", "trainees"};

static pl_status dir_error(pl_diags *diags, const char *dir, const char *what)
{
    if (pl_diags_add(diags, PL_SEV_ERROR, dir, 0, 0, NULL, "%s", what) != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_IO;
}

/* Find each file of the folder by name (case does not matter); other CSV
 * files get a warning.  paths[f] is NULL for a file that is not there. */
static pl_status list_folder(const char *dir, char *paths[PL_CSV_N_FILES],
                             pl_diags *diags)
{
    pl_status status = PL_OK;
    struct stat st;
    if (stat(dir, &st) != 0) {
        char *m = pli_asprintf("cannot read the folder: %s", strerror(errno));
        status = m ? dir_error(diags, dir, m) : PL_ERR_NOMEM;
        free(m);
        return status;
    }
    if (!S_ISDIR(st.st_mode))
        return dir_error(diags, dir, "not a folder: import csv reads a folder of "
                                     "CSV files (docs/spreadsheets.md)");
    DIR *d = opendir(dir);
    if (!d)
        return dir_error(diags, dir, strerror(errno));
    struct dirent *e;
    while ((e = readdir(d)) != NULL && status == PL_OK) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcasecmp(e->d_name + n - 4, ".csv"))
            continue;
        int f = 0;
        while (f < PL_CSV_N_FILES && strcasecmp(e->d_name, pli_csv_file_names[f]))
            f++;
        char *path = pli_asprintf("%s/%s", dir, e->d_name);
        if (!path) {
            status = PL_ERR_NOMEM;
        } else if (f == PL_CSV_N_FILES) {
            status = pl_diags_add(diags, PL_SEV_WARNING, path, 0, 0, NULL,
                                  "not one of the files of an instance folder "
                                  "(docs/spreadsheets.md): ignored");
        } else if (paths[f]) {
            status = pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                                  "the folder has %s twice (names differing in case)",
                                  pli_csv_file_names[f]);
            if (status == PL_OK)
                status = PL_ERR_INVALID;
        } else {
            paths[f] = path;
            path = NULL;
        }
        free(path);
    }
    closedir(d);
    return status;
}

static pl_status setup(pl_csv_import *im, const char *dir, pl_diags *diags)
{
    memset(im, 0, sizeof *im);
    im->diags = diags;
    for (int f = 0; f < PL_CSV_N_FILES; f++)
        if (!(im->files[f] = pli_asprintf("%s/%s", dir, pli_csv_file_names[f])))
            return PL_ERR_NOMEM;
    if (!(im->root = json_object()) ||
        json_object_set_new(im->root, "format", json_string("placera/1")))
        return PL_ERR_NOMEM;
    for (int c = 0; c < 5; c++)
        if (!(im->coll[c] = json_object()) ||
            json_object_set_new(im->root, coll_keys[c], im->coll[c]))
            return PL_ERR_NOMEM;
    return pli_csv_map_add(&im->map, "", dir, 0, 0);
}

static void teardown(pl_csv_import *im)
{
    for (int f = 0; f < PL_CSV_N_FILES; f++)
        free(im->files[f]);
    json_decref(im->root);
    pli_csv_map_free(&im->map);
}

/* Read every file present; missing required files are errors. */
static pl_status read_files(pl_csv_import *im, char *paths[PL_CSV_N_FILES],
                            pl_csv_table tables[PL_CSV_N_FILES], bool present[PL_CSV_N_FILES],
                            int *unreadable)
{
    for (int f = 0; f < PL_CSV_N_FILES; f++) {
        present[f] = false;
        if (!paths[f]) {
            if (pli_csv_file_required((pl_csv_file)f)) {
                im->errors++;
                if (pl_diags_add(im->diags, PL_SEV_ERROR, im->files[f], 0, 0, NULL,
                                 "missing: an instance folder needs this file "
                                 "(docs/spreadsheets.md)") != PL_OK)
                    return PL_ERR_NOMEM;
            }
            continue;
        }
        pl_status st = pli_csv_table_read(paths[f], paths[f], &tables[f], im->diags);
        if (st == PL_ERR_NOMEM)
            return st;
        if (st != PL_OK) {
            im->errors++;
            (*unreadable)++;
            continue;
        }
        /* messages name the file as found, e.g. DIR/Trainees.csv */
        free(im->files[f]);
        if (!(im->files[f] = pli_strdup(paths[f])))
            return PL_ERR_NOMEM;
        present[f] = true;
    }
    return PL_OK;
}

/* The top level in the usual order: comment, format, name, horizon, the
 * collections, weights, allocation, then anything else (x- keys). */
static pl_status reorder(pl_csv_import *im)
{
    static const char *const order[] = {"$comment", "format", "name", "horizon",
                                        "rotations", "sites", "supervisors",
                                        "programs", "trainees", "weights",
                                        "allocation", NULL};
    json_t *root = json_object(), *v;
    const char *key;
    if (!root)
        return PL_ERR_NOMEM;
    for (size_t i = 0; order[i]; i++)
        if ((v = json_object_get(im->root, order[i])) &&
            json_object_set(root, order[i], v) != 0)
            goto fail;
    json_object_foreach(im->root, key, v)
        if (!json_object_get(root, key) && json_object_set(root, key, v) != 0)
            goto fail;
    json_decref(im->root);
    im->root = root;
    return PL_OK;
fail:
    json_decref(root);
    return PL_ERR_NOMEM;
}

/* Whether the import itself reported an error on that line of that file
 * (among the first `n` diagnostics). */
static bool line_has_error(const pl_diags *diags, size_t n, const char *file, int line)
{
    for (size_t i = 0; i < n; i++) {
        const pl_diag *d = &diags->items[i];
        if (d->severity == PL_SEV_ERROR && d->file && !strcmp(d->file, file) &&
            (d->line == line || d->line == 0))
            return true;
    }
    return false;
}

/* Validate the instance; its messages point at cells where they can.  After
 * errors of the import itself, messages about rows that had one are left
 * out (they would only repeat it). */
static pl_status validate(pl_csv_import *im, const char *dir, const char *text)
{
    size_t before = im->diags->count;
    pl_diags found;
    pl_instance *inst = NULL;
    pl_diags_init(&found);
    pl_status status = pl_instance_load_string(text, strlen(text), dir, &inst, &found);
    pl_instance_free(inst);
    for (size_t i = 0; i < found.count; i++) {
        const pl_diag *d = &found.items[i];
        const pl_csv_origin *o = d->path ? pli_csv_map_find(&im->map, d->path) : NULL;
        if (im->errors && (!o || line_has_error(im->diags, before, o->file, o->line)))
            continue;
        pl_status st = o ? pl_diags_add(im->diags, d->severity, o->file, o->line,
                                        o->column, d->path, "%s", d->message)
                         : pl_diags_add(im->diags, d->severity, d->file, d->line,
                                        d->column, d->path, "%s", d->message);
        if (st != PL_OK) {
            status = st;
            break;
        }
    }
    pl_diags_free(&found);
    return status;
}

pl_status pl_import_csv(const char *dir, char **json, pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_csv_import im;
    char *paths[PL_CSV_N_FILES] = {0};
    pl_csv_table tables[PL_CSV_N_FILES];
    bool present[PL_CSV_N_FILES] = {0};
    char *text = NULL;
    int unreadable = 0;

    if (json)
        *json = NULL;
    if (!dir || !json || !diags)
        return PL_ERR_USAGE;
    memset(tables, 0, sizeof tables);
    PL_TRY(setup(&im, dir, diags));
    PL_TRY(list_folder(dir, paths, diags));
    PL_TRY(read_files(&im, paths, tables, present, &unreadable));
    if (unreadable) {
        /* the other files would only add errors about what it should hold */
        status = PL_ERR_INVALID;
        goto cleanup;
    }
    bool complete = true;
    for (int f = 0; f < PL_CSV_N_FILES; f++)
        complete &= present[f] || !pli_csv_file_required((pl_csv_file)f);
    for (size_t r = 0; r < sizeof readers / sizeof readers[0] && !im.fatal; r++) {
        pl_csv_file f = readers[r].file;
        if (present[f] || !pli_csv_file_required(f))
            readers[r].read(&im, present[f] ? &tables[f] : NULL);
    }
    PL_TRY(im.fatal);
    if (complete) {
        /* validated even after errors, so that every problem is shown at once */
        PL_TRY(reorder(&im));
        PL_TRY(pli_json_text(im.root, &text));
        status = validate(&im, dir, text);
    }
    if (im.errors && (status == PL_OK || status == PL_ERR_INVALID))
        status = PL_ERR_INVALID;
    if (status != PL_OK)
        goto cleanup;
    *json = text;
    text = NULL;
cleanup:
    free(text);
    for (int f = 0; f < PL_CSV_N_FILES; f++) {
        free(paths[f]);
        pli_csv_table_free(&tables[f]);
    }
    teardown(&im);
    return status;
}
