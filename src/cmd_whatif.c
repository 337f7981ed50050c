/*
 * cmd_whatif.c — `placera whatif BASE SCENARIO...`: every scenario (the
 * base patched, format.md §5) is patched and validated first, all at once,
 * and what each changes is printed; then the base is solved (or, with
 * `--schedule FILE`, the published schedule is taken as it is, its figures
 * recomputed), then each scenario with the base's schedule as the
 * reference so that re-plans move as few people as possible (with
 * `--keep-until T` the periods before T do not move at all), and the
 * results are printed side by side (`--json FILE` for the same as JSON).
 *
 * Scenarios are independent.  With `--jobs N` they run in up to N child
 * processes; each child solves one scenario and writes its column as JSON
 * to a temporary file that the parent reads when the child has exited (the
 * library stays single-threaded).  Exit status: 2 when the base (or the
 * usage) is bad, 1 when some scenario or the base has no schedule, else 0.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.h"
#include "placera.h"

static volatile sig_atomic_t interrupted = 0;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

typedef struct options {
    const char *base;
    const char **scenarios;
    int n_scenarios;
    const char *json, *keep, *schedule, *keep_until_text, *html;
    char *scratch;   /* a temporary --keep directory for --html, or NULL */
    int keep_until;
    double time_limit, threshold;
    long jobs;
    bool quiet;
} options;

static const cmd_option whatif_options[] = {
    {"--schedule FILE", "the published schedule is the base (not solved again)"},
    {"--keep-until T", "periods before T stay as in --schedule"},
    {"--json FILE", "also write the comparison as JSON to FILE"},
    {"--html FILE", "also write a page with every column's timelines"},
    {"--time-limit SEC", "the time limit of each solve (default 60)"},
    {"--jobs N", "solve up to N scenarios at once (default 1)"},
    {"--keep DIR", "write every schedule into DIR (NAME.schedule.json)"},
    {"--threshold PP", "list sites whose use moved by PP points (default 10)"},
    {"--quiet", "no progress lines or warnings, only errors"},
    {NULL, NULL},
};

const cmd_help cmd_whatif_help = {
    "whatif",
    "Re-plan each scenario (the base patched) from the base's schedule with the least change, side by side.",
    "placera whatif BASE SCENARIO... [options]",
    whatif_options,
    "docs/whatif.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_whatif_help);
}

/* The file's name without its directory and extension: the column label
 * and the name of its schedule under --keep.  Owned by the caller. */
static char *stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, base, n);
        s[n] = '\0';
    }
    return s;
}

/* DIR/LABEL.schedule.json, the one name --keep writes for a column; owned
 * by the caller. */
static char *keep_path(const char *dir, const char *label)
{
    size_t n = strlen(dir) + strlen(label) + 16;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s.schedule.json", dir, label);
    return p;
}

/* What --keep did with one column's schedule. */
enum { KEEP_NONE = 0, KEEP_WRITTEN = 1, KEEP_FAILED = 2 };

/* Write a schedule kept by --keep as a new file (never replacing one):
 * KEEP_WRITTEN, or KEEP_FAILED with the reason on standard error. */
static int keep_schedule(const char *dir, const char *label,
                         const pl_schedule *sched, const pl_instance *inst)
{
    pl_diags diags;
    pl_diags_init(&diags);
    char *kp = keep_path(dir, label);
    pl_status st = kp ? pl_schedule_write_new(sched, inst, PL_FORMAT_JSON, kp, &diags)
                      : PL_ERR_NOMEM;
    pl_diags_print(&diags, stderr);
    if (st != PL_OK && diags.count == 0)
        fprintf(stderr, "placera whatif: cannot keep the schedule of %s: %s\n",
                label, pl_strerror(st));
    pl_diags_free(&diags);
    free(kp);
    return st == PL_OK ? KEEP_WRITTEN : KEEP_FAILED;
}

