/*
 * cmd_solve.c — `placera solve`: load, solve, write the schedule.
 *
 * Progress goes to standard error when it is a terminal or --progress is
 * given (one line per improvement); Ctrl-C or SIGTERM stops the search and
 * the best schedule found so far is written with status `feasible`.
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
        fprintf(stderr, "  gap %8s\n", "-");
    else
        fprintf(stderr, "  gap %7.2f%%\n", 100.0 * pr->gap);
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

static int usage(void)
{
    fprintf(stderr,
            "usage: placera solve INSTANCE [-o FILE] [--time-limit SEC] [--gap REL]\n"
            "                     [--reference SCHEDULE [--keep-until T]] [--format json|csv|text]\n"
            "                     [--write-lp FILE] [--write-mps FILE] [--memory-limit MB]\n"
            "                     [--method auto|compact|decomposition]\n"
            "                     [--allocation-only] [--progress] [--quiet]\n");
    return 2;
}

int cmd_solve(int argc, char **argv)
{
    const char *instance_path = NULL, *output = NULL, *reference_path = NULL, *keep = NULL;
    pl_format format = PL_FORMAT_JSON;
    bool quiet = false, progress = isatty(STDERR_FILENO);
    pl_params params;
    pl_diags diags;
    pl_instance *inst = NULL;
    pl_schedule *reference = NULL, *schedule = NULL;
    int exit_code = 2;

    pl_params_init(&params);
    pl_diags_init(&diags);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "-o") && has_value) {
            output = argv[++i];
        } else if (!strcmp(a, "--time-limit") && has_value) {
            if (!cmd_parse_number(argv[++i], &params.time_limit)) {
                fprintf(stderr, "placera solve: --time-limit needs seconds >= 0, got '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--gap") && has_value) {
            if (!cmd_parse_number(argv[++i], &params.gap)) {
                fprintf(stderr, "placera solve: --gap needs a relative gap >= 0, got '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--reference") && has_value) {
            reference_path = argv[++i];
        } else if (!strcmp(a, "--keep-until") && has_value) {
            keep = argv[++i];
        } else if (!strcmp(a, "--format") && has_value) {
            const char *f = argv[++i];
            if (!strcmp(f, "json"))
                format = PL_FORMAT_JSON;
            else if (!strcmp(f, "csv"))
                format = PL_FORMAT_CSV;
            else if (!strcmp(f, "text"))
                format = PL_FORMAT_TEXT;
            else {
                fprintf(stderr, "placera solve: --format must be json, csv or text, got '%s'\n", f);
                return 2;
            }
        } else if (!strcmp(a, "--write-lp") && has_value) {
            params.write_lp = argv[++i];
        } else if (!strcmp(a, "--write-mps") && has_value) {
            params.write_mps = argv[++i];
        } else if (!strcmp(a, "--memory-limit") && has_value) {
            double mb;
            if (!cmd_parse_number(argv[++i], &mb) || mb < 1) {
                fprintf(stderr, "placera solve: --memory-limit needs megabytes >= 1, got '%s'\n", argv[i]);
                return 2;
            }
            params.memory_limit_mb = (size_t)mb;
        } else if (!strcmp(a, "--method") && has_value) {
            const char *f = argv[++i];
            if (!pl_method_parse(f, &params.method)) {
                fprintf(stderr, "placera solve: --method must be auto, compact or decomposition, got '%s'\n", f);
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

    params.reference = reference;
    params.interrupt = &interrupted;
    if (progress && !quiet) {
        params.progress = print_progress;
        fprintf(stderr, "placera: solving %s (time limit %gs)\n", instance_path,
                params.time_limit);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    st = pl_solve(inst, &params, &schedule, &diags);
    pl_diags_print(&diags, stderr);
    pl_diags_clear(&diags);
    if (!schedule) {
        fprintf(stderr, "placera solve: %s\n", pl_strerror(st));
        exit_code = st == PL_ERR_INVALID || st == PL_ERR_USAGE ? 2 : 1;
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
    pl_schedule_free(schedule);
    pl_schedule_free(reference);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return exit_code;
}
