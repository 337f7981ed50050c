/*
 * export.c — pl_export_ics and pl_export_csv: lay out the schedule, create
 * the output directory if it is missing, and write each file atomically
 * (temporary file renamed into place, see util/write_atomic.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report/report.h"
#include "util/write_atomic.h"

void pl_csv_options_init(pl_csv_options *options)
{
    options->bom = false;
    options->separator = ',';
}

pl_status pl_export_make_dir(const char *dir, pl_diags *diags)
{
    struct stat st;
    if (mkdir(dir, 0777) == 0)
        return PL_OK;
    int e = errno;
    if (e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return PL_OK;
    if (diags)
        pl_diags_add(diags, PL_SEV_ERROR, dir, 0, 0, NULL,
                     "cannot create the output directory: %s",
                     e == EEXIST ? "a file of that name exists" : strerror(e));
    return PL_ERR_IO;
}

/* Whether `name` (a file name without directory) is one an export of this
 * kind may write: placements.csv and grid.csv, or trainee-*.ics and
 * site-*.ics. */
static bool export_name(bool ics, const char *name)
{
    size_t n = strlen(name);
    if (!ics)
        return !strcmp(name, "placements.csv") || !strcmp(name, "grid.csv");
    return n > 4 && !strcmp(name + n - 4, ".ics") &&
           (!strncmp(name, "trainee-", 8) || !strncmp(name, "site-", 5));
}

/* Whether the directory part of `path` ("." when it has none) is `dir`. */
static bool in_dir(const char *path, const char *dir)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return pl_same_file(".", dir);
    char *parent = slash == path ? pl_strdup("/")
                                 : pl_asprintf("%.*s", (int)(slash - path), path);
    bool same = parent && pl_same_file(parent, dir);
    free(parent);
    return same;
}

pl_status pl_export_outputs_check(bool ics, const char *dir,
                                  const char *const *inputs, size_t n_inputs,
                                  pl_diags *diags)
{
    pl_status status = PL_OK;
    for (size_t i = 0; i < n_inputs; i++) {
        if (!inputs[i] || !inputs[i][0] || !strcmp(inputs[i], "-"))
            continue;
        const char *slash = strrchr(inputs[i], '/');
        const char *name = slash ? slash + 1 : inputs[i];
        if (!export_name(ics, name) || !in_dir(inputs[i], dir))
            continue;
        if (diags &&
            pl_diags_add(diags, PL_SEV_ERROR, dir, 0, 0, NULL,
                         "the export would write %s there, which is the input "
                         "file %s; placera never writes over its inputs: choose "
                         "another directory", name, inputs[i]) != PL_OK)
            return PL_ERR_NOMEM;
        status = PL_ERR_USAGE;
    }
    return status;
}

/* Whether `dir` exists now (before pl_export_make_dir may create it). */
static bool dir_exists(const char *dir)
{
    struct stat st;
    return stat(dir, &st) == 0;
}

/* After a failed export into a directory that the export itself created:
 * remove what was written there and the directory, so nothing half-written
 * is left behind.  (A directory that existed before is left as it was.) */
static void undo_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char *path = pl_asprintf("%s/%s", dir, e->d_name);
            if (path)
                remove(path);
            free(path);
        }
        closedir(d);
    }
    remove(dir);
}

typedef struct job {
    const pl_plan *plan;
    const pl_csv_options *csv;
    int index; /* trainee or site */
    pl_status (*ics)(const pl_plan *, int, FILE *);
    pl_status (*table)(const pl_plan *, const pl_csv_options *, FILE *);
} job;

static pl_status run_job(FILE *out, void *user)
{
    const job *j = user;
    if (j->ics)
        return j->ics(j->plan, j->index, out);
    return j->table(j->plan, j->csv, out);
}

/* Write dir/name through a job; a diagnostic on failure. */
static pl_status write_file(const char *dir, const char *name, job *j,
                            pl_diags *diags)
{
    pl_status status = PL_OK;
    int err = 0;
    char *path = pl_asprintf("%s/%s", dir, name);
    if (!path)
        return PL_ERR_NOMEM;
    status = pl_write_atomic(path, run_job, j, &err);
    if (status != PL_OK && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "cannot write: %s",
                     status == PL_ERR_IO && err ? strerror(err) : pl_strerror(status));
    free(path);
    return status;
}

pl_status pl_export_ics(const pl_instance *instance, const pl_schedule *schedule,
                        const char *dir, size_t *n_files, pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_plan plan;
    bool *site_used = NULL;
    size_t files = 0;

    if (n_files)
        *n_files = 0;
    if (!instance || !schedule || !dir)
        return PL_ERR_USAGE;
    bool existed = dir_exists(dir);
    PL_TRY(pl_export_make_dir(dir, diags));
    status = pl_plan_build(instance, schedule, &plan);
    if (status != PL_OK) {
        if (!existed)
            undo_dir(dir);
        goto cleanup;
    }
    site_used = calloc((size_t)instance->n_sites + 1, sizeof *site_used);
    if (!site_used) {
        status = PL_ERR_NOMEM;
        goto free_plan;
    }
    for (int t = 0; status == PL_OK && t < plan.n_trainees; t++) {
        if (plan.trainee_runs[t] == plan.trainee_runs[t + 1])
            continue; /* a calendar needs at least one event (RFC 5545) */
        char name[PL_MAX_ID_LENGTH + 16];
        snprintf(name, sizeof name, "trainee-%s.ics", instance->trainees[t].id);
        job j = {&plan, NULL, t, pl_ics_write_trainee, NULL};
        status = write_file(dir, name, &j, diags);
        files += status == PL_OK;
    }
    for (size_t i = 0; i < plan.n_runs; i++)
        site_used[plan.runs[i].s] = true;
    for (int s = 0; status == PL_OK && s < instance->n_sites; s++) {
        if (!site_used[s])
            continue;
        char name[PL_MAX_ID_LENGTH + 16];
        snprintf(name, sizeof name, "site-%s.ics", instance->sites[s].id);
        job j = {&plan, NULL, s, pl_ics_write_site, NULL};
        status = write_file(dir, name, &j, diags);
        files += status == PL_OK;
    }
free_plan:
    free(site_used);
    pl_plan_free(&plan);
    if (status != PL_OK && !existed)
        undo_dir(dir);
cleanup:
    if (n_files)
        *n_files = files;
    return status;
}

pl_status pl_export_csv(const pl_instance *instance, const pl_schedule *schedule,
                        const pl_csv_options *options, const char *dir,
                        pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_plan plan;
    pl_csv_options defaults;

    if (!instance || !schedule || !dir)
        return PL_ERR_USAGE;
    if (!options) {
        pl_csv_options_init(&defaults);
        options = &defaults;
    }
    if (options->separator == '"' || options->separator == '\r' ||
        options->separator == '\n')
        return PL_ERR_USAGE;
    bool existed = dir_exists(dir);
    PL_TRY(pl_export_make_dir(dir, diags));
    status = pl_plan_build(instance, schedule, &plan);
    if (status != PL_OK) {
        if (!existed)
            undo_dir(dir);
        goto cleanup;
    }
    job long_table = {&plan, options, 0, NULL, pl_csv_write_placements};
    job grid = {&plan, options, 0, NULL, pl_csv_write_grid};
    status = write_file(dir, "placements.csv", &long_table, diags);
    if (status == PL_OK)
        status = write_file(dir, "grid.csv", &grid, diags);
    pl_plan_free(&plan);
    if (status != PL_OK && !existed)
        undo_dir(dir);
cleanup:
    return status;
}
