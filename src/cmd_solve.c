/*
 * cmd_solve.c — `placera solve`: load, solve, write the schedule.
 *
 * Progress goes to standard error when it is a terminal or --progress is
 * given (one line per improvement); Ctrl-C or SIGTERM stops the search and
 * the best schedule found so far is written with status `feasible`.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "placera.h"

static volatile sig_atomic_t interrupted = 0;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void print_value(const char *label, double v)
{
    if (isnan(v))
        fprintf(stderr, "  %s %14s", label, "-");
    else
        fprintf(stderr, "  %s %14.10g", label, v);
}

static void print_progress(const pl_progress *pr, void *user)
{
    (void)user;
    fprintf(stderr, "  %8.2fs", pr->seconds);
    print_value("incumbent", pr->incumbent);
    print_value("bound", pr->bound);
    if (isnan(pr->gap))
        fprintf(stderr, "  gap %8s", "-");
    else
        fprintf(stderr, "  gap %7.2f%%", 100.0 * pr->gap);
    if (pr->open_nodes >= 0)
        fprintf(stderr, "  open nodes %d", pr->open_nodes);
    fputc('\n', stderr);
}

/* One line on the annual allocation, when the instance has home_choices. */
static void print_allocation(const pl_instance *inst, const pl_schedule *schedule)
{
    pl_alloc_summary *sum = NULL;
    if (pl_alloc_summarize(inst, schedule, &sum) != PL_OK)
        return;
    if (sum->applicants > 0) {
        char line[512];
        pl_alloc_summary_line(sum, line, sizeof line);
        fprintf(stderr, "placera: %s\n", line);
    }
    pl_alloc_summary_free(sum);
}

/* A model file (--write-lp, --write-mps) under way: the solver writes it
 * into a staging directory ".FILE.placera-tmp-PID" next to FILE, and it is
 * moved to FILE when solve ends, so that a failure or a signal leaves no
 * part of it behind. */
typedef struct model_file {
    const char *path; /* where the user wants it, or NULL */
    char *stage;      /* the staging directory */
    char *staged;     /* stage/model: what the solver is given */
} model_file;

/* Create the staging directory; false with a message when impossible. */
static bool model_file_open(model_file *mf, const char *path)
{
    mf->path = path;
    mf->stage = mf->staged = NULL;
    if (!path)
        return true;
    if (!(mf->stage = pl_tmp_path(path)))
        goto nomem;
    pl_tmp_remove(mf->stage);
    if (mkdir(mf->stage, 0700) != 0) {
        fprintf(stderr, "%s: error: cannot write the model to this file: %s\n", path,
                strerror(errno));
        free(mf->stage);
        mf->stage = NULL;
        return false;
    }
    size_t n = strlen(mf->stage) + 8;
    if (!(mf->staged = malloc(n)))
        goto nomem;
    snprintf(mf->staged, n, "%s/model", mf->stage);
    return true;
nomem:
    fprintf(stderr, "placera solve: %s\n", pl_strerror(PL_ERR_NOMEM));
    return false;
}

/* Messages about the staged model file name the file the user asked for. */
static void name_model_file(pl_diags *diags, const model_file *mf)
{
    for (size_t i = 0; mf->staged && i < diags->count; i++) {
        char *file = diags->items[i].file;
        if (!file || strcmp(file, mf->staged))
            continue;
        char *copy = malloc(strlen(mf->path) + 1);
        if (!copy)
            continue;
        strcpy(copy, mf->path);
        free(file);
        diags->items[i].file = copy;
    }
}

/* Move a complete model file into place (when `keep`) and remove the
 * staging directory; false with a message when the move failed. */
static bool model_file_close(model_file *mf, bool keep)
{
    bool ok = true;
    struct stat st;
    if (mf->staged && keep && stat(mf->staged, &st) == 0 && rename(mf->staged, mf->path) != 0) {
        fprintf(stderr, "%s: error: cannot write the model to this file: %s\n", mf->path,
                strerror(errno));
        ok = false;
    }
    pl_tmp_remove(mf->stage);
    free(mf->stage);
    free(mf->staged);
    mf->stage = mf->staged = NULL;
    return ok;
}

