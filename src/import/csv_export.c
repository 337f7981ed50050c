/*
 * csv_export.c — pl_export_instance_csv: a valid instance as the folder of
 * CSV files that `placera import csv` reads back to the same instance, and
 * pli_csv_write_folder, which writes such a folder into a temporary folder
 * next to the target and renames it into place (the target must not exist
 * or be empty, so nothing is ever overwritten).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/csv_export.h"
#include "instance/validate.h"
#include "util/strutil.h"

static pl_status folder_error(pl_diags *diags, const char *dir, const char *what,
                              int err)
{
    if (pl_diags_add(diags, PL_SEV_ERROR, dir, 0, 0, NULL, "%s%s%s", what,
                     err ? ": " : "", err ? strerror(err) : "") != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_IO;
}

/* The target must be absent or an empty folder. */
static pl_status check_target(const char *dir, pl_diags *diags)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return errno == ENOENT ? PL_OK : folder_error(diags, dir, "cannot use", errno);
    if (!S_ISDIR(st.st_mode))
        return folder_error(diags, dir, "exists and is not a folder; export writes "
                                        "a new folder", 0);
    DIR *d = opendir(dir);
    struct dirent *e;
    bool empty = true;
    if (!d)
        return folder_error(diags, dir, "cannot read", errno);
    while (empty && (e = readdir(d)) != NULL)
        empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    closedir(d);
    return empty ? PL_OK
                 : folder_error(diags, dir, "exists and is not empty; export writes "
                                            "a new folder and overwrites nothing "
                                            "(choose another name or remove it)", 0);
}

static void remove_folder(const char *dir, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *p = pli_asprintf("%s/%s", dir, pli_csv_file_names[i]);
        if (p)
            unlink(p);
        free(p);
    }
    rmdir(dir);
}

static pl_status write_file(const char *path, const pl_csv_table *t, char separator,
                            bool bom)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return PL_ERR_IO;
    pl_status st = pli_csv_table_write(t, separator, bom, f);
    if (fflush(f) != 0 || fsync(fileno(f)) != 0)
        st = PL_ERR_IO;
    if (fclose(f) != 0)
        st = PL_ERR_IO;
    return st;
}

pl_status pli_csv_write_folder(const pl_csv_table *tables, size_t n, const char *dir,
                              char separator, bool bom, pl_diags *diags)
{
    pl_status status = check_target(dir, diags);
    char *tmp = NULL, *path = NULL;
    size_t len = strlen(dir);
    if (status != PL_OK)
        return status;
    while (len > 1 && dir[len - 1] == '/')
        len--;
    /* mkdir (not mkdtemp) so that the folder gets the usual mode */
    for (int attempt = 0; !tmp && attempt < 100; attempt++) {
        if (!(tmp = pli_asprintf("%.*s.tmp-%ld-%d", (int)len, dir, (long)getpid(), attempt)))
            return PL_ERR_NOMEM;
        if (mkdir(tmp, 0777) != 0) {
            int e = errno;
            free(tmp);
            tmp = NULL;
            if (e != EEXIST)
                return folder_error(diags, dir, "cannot create the folder", e);
        }
    }
    if (!tmp)
        return folder_error(diags, dir, "cannot create a temporary folder next to it", EEXIST);
    for (size_t i = 0; i < n && status == PL_OK; i++) {
        free(path);
        if (!(path = pli_asprintf("%s/%s", tmp, pli_csv_file_names[i]))) {
            status = PL_ERR_NOMEM;
        } else if (write_file(path, &tables[i], separator, bom) != PL_OK) {
            int e = errno;
            status = folder_error(diags, dir, "cannot write the files", e);
        }
    }
    if (status == PL_OK && rename(tmp, dir) != 0)
        status = folder_error(diags, dir, "cannot put the folder in place", errno);
    if (status != PL_OK)
        remove_folder(tmp, n);
    free(path);
    free(tmp);
    return status;
}

static pl_status build(pl_csv_export *ex, const json_t *root)
{
    pli_csv_export_settings(ex, root);
    pli_csv_export_collections(ex, root);
    pli_csv_export_capacity(ex, root);
    pli_csv_export_posts(ex, root);
    pli_csv_export_rules(ex, root);
    pli_csv_export_lists(ex, root);
    if (ex->fatal)
        return ex->fatal;
    return ex->errors ? PL_ERR_INVALID : PL_OK;
}

pl_status pl_export_instance_csv(const char *instance_path,
                                 const pl_csv_options *options, const char *dir,
                                 pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_instance *inst = NULL;
    json_t *root = NULL;
    pl_csv_options defaults;
    pl_csv_export ex;

    if (!instance_path || !dir || !diags)
        return PL_ERR_USAGE;
    if (!options) {
        pl_csv_options_init(&defaults);
        options = &defaults;
    }
    memset(&ex, 0, sizeof ex);
    for (int f = 0; f < PL_CSV_N_FILES; f++)
        PL_TRY(pli_csv_table_init(&ex.tables[f], pli_csv_file_names[f]));
    PL_TRY(pl_instance_load(instance_path, &inst, diags));
    PL_TRY(pli_json_read_file(instance_path, &root, diags));
    ex.diags = diags;
    ex.file = instance_path;
    ex.decimal = options->separator == ';' ? ',' : '.';
    ex.horizon = &inst->horizon;
    PL_TRY(build(&ex, root));
    PL_TRY(pli_csv_write_folder(ex.tables, PL_CSV_N_FILES, dir, options->separator,
                               options->bom, diags));
cleanup:
    for (int f = 0; f < PL_CSV_N_FILES; f++)
        pli_csv_table_free(&ex.tables[f]);
    json_decref(root);
    pl_instance_free(inst);
    return status;
}