typedef struct base_run {
    pl_instance *inst;
    pl_schedule *schedule; /* NULL when it could not be solved */
    pl_instance **scenarios; /* [n_scenarios], patched and validated first */
    char **names;            /* [n_scenarios]: column labels, the scenarios' `name` */
} base_run;

/* Why a scenario has no schedule, kept with its column so that the parent
 * prints it (the reasons of an infeasible re-plan, e.g. a kept past the
 * scenario forbids). */
static pl_status keep_reasons(const pl_schedule *sched, const char *path,
                              pl_whatif_column *col)
{
    size_t n = pl_schedule_reason_count(sched);
    if (n == 0)
        return PL_OK;
    char **grown = realloc(col->errors, (col->n_errors + n) * sizeof *grown);
    if (!grown)
        return PL_ERR_NOMEM;
    col->errors = grown;
    for (size_t i = 0; i < n; i++) {
        const char *why = pl_schedule_reason(sched, i);
        size_t len = strlen(path) + strlen(why) + 16;
        char *line = malloc(len);
        if (!line)
            return PL_ERR_NOMEM;
        snprintf(line, len, "%s: no schedule: %s", path, why);
        col->errors[col->n_errors++] = line;
    }
    return PL_OK;
}

/* Solve scenario i into `col` (its schedule under --keep as
 * `label`.schedule.json); errors and the reasons of a scenario without a
 * schedule are in the column, printed by the caller; *kept says what
 * --keep did.  Returns PL_OK unless memory ran out. */
static pl_status run_scenario(const options *o, const base_run *b, int i,
                              const char *label, pl_whatif_column *col, int *kept)
{
    pl_status status = PL_OK;
    pl_diags diags;
    const pl_instance *inst = b->scenarios[i];
    const char *path = o->scenarios[i];
    pl_schedule *reference = NULL, *sched = NULL;
    pl_params params;

    *kept = KEEP_NONE;
    pl_diags_init(&diags);
    pl_params_init(&params);
    params.time_limit = o->time_limit;
    params.interrupt = &interrupted;
    pl_status st;
    if (b->schedule) {
        st = pl_whatif_rebase(b->schedule, inst, &reference, NULL);
        if (st != PL_OK) {
            status = st;
            goto cleanup;
        }
        params.reference = reference;
        params.keep_until = o->keep_until;
    }
    st = pl_solve(inst, &params, &sched, &diags);
    if (!sched) {
        /* The solver failed without a schedule: report it as invalid with
         * its reasons. */
        pl_diags_add(&diags, PL_SEV_ERROR, path, 0, 0, NULL, "%s", pl_strerror(st));
        status = pl_whatif_column_invalid(col, b->names[i], path, &diags);
        if (status == PL_OK) {
            free(col->status);
            col->status = malloc(12);
            if (col->status)
                strcpy(col->status, "no_solution");
            col->valid = true;
        }
        goto cleanup;
    }
    status = pl_whatif_measure(inst, sched, b->inst, b->schedule, o->threshold,
                               b->names[i], path, col);
    if (status == PL_OK)
        status = keep_reasons(sched, path, col);
    if (status == PL_OK && o->keep && col->has_schedule)
        *kept = keep_schedule(o->keep, label, sched, inst);
cleanup:
    pl_schedule_free(sched);
    pl_schedule_free(reference);
    pl_diags_free(&diags);
    return status;
}

/* Read a whole file into a new NUL-terminated buffer. */
static char *slurp(FILE *f, size_t *length)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            return NULL;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf)
        buf[n] = '\0';
    *length = n;
    return buf;
}

typedef struct job {
    pid_t pid;     /* 0 = not started or reaped */
    FILE *result;  /* a temporary file the child writes its column to */
} job;

/* In a child: solve scenario i and write its column as JSON to j->result.
 * The exit status: 1 when the column could not be handed over, plus 4 times
 * what --keep did (KEEP_*). */
