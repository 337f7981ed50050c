/*
 * export.c — pl_export_ics and pl_export_csv: lay out the schedule, create
 * the output directory if it is missing, write every file into a staging
 * directory in it and move them into place only when all are written, so
 * that a failure leaves nothing of the export behind (see `staging`).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"
#include "util/write_atomic.h"

void pl_csv_options_init(pl_csv_options *options)
{
    options->bom = false;
    options->separator = ',';
}

pl_status pli_export_make_dir(const char *dir, pl_diags *diags)
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
    char *parent = slash == path ? pli_strdup("/")
                                 : pli_asprintf("%.*s", (int)(slash - path), path);
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

/* An export under way: every file is written into a staging directory
 * DIR/.export.placera-tmp-PID and moved into DIR only when all are
 * complete, so a failure (a full disk, a signal) leaves DIR as it was.
 * SIGINT, SIGTERM and SIGHUP are held back meanwhile; one that arrives
 * stops the export between two files, and is delivered after the cleanup. */
typedef struct staging {
    const char *dir;
    char *tmp;        /* the staging directory */
    bool created_dir; /* DIR did not exist before */
    sigset_t old_mask;
} staging;

static pl_status staging_open(staging *st, const char *dir, pl_diags *diags)
{
    struct stat sb;
    st->dir = dir;
    st->tmp = NULL;
    st->created_dir = stat(dir, &sb) != 0;
    pl_status status = pli_export_make_dir(dir, diags);
    if (status != PL_OK)
        return status;
    pli_hold_signals(&st->old_mask);
    char *name = pli_asprintf("%s/export", dir);
    st->tmp = name ? pl_tmp_path(name) : NULL;
    free(name);
    if (!st->tmp) {
        pli_release_signals(&st->old_mask);
        if (st->created_dir)
            rmdir(dir);
        return PL_ERR_NOMEM;
    }
    pl_tmp_remove(st->tmp); /* a stale one with this process id */
    if (mkdir(st->tmp, 0700) != 0) {
        int e = errno;
        if (diags)
            pl_diags_add(diags, PL_SEV_ERROR, dir, 0, 0, NULL,
                         "cannot write into the output directory: %s", strerror(e));
        free(st->tmp);
        st->tmp = NULL;
        pli_release_signals(&st->old_mask);
        if (st->created_dir)
            rmdir(dir);
        return PL_ERR_IO;
    }
    return PL_OK;
}

/* Move every staged file into DIR. */
static pl_status staging_commit(staging *st, pl_diags *diags)
{
    pl_status status = PL_OK;
    DIR *d = opendir(st->tmp);
    struct dirent *e;
    if (!d)
        status = PL_ERR_IO;
    while (status == PL_OK && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *from = pli_asprintf("%s/%s", st->tmp, e->d_name);
        char *to = pli_asprintf("%s/%s", st->dir, e->d_name);
        if (!from || !to)
            status = PL_ERR_NOMEM;
        else if (rename(from, to) != 0) {
            if (diags)
                pl_diags_add(diags, PL_SEV_ERROR, to, 0, 0, NULL, "cannot write: %s",
                             strerror(errno));
            status = PL_ERR_IO;
        }
        free(from);
        free(to);
    }
    if (d)
        closedir(d);
    return status;
}

/* Remove the staging directory (with what is left in it), DIR too when
 * the export created it and failed, and let held-back signals through. */