static const cmd_option solve_options[] = {
    {"-o FILE", "write the schedule to FILE (else standard output)"},
    {"--format F", "json (the default), csv or text (a table)"},
    {"--time-limit SEC", "stop searching after SEC seconds (default 60)"},
    {"--gap REL", "stop within REL of optimal (0.01 = 1 %; default 0)"},
    {"--reference SCHEDULE", "charge `change` for each move from SCHEDULE"},
    {"--keep-until T", "periods before T stay as in the reference"},
    {"--write-lp FILE", "also write the integer program as CPLEX LP"},
    {"--write-mps FILE", "also write the integer program as MPS"},
    {"--memory-limit MB", "refuse (exit 1) a model larger than MB megabytes"},
    {"--method M", "auto, compact, decomposition, branch-and-price"},
    {"--allocation-only", "only homes and main supervisors (docs/allocation.md)"},
    {"--progress", "a line per better schedule (default on a terminal)"},
    {"--quiet", "no warnings, progress or summary, only errors"},
    {NULL, NULL},
};

const cmd_help cmd_solve_help = {
    "solve",
    "Find the schedule of least cost that keeps every hard rule of an instance.",
    "placera solve INSTANCE [options]",
    solve_options,
    "docs/solver.md, docs/examples.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_solve_help);
}