static void child(const options *o, const base_run *b, int i, const char *label,
                  job *j)
{
    pl_whatif_column col;
    char *text = NULL;
    int kept = KEEP_NONE;
    pl_whatif_column_init(&col);
    int rc = 1;
    if (run_scenario(o, b, i, label, &col, &kept) == PL_OK &&
        pl_whatif_column_to_json(&col, &text) == PL_OK &&
        fputs(text, j->result) != EOF && fflush(j->result) == 0)
        rc = 0;
    rc += 4 * kept;
    free(text);
    pl_whatif_column_clear(&col);
    _exit(rc);
}

/* Collect child `j` (already exited) into `col`. */
static void collect(job *j, const char *path, const char *label,
                    pl_whatif_column *col)
{
    size_t n = 0;
    char *text = NULL;
    rewind(j->result);
    text = slurp(j->result, &n);
    if (!text || pl_whatif_column_from_json(text, n, col) != PL_OK) {
        pl_diags d;
        pl_diags_init(&d);
        pl_diags_add(&d, PL_SEV_ERROR, path, 0, 0, NULL,
                     "the process solving this scenario failed");
        pl_whatif_column_invalid(col, label, path, &d);
        free(col->status);
        col->status = malloc(12);
        if (col->status)
            strcpy(col->status, "no_solution");
        col->valid = true;
        pl_diags_free(&d);
    }
    free(text);
    fclose(j->result);
    j->result = NULL;
}