static void staging_close(staging *st, bool failed)
{
    pl_tmp_remove(st->tmp);
    free(st->tmp);
    st->tmp = NULL;
    if (failed && st->created_dir)
        rmdir(st->dir);
    pli_release_signals(&st->old_mask);
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

/* Write one file of the export into the staging directory; a diagnostic
 * naming its final place on failure. */
static pl_status write_file(const staging *st, const char *name, job *j,
                            pl_diags *diags)
{
    pl_status status = PL_OK;
    int err = 0;
    if (pli_signal_held())
        return PL_ERR_INTERRUPTED;
    char *path = pli_asprintf("%s/%s", st->tmp, name);
    char *shown = pli_asprintf("%s/%s", st->dir, name);
    if (!path || !shown) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    status = pli_write_atomic(path, run_job, j, &err);
    if (status != PL_OK && diags)
        pl_diags_add(diags, PL_SEV_ERROR, shown, 0, 0, NULL, "cannot write: %s",
                     status == PL_ERR_IO && err ? strerror(err) : pl_strerror(status));
cleanup:
    free(path);
    free(shown);
    return status;
}

pl_status pl_export_ics(const pl_instance *instance, const pl_schedule *schedule,
                        const char *dir, size_t *n_files, pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_plan plan;
    bool *site_used = NULL;
    size_t files = 0;
    staging st;

    if (n_files)
        *n_files = 0;
    if (!instance || !schedule || !dir)
        return PL_ERR_USAGE;
    PL_TRY(pli_plan_build(instance, schedule, &plan));
    site_used = calloc((size_t)instance->n_sites + 1, sizeof *site_used);
    if (!site_used) {
        status = PL_ERR_NOMEM;
        goto free_plan;
    }
    status = staging_open(&st, dir, diags);
    if (status != PL_OK)
        goto free_plan;
    for (int t = 0; status == PL_OK && t < plan.n_trainees; t++) {
        if (plan.trainee_runs[t] == plan.trainee_runs[t + 1])
            continue; /* a calendar needs at least one event (RFC 5545) */
        char name[PL_MAX_ID_LENGTH + 16];
        snprintf(name, sizeof name, "trainee-%s.ics", instance->trainees[t].id);
        job j = {&plan, NULL, t, pli_ics_write_trainee, NULL};
        status = write_file(&st, name, &j, diags);
        files += status == PL_OK;
    }
    for (size_t i = 0; i < plan.n_runs; i++)
        site_used[plan.runs[i].s] = true;
    for (int s = 0; status == PL_OK && s < instance->n_sites; s++) {
        if (!site_used[s])
            continue;
        char name[PL_MAX_ID_LENGTH + 16];
        snprintf(name, sizeof name, "site-%s.ics", instance->sites[s].id);
        job j = {&plan, NULL, s, pli_ics_write_site, NULL};
        status = write_file(&st, name, &j, diags);
        files += status == PL_OK;
    }
    if (status == PL_OK)
        status = staging_commit(&st, diags);
    staging_close(&st, status != PL_OK);
free_plan:
    free(site_used);
    pli_plan_free(&plan);
cleanup:
    if (n_files)
        *n_files = status == PL_OK ? files : 0;
    return status;
}

pl_status pl_export_csv(const pl_instance *instance, const pl_schedule *schedule,
                        const pl_csv_options *options, const char *dir,
                        pl_diags *diags)
{
    pl_status status = PL_OK;
    pl_plan plan;
    pl_csv_options defaults;
    staging st;

    if (!instance || !schedule || !dir)
        return PL_ERR_USAGE;
    if (!options) {
        pl_csv_options_init(&defaults);
        options = &defaults;
    }
    if (options->separator == '"' || options->separator == '\r' ||
        options->separator == '\n')
        return PL_ERR_USAGE;
    PL_TRY(pli_plan_build(instance, schedule, &plan));
    status = staging_open(&st, dir, diags);
    if (status == PL_OK) {
        job long_table = {&plan, options, 0, NULL, pli_csv_write_placements};
        job grid = {&plan, options, 0, NULL, pli_csv_write_grid};
        status = write_file(&st, "placements.csv", &long_table, diags);
        if (status == PL_OK)
            status = write_file(&st, "grid.csv", &grid, diags);
        if (status == PL_OK)
            status = staging_commit(&st, diags);
        staging_close(&st, status != PL_OK);
    }
    pli_plan_free(&plan);
cleanup:
    return status;
}