int cmd_solve(int argc, char **argv, const cmd_common *common)
{
    const char *instance_path = NULL, *output = NULL, *reference_path = NULL, *keep = NULL;
    pl_format format = PL_FORMAT_JSON;
    bool quiet = false, progress = isatty(STDERR_FILENO);
    pl_params params;
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_schedule *reference = NULL, *schedule = NULL;
    int exit_code = 2;
    model_file lp = {NULL, NULL, NULL}, mps = {NULL, NULL, NULL};

    pl_params_init(&params);
    pl_diags_init(&diags);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "-o") && has_value) {
            output = argv[++i];
        } else if (!strcmp(a, "--time-limit") && has_value) {
            if (!cmd_parse_range(argv[++i], 0, CMD_MAX_SECONDS, &params.time_limit)) {
                fprintf(stderr, "placera solve: --time-limit needs seconds from 0 to %d, got '%s'\n",
                        CMD_MAX_SECONDS, argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--gap") && has_value) {
            if (!cmd_parse_range(argv[++i], 0, CMD_MAX_GAP, &params.gap)) {
                fprintf(stderr, "placera solve: --gap needs a relative gap from 0 to %d, got '%s'\n",
                        CMD_MAX_GAP, argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--reference") && has_value) {
            reference_path = argv[++i];
        } else if (!strcmp(a, "--keep-until") && has_value) {
            keep = argv[++i];
        } else if (!strcmp(a, "--format") && has_value) {
            if (!cmd_parse_format("solve", argv[++i], &format))
                return 2;
        } else if (!strcmp(a, "--write-lp") && has_value) {
            params.write_lp = argv[++i];
        } else if (!strcmp(a, "--write-mps") && has_value) {
            params.write_mps = argv[++i];
        } else if (!strcmp(a, "--memory-limit") && has_value) {
            double mb;
            if (!cmd_parse_range(argv[++i], 1, CMD_MAX_MEGABYTES, &mb)) {
                fprintf(stderr, "placera solve: --memory-limit needs megabytes from 1 to %d, got '%s'\n",
                        CMD_MAX_MEGABYTES, argv[i]);
                return 2;
            }
            params.memory_limit_mb = (size_t)mb;
        } else if (!strcmp(a, "--method") && has_value) {
            const char *f = argv[++i];
            if (!pl_method_parse(f, &params.method)) {
                fprintf(stderr, "placera solve: --method must be auto, compact, decomposition or branch-and-price, got '%s'\n", f);
                return 2;
            }
        } else if (!strcmp(a, "--allocation-only")) {
            params.allocation_only = true;
        } else if (!strcmp(a, "--quiet")) {
            quiet = true;
        } else if (!strcmp(a, "--progress")) {
            progress = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "placera solve: unknown or incomplete option '%s'\n", a);
            return usage();
        } else if (!instance_path) {
            instance_path = a;
        } else {
            fprintf(stderr, "placera solve: unexpected argument '%s'\n", a);
            return usage();
        }
    }
    if (!instance_path)
        return usage();
    if (keep && !reference_path) {
        fprintf(stderr, "placera solve: --keep-until needs --reference\n");
        return usage();
    }
    const char *outputs[] = {output, params.write_lp, params.write_mps};
    const char *inputs[] = {instance_path, reference_path};
    if (!cmd_files_ok("solve", common, outputs, 3, inputs, 2))
        return 2;

    pl_status st = pl_instance_load(instance_path, &inst, &diags);
    if (st == PL_OK && keep && pl_instance_period(inst, keep, &params.keep_until) != PL_OK) {
        fprintf(stderr, "placera solve: --keep-until needs a period 0..%zu or a date of "
                        "the horizon, got '%s'\n", pl_instance_period_count(inst), keep);
        goto cleanup;
    }
    if (st == PL_OK && reference_path)
        st = pl_schedule_load(reference_path, inst, true, &reference, &diags);
    if (!quiet || st != PL_OK)
        pl_diags_print(&diags, stderr);
    pl_diags_clear(&diags);
    if (st != PL_OK)
        goto cleanup;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    if (!model_file_open(&lp, params.write_lp) || !model_file_open(&mps, params.write_mps))
        goto cleanup;
    params.write_lp = lp.staged;
    params.write_mps = mps.staged;
    params.reference = reference;
    params.interrupt = &interrupted;
    if (progress && !quiet) {
        params.progress = print_progress;
        fprintf(stderr, "placera: solving %s (time limit %gs)\n", instance_path,
                params.time_limit);
    }
    st = pl_solve(inst, &params, &schedule, &diags);
    name_model_file(&diags, &lp);
    name_model_file(&diags, &mps);
    pl_diags_print(&diags, stderr);
    pl_diags_clear(&diags);
    /* the model files are complete once the solver has started */
    bool models_ok = model_file_close(&lp, st != PL_ERR_IO);
    models_ok = model_file_close(&mps, st != PL_ERR_IO) && models_ok;
    if (!schedule) {
        fprintf(stderr, "placera solve: %s\n", pl_strerror(st));
        /* a file that cannot be written is exit 2, as for every output */
        exit_code = st == PL_ERR_INVALID || st == PL_ERR_USAGE || st == PL_ERR_IO ? 2 : 1;
        goto cleanup;
    }
    if (!models_ok) {
        exit_code = 2;
        goto cleanup;
    }
    if (pl_schedule_write(schedule, inst, format, output, &diags) != PL_OK) {
        pl_diags_print(&diags, stderr);
        exit_code = 2;
        goto cleanup;
    }
    exit_code = st == PL_OK ? 0 : 1;
    if (!quiet && st == PL_OK)
        print_allocation(inst, schedule);
    if (st != PL_OK) /* why, where people read it */
        for (size_t i = 0; i < pl_schedule_reason_count(schedule); i++)
            fprintf(stderr, "placera: %s\n", pl_schedule_reason(schedule, i));
    if (!quiet || st != PL_OK) {
        fprintf(stderr, "placera: %s", pl_schedule_status(schedule));
        if (st == PL_OK)
            fprintf(stderr, ", cost %.10g", pl_schedule_cost(schedule));
        if (output)
            fprintf(stderr, ", written to %s", output);
        fputc('\n', stderr);
    }
cleanup:
    model_file_close(&lp, false);
    model_file_close(&mps, false);
    pl_schedule_free(schedule);
    pl_schedule_free(reference);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return exit_code;
}