static int run_parallel(const options *o, const base_run *b, char **labels,
                        pl_whatif_column *cols, int *kept)
{
    int n = o->n_scenarios, next = 0, running = 0;
    job *jobs = calloc((size_t)n, sizeof *jobs);
    if (!jobs)
        return -1;
    fflush(NULL);
    while (next < n || running > 0) {
        while (next < n && running < o->jobs) {
            job *j = &jobs[next];
            if (!(j->result = tmpfile()))
                goto fail;
            pid_t pid = fork();
            if (pid < 0)
                goto fail;
            if (pid == 0)
                child(o, b, next, labels[next], j);
            j->pid = pid;
            running++;
            next++;
        }
        int wstatus;
        pid_t done = waitpid(-1, &wstatus, 0);
        if (done < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        for (int i = 0; i < next; i++)
            if (jobs[i].pid == done) {
                jobs[i].pid = 0;
                running--;
                if (WIFEXITED(wstatus))
                    kept[i] = (WEXITSTATUS(wstatus) / 4) % 4;
                collect(&jobs[i], o->scenarios[i], labels[i], &cols[i + 1]);
            }
    }
    free(jobs);
    return 0;
fail:
    fprintf(stderr, "placera whatif: cannot start a process: %s\n", strerror(errno));
    for (int i = 0; i < n; i++) {
        if (jobs[i].pid > 0) {
            int wstatus;
            if (waitpid(jobs[i].pid, &wstatus, 0) > 0 && WIFEXITED(wstatus))
                kept[i] = (WEXITSTATUS(wstatus) / 4) % 4;
            collect(&jobs[i], o->scenarios[i], labels[i], &cols[i + 1]);
        } else if (jobs[i].result) {
            fclose(jobs[i].result);
        }
    }
    free(jobs);
    return -1;
}

/* Patch and validate every scenario before anything is solved; every
 * problem of every scenario is printed (file and JSON path).  False when
 * some scenario is invalid. */
static bool load_scenarios(const options *o, base_run *b)
{
    int bad = 0;
    pl_diags diags;
    pl_diags_init(&diags);
    for (int i = 0; i < o->n_scenarios; i++) {
        pl_status st = pl_instance_load_patched(o->base, o->scenarios[i], &b->scenarios[i],
                                                &diags);
        if (st != PL_OK || !o->quiet)
            pl_diags_print(&diags, stderr);
        pl_diags_clear(&diags);
        if (st != PL_OK) {
            fprintf(stderr, "placera whatif: scenario %s is invalid: %s\n", o->scenarios[i],
                    pl_strerror(st));
            bad++;
        }
    }
    pl_diags_free(&diags);
    if (bad > 0)
        fprintf(stderr, "placera whatif: %d of %d scenario%s invalid; nothing was solved\n",
                bad, o->n_scenarios, o->n_scenarios == 1 ? " is" : "s are");
    return bad == 0;
}

/* The column labels: a scenario's own `name` where it gives one (the
 * patched name differs from the base's), else its file's stem; numbered
 * where two would be the same.  NULL when memory ran out. */
static char **column_names(const options *o, const base_run *b, char **stems)
{
    int n = o->n_scenarios;
    char **names = calloc((size_t)n + 1, sizeof *names);
    if (!names)
        return NULL;
    const char *base_name = pl_instance_name(b->inst);
    for (int i = 0; i < n; i++) {
        const char *name = pl_instance_name(b->scenarios[i]);
        const char *pick = *name && strcmp(name, base_name) ? name : stems[i];
        bool taken = !strcmp(pick, "base");
        for (int k = 0; k < i && !taken; k++)
            taken = !strcmp(names[k], pick);
        size_t len = strlen(pick) + 24;
        if (!(names[i] = malloc(len)))
            goto fail;
        if (taken)
            snprintf(names[i], len, "%s-%d", pick, i + 1);
        else
            snprintf(names[i], len, "%s", pick);
    }
    return names;
fail:
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return NULL;
}

/* What each scenario changes, as placera reads it, before any figure. */
static pl_status print_readings(const options *o, const base_run *b, char **labels)
{
    for (int i = 0; i < o->n_scenarios; i++) {
        char **lines = NULL;
        size_t n = 0;
        pl_status st = pl_whatif_describe(b->inst, b->scenarios[i], &lines, &n);
        if (st != PL_OK)
            return st;
        const char *name = pl_instance_name(b->scenarios[i]);
        printf("%s%s%s%s:%s\n", labels[i], *name ? " (\"" : "", name, *name ? "\")" : "",
               n == 0 ? " no change to the base" : "");
        for (size_t k = 0; k < n; k++) {
            printf("  %s\n", lines[k]);
            free(lines[k]);
        }
        free(lines);
    }
    if (o->n_scenarios > 0)
        putchar('\n');
    return PL_OK;
}

/* --schedule: the published schedule of the base, taken as it is (never
 * solved again), its figures recomputed by the checker.  Returns 0, or
 * (after saying why) 2 when it cannot be read and 1 when it breaks a hard
 * rule of the base. */
static int published_base(const options *o, base_run *b, pl_whatif_column *col)
{
    pl_diags diags;
    pl_schedule *given = NULL;
    pl_check_report *report = NULL;
    int rc = 2;
    pl_diags_init(&diags);
    pl_status st = pl_schedule_load(o->schedule, b->inst, false, &given, &diags);
    pl_diags_print(&diags, stderr);
    if (st != PL_OK)
        goto cleanup;
    st = pl_rescore(b->inst, given, NULL, &b->schedule, &report);
    if (st == PL_ERR_CHECK) {
        pl_diags_print(&report->violations, stderr);
        fprintf(stderr, "placera whatif: the schedule %s breaks %zu hard rule%s of the base\n",
                o->schedule, report->violations.count,
                report->violations.count == 1 ? "" : "s");
        rc = 1;
        goto cleanup;
    }
    if (st != PL_OK) {
        fprintf(stderr, "placera whatif: %s: %s\n", o->schedule, pl_strerror(st));
        goto cleanup;
    }
    if (!o->quiet)
        fprintf(stderr, "placera whatif: the base is the schedule %s (not solved again)\n",
                o->schedule);
    rc = pl_whatif_measure(b->inst, b->schedule, NULL, NULL, o->threshold, "base", o->base,
                           col) == PL_OK ? 0 : 2;
    if (rc == 0) { /* the status says where the base came from */
        char *given = malloc(6);
        if (!given) {
            rc = 2;
            goto cleanup;
        }
        memcpy(given, "given", 6);
        free(col->status);
        col->status = given;
    }
cleanup:
    pl_check_report_free(report);
    pl_schedule_free(given);
    pl_diags_free(&diags);
    return rc;
}

/* --html: the page with every column's timelines; the scenarios'
 * schedules are read back from the --keep directory (they may have been
 * solved in other processes).  Returns 0, or 2 after saying why. */
static int write_page(const options *o, const base_run *b, char **stems,
                      const pl_whatif_column *cols)
{
    int n = o->n_scenarios, rc = 2;
    pl_diags diags;
    const pl_instance **insts = calloc((size_t)n + 1, sizeof *insts);
    const pl_schedule **scheds = calloc((size_t)n + 1, sizeof *scheds);
    pl_schedule **read = calloc((size_t)n + 1, sizeof *read);
    pl_diags_init(&diags);
    if (!insts || !scheds || !read)
        goto cleanup;
    insts[0] = b->inst;
    scheds[0] = b->schedule;
    for (int i = 0; i < n; i++) {
        insts[i + 1] = b->scenarios[i];
        char *kp = keep_path(o->keep, stems[i]);
        if (kp && cols[i + 1].has_schedule &&
            pl_schedule_load(kp, b->scenarios[i], false, &read[i], &diags) == PL_OK)
            scheds[i + 1] = read[i];
        pl_diags_clear(&diags);
        free(kp);
    }
    if (pl_whatif_write_html(insts, scheds, cols, (size_t)n + 1, o->html, &diags) != PL_OK) {
        pl_diags_print(&diags, stderr);
        goto cleanup;
    }
    if (!o->quiet)
        fprintf(stderr, "placera whatif: page written to %s\n", o->html);
    rc = 0;
cleanup:
    for (int i = 0; read && i < n; i++)
        pl_schedule_free(read[i]);
    free(read);
    free(insts);
    free(scheds);
    pl_diags_free(&diags);
    return rc;
}

static int parse(int argc, char **argv, options *o)
{
    o->time_limit = 60;
    o->threshold = 0.10;
    o->jobs = 1;
    if (!(o->scenarios = calloc((size_t)argc, sizeof *o->scenarios)))
        return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        double v;
        if (!strcmp(a, "--json") && has_value) {
            o->json = argv[++i];
        } else if (!strcmp(a, "--keep") && has_value) {
            o->keep = argv[++i];
        } else if (!strcmp(a, "--html") && has_value) {
            o->html = argv[++i];
        } else if (!strcmp(a, "--schedule") && has_value) {
            o->schedule = argv[++i];
        } else if (!strcmp(a, "--keep-until") && has_value) {
            o->keep_until_text = argv[++i];
        } else if (!strcmp(a, "--time-limit") && has_value) {
            if (!cmd_parse_range(argv[++i], 0, CMD_MAX_SECONDS, &o->time_limit)) {
                fprintf(stderr, "placera whatif: --time-limit needs seconds from 0 to %d, got '%s'\n",
                        CMD_MAX_SECONDS, argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--threshold") && has_value) {
            if (!cmd_parse_number(argv[++i], &v) || v > 100) {
                fprintf(stderr, "placera whatif: --threshold needs percentage points 0..100, got '%s'\n", argv[i]);
                return 2;
            }
            o->threshold = v / 100.0;
        } else if (!strcmp(a, "--jobs") && has_value) {
            if (!cmd_parse_number(argv[++i], &v) || v < 1 || v > 256 || v != floor(v)) {
                fprintf(stderr, "placera whatif: --jobs needs a whole number 1..256, got '%s'\n", argv[i]);
                return 2;
            }
            o->jobs = (long)v;
        } else if (!strcmp(a, "--quiet")) {
            o->quiet = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "placera whatif: unknown or incomplete option '%s'\n", a);
            return usage();
        } else if (!o->base) {
            o->base = a;
        } else {
            o->scenarios[o->n_scenarios++] = a;
        }
    }
    if (!o->base || o->n_scenarios == 0)
        return usage();
    if (o->keep_until_text && !o->schedule) {
        fprintf(stderr, "placera whatif: --keep-until needs --schedule (the published plan "
                        "whose past is kept)\n");
        return usage();
    }
    return 0;
}

/* Column labels from the scenario files' names.  Without --keep two files
 * with one name (or one named "base") get numbered labels; with --keep the
 * labels name files, so such a clash is refused (false, with a message). */
static bool make_labels(const options *o, char **labels)
{
    int n = o->n_scenarios;
    for (int i = 0; i < n; i++) {
        if (!(labels[i] = stem(o->scenarios[i]))) {
            fprintf(stderr, "placera whatif: %s\n", pl_strerror(PL_ERR_NOMEM));
            return false;
        }
        const char *other = !strcmp(labels[i], "base") ? o->base : NULL;
        for (int k = 0; !other && k < i; k++)
            if (!strcmp(labels[k], labels[i]))
                other = o->scenarios[k];
        if (!other)
            continue;
        if (o->keep) {
            fprintf(stderr, "placera whatif: %s and %s would both be kept as "
                            "%s/%s.schedule.json; rename the scenario file\n",
                    other, o->scenarios[i], o->keep, labels[i]);
            return false;
        }
        size_t len = strlen(labels[i]) + 24;
        char *l = malloc(len);
        if (!l) {
            fprintf(stderr, "placera whatif: %s\n", pl_strerror(PL_ERR_NOMEM));
            return false;
        }
        snprintf(l, len, "%s-%d", labels[i], i + 1);
        free(labels[i]);
        labels[i] = l;
    }
    return true;
}

/* Before any work: no output (--json, a kept schedule) is an input, and no
 * file --keep would write exists already (it writes only new files).
 * keep_paths[0] is the base's, keep_paths[i] scenario i's. */
static bool outputs_ok(const options *o, const cmd_common *common, char **keep_paths)
{
    int n = o->n_scenarios, n_out = 0;
    bool ok = true;
    const char **inputs = calloc((size_t)n + 2, sizeof *inputs);
    const char **outputs = calloc((size_t)n + 3, sizeof *outputs);
    if (!inputs || !outputs) {
        fprintf(stderr, "placera whatif: %s\n", pl_strerror(PL_ERR_NOMEM));
        ok = false;
        goto cleanup;
    }
    inputs[0] = o->base;
    for (int i = 0; i < n; i++)
        inputs[i + 1] = o->scenarios[i];
    inputs[n + 1] = o->schedule; /* the published base, when given */
    outputs[n_out++] = o->json;
    for (int i = 0; keep_paths && i <= n; i++)
        outputs[n_out++] = keep_paths[i];
    outputs[n_out++] = o->html;
    if (!cmd_files_ok("whatif", common, outputs, (size_t)n_out, inputs, (size_t)n + 2)) {
        ok = false;
        goto cleanup;
    }
    for (int i = 0; keep_paths && i <= n; i++) {
        struct stat st;
        if (lstat(keep_paths[i], &st) == 0) {
            fprintf(stderr, "%s: error: exists already; --keep writes only new "
                            "files: remove it or choose another directory\n",
                    keep_paths[i]);
            ok = false;
        }
    }
cleanup:
    free(inputs);
    free(outputs);
    return ok;
}

/* After a failure to write an output: remove the ones this run wrote, and
 * the directory when this run created it, so nothing half-done remains. */
static void undo_keep(const options *o, char **keep_paths, const int *kept,
                      bool created_dir)
{
    for (int i = 0; i <= o->n_scenarios; i++)
        if (kept[i] == KEEP_WRITTEN)
            remove(keep_paths[i]);
    if (created_dir)
        rmdir(o->keep);
    fprintf(stderr, "placera whatif: an output could not be written; the "
                    "schedules this run kept in %s were removed\n", o->keep);
}

int cmd_whatif(int argc, char **argv, const cmd_common *common)
{
    options o;
    base_run b = {NULL, NULL, NULL, NULL};
    pl_diags diags;
    pl_whatif_column *cols = NULL;
    char **labels = NULL, **keep_paths = NULL;
    int *kept = NULL;
    int exit_code = 2, n = 0;
    bool created_dir = false;

    memset(&o, 0, sizeof o);
    pl_diags_init(&diags);
    if (parse(argc, argv, &o) != 0)
        goto cleanup;
    n = o.n_scenarios;
    cols = calloc((size_t)n + 1, sizeof *cols);
    labels = calloc((size_t)n, sizeof *labels);
    kept = calloc((size_t)n + 1, sizeof *kept);
    if (!cols || !labels || !kept)
        goto nomem;
    for (int i = 0; i <= n; i++)
        pl_whatif_column_init(&cols[i]);
    if (!make_labels(&o, labels))
        goto cleanup;
    if (o.keep) {
        if (!(keep_paths = calloc((size_t)n + 1, sizeof *keep_paths)) ||
            !(keep_paths[0] = keep_path(o.keep, "base")))
            goto nomem;
        for (int i = 0; i < n; i++)
            if (!(keep_paths[i + 1] = keep_path(o.keep, labels[i])))
                goto nomem;
    }
    if (!outputs_ok(&o, common, keep_paths))
        goto cleanup;
    if (o.html && !o.keep) { /* the scenarios' schedules, for the page */
        const char *dir = getenv("TMPDIR");
        dir = dir && *dir ? dir : "/tmp";
        size_t len = strlen(dir) + 32;
        if (!(o.scratch = malloc(len)))
            goto nomem;
        snprintf(o.scratch, len, "%s/placera-whatif-XXXXXX", dir);
        if (!mkdtemp(o.scratch)) {
            fprintf(stderr, "placera whatif: cannot create a temporary directory in %s: %s\n",
                    dir, strerror(errno));
            free(o.scratch);
            o.scratch = NULL;
            goto cleanup;
        }
        o.keep = o.scratch;
    }
    if (o.keep && !o.scratch) {
        if (mkdir(o.keep, 0777) == 0) {
            created_dir = true;
        } else if (errno != EEXIST) {
            fprintf(stderr, "placera whatif: cannot create %s: %s\n", o.keep, strerror(errno));
            goto cleanup;
        }
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    /* The base, then every scenario patched and validated before any solve. */
    pl_status st = pl_instance_load(o.base, &b.inst, &diags);
    if (st != PL_OK || !o.quiet)
        pl_diags_print(&diags, stderr);
    pl_diags_clear(&diags);
    if (st != PL_OK)
        goto cleanup;
    if (o.keep_until_text &&
        pl_instance_period(b.inst, o.keep_until_text, &o.keep_until) != PL_OK) {
        fprintf(stderr, "placera whatif: --keep-until needs a period 0..%zu or a date of "
                        "the horizon, got '%s'\n", pl_instance_period_count(b.inst),
                o.keep_until_text);
        goto cleanup;
    }
    if (!(b.scenarios = calloc((size_t)n + 1, sizeof *b.scenarios)))
        goto nomem;
    if (!load_scenarios(&o, &b))
        goto cleanup; /* exit 2: bad input, nothing solved */
    if (!(b.names = column_names(&o, &b, labels)))
        goto nomem;
    if (print_readings(&o, &b, labels) != PL_OK)
        goto nomem;

    if (o.schedule) {
        exit_code = published_base(&o, &b, &cols[0]);
        if (exit_code != 0)
            goto cleanup;
    } else {
        pl_params params;
        pl_params_init(&params);
        params.time_limit = o.time_limit;
        params.interrupt = &interrupted;
        if (!o.quiet)
            fprintf(stderr, "placera whatif: solving the base %s\n", o.base);
        st = pl_solve(b.inst, &params, &b.schedule, &diags);
        pl_diags_print(&diags, stderr);
        pl_diags_clear(&diags);
        if (b.schedule && pl_whatif_measure(b.inst, b.schedule, NULL, NULL, o.threshold,
                                            "base", o.base, &cols[0]) != PL_OK)
            goto nomem;
        if (!b.schedule) {
            fprintf(stderr, "placera whatif: the base has no schedule: %s\n", pl_strerror(st));
            pl_diags_add(&diags, PL_SEV_ERROR, o.base, 0, 0, NULL, "%s", pl_strerror(st));
            pl_whatif_column_invalid(&cols[0], "base", o.base, &diags);
            pl_diags_clear(&diags);
        } else if (st != PL_OK) {
            /* infeasible / no_solution: no reference for the scenarios */
            pl_schedule_free(b.schedule);
            b.schedule = NULL;
        }
    }
    if (b.schedule && o.keep)
        kept[0] = keep_schedule(o.keep, "base", b.schedule, b.inst);

    /* The scenarios. */
    if (!o.quiet)
        fprintf(stderr, "placera whatif: solving %d scenario%s%s\n", n, n == 1 ? "" : "s",
                o.jobs > 1 && n > 1 ? " in parallel" : "");
    if (o.jobs > 1 && n > 1) {
        if (run_parallel(&o, &b, labels, cols, kept + 1) != 0)
            exit_code = 1;
    } else {
        for (int i = 0; i < n; i++)
            if (run_scenario(&o, &b, i, labels[i], &cols[i + 1], &kept[i + 1]) != PL_OK)
                goto nomem;
    }

    exit_code = cols[0].has_schedule ? 0 : 1;
    for (int i = 1; i <= n; i++) {
        for (size_t k = 0; k < cols[i].n_errors; k++)
            fprintf(stderr, "%s\n", cols[i].errors[k]);
        if (!cols[i].valid)
            fprintf(stderr, "placera whatif: scenario %s is invalid\n", o.scenarios[i - 1]);
        if (!cols[i].has_schedule)
            exit_code = 1;
    }
    bool write_failed = false;
    if (pl_whatif_write_table(cols, (size_t)n + 1, o.threshold, stdout) != PL_OK) {
        fprintf(stderr, "placera whatif: cannot write the table\n");
        write_failed = true;
    }
    for (int i = 0; o.keep && !o.scratch && i <= n; i++)
        write_failed = write_failed || kept[i] == KEEP_FAILED;
    if (!write_failed && o.json &&
        pl_whatif_write_json(cols, (size_t)n + 1, o.threshold, o.json, &diags) != PL_OK) {
        pl_diags_print(&diags, stderr);
        write_failed = true;
    }
    if (!write_failed && o.html && write_page(&o, &b, labels, cols) != 0)
        write_failed = true;
    if (write_failed) {
        /* exit 2, and nothing this run wrote is left behind */
        if (o.keep && !o.scratch)
            undo_keep(&o, keep_paths, kept, created_dir);
        exit_code = 2;
    }
    goto cleanup;
nomem:
    fprintf(stderr, "placera whatif: %s\n", pl_strerror(PL_ERR_NOMEM));
    exit_code = 2;
cleanup:
    if (o.scratch) { /* only what this run wrote there */
        for (int i = 0; i < n; i++) {
            char *kp = labels && labels[i] ? keep_path(o.scratch, labels[i]) : NULL;
            if (kp)
                remove(kp);
            free(kp);
        }
        char *kp = keep_path(o.scratch, "base");
        if (kp)
            remove(kp);
        free(kp);
        rmdir(o.scratch);
        free(o.scratch);
    }
    for (int i = 0; cols && i <= n; i++)
        pl_whatif_column_clear(&cols[i]);
    free(cols);
    for (int i = 0; labels && i < n; i++)
        free(labels[i]);
    free(labels);
    for (int i = 0; keep_paths && i <= n; i++)
        free(keep_paths[i]);
    free(keep_paths);
    free(kept);
    for (int i = 0; b.scenarios && i < n; i++)
        pl_instance_free(b.scenarios[i]);
    for (int i = 0; b.names && i < n; i++)
        free(b.names[i]);
    free(b.names);
    free(b.scenarios);
    free(o.scenarios);
    pl_schedule_free(b.schedule);
    pl_instance_free(b.inst);
    pl_diags_free(&diags);
    return exit_code;
}
