/*
 * cmd_report.c — `placera report INSTANCE SCHEDULE -o FILE.html
 * [--group program|site|area] [--sort id|program|site] [--reference S
 * [--keep-until T]]`: a self-contained HTML report of a schedule for people
 * (timelines, occupancy, supervisor load).  Its figures are recomputed from
 * the instance and the placements (never copied from the file's stated
 * summary; `change` against --reference).  Exit 0 when written, 1 when the
 * schedule breaks a hard rule, 2 for bad usage or input.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static const cmd_option report_options[] = {
    {"-o, --output FILE", "the HTML file (required; - for standard output)"},
    {"--group G", "tables per program, site or area, or none (default)"},
    {"--sort S", "the order of trainees: id (default), program or site"},
    {"--reference SCHEDULE", "recompute `change` against SCHEDULE"},
    {"--keep-until T", "periods before T stay as in the reference"},
    {NULL, NULL},
};

const cmd_help cmd_report_help = {
    "report",
    "Draw a schedule for people as one HTML file: timelines, occupancy, supervisor load, why.",
    "placera report INSTANCE SCHEDULE -o FILE.html [options]",
    report_options,
    "docs/report.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_report_help);
}

/* The value of option `name` at argv[*i] ("--name V" or "--name=V"), or NULL. */
static const char *option(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n))
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

int cmd_report(int argc, char **argv, const cmd_common *common)
{
    const char *inst_path = NULL, *sched_path = NULL, *out = NULL, *v;
    const char *ref_path = NULL, *keep = NULL;
    pl_report_options opts;
    pl_instance *inst = NULL;
    pl_schedule *sched = NULL;
    pl_diags diags;
    pl_status st = PL_OK;
    int rc = 2;

    pl_report_options_init(&opts);
    for (int i = 1; i < argc; i++) {
        if ((v = option(argc, argv, &i, "-o")) || (v = option(argc, argv, &i, "--output"))) {
            out = v;
        } else if ((v = option(argc, argv, &i, "--group"))) {
            if (!strcmp(v, "program")) opts.group = PL_REPORT_GROUP_PROGRAM;
            else if (!strcmp(v, "site")) opts.group = PL_REPORT_GROUP_SITE;
            else if (!strcmp(v, "area")) opts.group = PL_REPORT_GROUP_AREA;
            else if (!strcmp(v, "none")) opts.group = PL_REPORT_GROUP_NONE;
            else return usage();
        } else if ((v = option(argc, argv, &i, "--sort"))) {
            if (!strcmp(v, "id")) opts.sort = PL_REPORT_SORT_ID;
            else if (!strcmp(v, "program")) opts.sort = PL_REPORT_SORT_PROGRAM;
            else if (!strcmp(v, "site")) opts.sort = PL_REPORT_SORT_SITE;
            else return usage();
        } else if ((v = option(argc, argv, &i, "--reference"))) {
            ref_path = v;
        } else if ((v = option(argc, argv, &i, "--keep-until"))) {
            keep = v;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "placera report: unknown or incomplete option '%s'\n", argv[i]);
            return usage();
        } else if (!inst_path) {
            inst_path = argv[i];
        } else if (!sched_path) {
            sched_path = argv[i];
        } else {
            return usage();
        }
    }
    if (!inst_path || !sched_path || !out || (keep && !ref_path))
        return usage();
    const char *inputs[] = {inst_path, sched_path};
    if (!cmd_files_ok("report", common, &out, 1, inputs, 2))
        return 2;

    rc = cmd_load_scored(inst_path, sched_path, ref_path, keep, "report", &inst, &sched);
    if (rc != 0)
        return rc;
    rc = 2;
    pl_diags_init(&diags);
    st = pl_report_html(inst, sched, &opts, out, &diags);
    pl_diags_print(&diags, stderr);
    if (st == PL_OK) {
        if (strcmp(out, "-"))
            fprintf(stderr, "placera: report written to %s\n", out);
        rc = 0;
    } else if (diags.count == 0) {
        fprintf(stderr, "placera report: %s\n", pl_strerror(st));
    }
    pl_schedule_free(sched);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return rc;
}
