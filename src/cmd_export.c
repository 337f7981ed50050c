/*
 * cmd_export.c — `placera export ics|csv INSTANCE SCHEDULE [-o DIR]
 * [--bom] [--semicolon] [--reference S [--keep-until T]]`: calendars per
 * trainee and site (ics), or the placements as spreadsheets (csv), in DIR
 * (default: the current directory; created if missing).  The schedule's
 * figures are recomputed from the instance first (never trusted from the
 * file).  `placera export csv INSTANCE -o DIR` (no schedule): the instance
 * itself as the folder of spreadsheets that `placera import csv` reads
 * (docs/spreadsheets.md); DIR must be new or empty.  Exit 0 when written,
 * 1 when the schedule breaks a hard rule, 2 for bad usage or input.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static const cmd_option export_options[] = {
    {"-o, --output DIR", "the folder (default: here; an instance: a new one)"},
    {"--bom", "csv: a UTF-8 byte order mark first (for Excel)"},
    {"--semicolon", "csv: ; between cells, decimal commas (Swedish Excel)"},
    {"--reference SCHEDULE", "recompute `change` against SCHEDULE"},
    {"--keep-until T", "periods before T stay as in the reference"},
    {NULL, NULL},
};

const cmd_help cmd_export_help = {
    "export",
    "Write a schedule as calendars (ics) or spreadsheets (csv), or an instance as the spreadsheets import reads.",
    "placera export ics INSTANCE SCHEDULE [-o DIR]\n"
    "placera export csv INSTANCE SCHEDULE [-o DIR] [--bom] [--semicolon]\n"
    "placera export csv INSTANCE -o DIR [--bom] [--semicolon]\n"
    "(with a schedule: [--reference SCHEDULE [--keep-until T]])",
    export_options,
    "docs/report.md (a schedule), docs/spreadsheets.md (an instance)",
};

static int usage(void)
{
    return cmd_usage(&cmd_export_help);
}

/* The instance as spreadsheets (no schedule given). */
static int export_instance(const char *inst_path, const char *dir,
                           const pl_csv_options *csv, const cmd_common *common)
{
    pl_diags diags;
    if (!dir || !dir[0]) {
        fprintf(stderr, "placera export: an instance is written to a new folder: "
                        "give it with -o DIR\n");
        return usage();
    }
    const char *inputs[] = {inst_path};
    if (!cmd_files_ok("export", common, NULL, 0, inputs, 1))
        return 2;
    pl_diags_init(&diags);
    pl_status st = pl_export_instance_csv(inst_path, csv, dir, &diags);
    pl_diags_print(&diags, stderr);
    if (st == PL_OK)
        fprintf(stderr, "placera: the instance written as spreadsheets to %s\n", dir);
    else if (diags.count == 0)
        fprintf(stderr, "placera export: %s\n", pl_strerror(st));
    pl_diags_free(&diags);
    return st == PL_OK ? 0 : 2;
}

int cmd_export(int argc, char **argv, const cmd_common *common)
{
    const char *kind = NULL, *inst_path = NULL, *sched_path = NULL, *dir = NULL;
    const char *ref_path = NULL, *keep = NULL;
    pl_csv_options csv;
    pl_instance *inst = NULL;
    pl_schedule *sched = NULL;
    pl_diags diags;
    pl_status st = PL_OK;
    int rc = 2;

    pl_csv_options_init(&csv);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) {
            if (i + 1 >= argc)
                return usage();
            dir = argv[++i];
        } else if (!strncmp(argv[i], "--output=", 9)) {
            dir = argv[i] + 9;
        } else if (!strcmp(argv[i], "--reference") && i + 1 < argc) {
            ref_path = argv[++i];
        } else if (!strcmp(argv[i], "--keep-until") && i + 1 < argc) {
            keep = argv[++i];
        } else if (!strcmp(argv[i], "--bom")) {
            csv.bom = true;
        } else if (!strcmp(argv[i], "--semicolon")) {
            csv.separator = ';';
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "placera export: unknown option '%s'\n", argv[i]);
            return usage();
        } else if (!kind) {
            kind = argv[i];
        } else if (!inst_path) {
            inst_path = argv[i];
        } else if (!sched_path) {
            sched_path = argv[i];
        } else {
            return usage();
        }
    }
    if (kind && !strcmp(kind, "csv") && inst_path && !sched_path && !ref_path)
        return export_instance(inst_path, dir, &csv, common);
    if (!dir)
        dir = ".";
    if (!kind || !inst_path || !sched_path || !dir[0] ||
        (strcmp(kind, "ics") && strcmp(kind, "csv")))
        return usage();
    if (!strcmp(kind, "ics") && (csv.bom || csv.separator != ',')) {
        fprintf(stderr, "placera export: --bom and --semicolon are for csv\n");
        return usage();
    }
    if (keep && !ref_path)
        return usage();

    const char *inputs[] = {inst_path, sched_path, ref_path};
    if (!cmd_files_ok("export", common, NULL, 0, inputs, 3))
        return 2;
    pl_diags_init(&diags);
    st = pl_export_outputs_check(!strcmp(kind, "ics"), dir, inputs, 3, &diags);
    if (st != PL_OK) {
        pl_diags_print(&diags, stderr);
        pl_diags_free(&diags);
        return 2;
    }
    rc = cmd_load_scored(inst_path, sched_path, ref_path, keep, "export", &inst, &sched);
    if (rc != 0) {
        pl_diags_free(&diags);
        return rc;
    }
    rc = 2;
    size_t files = 2;
    st = !strcmp(kind, "ics") ? pl_export_ics(inst, sched, dir, &files, &diags)
                              : pl_export_csv(inst, sched, &csv, dir, &diags);
    pl_diags_print(&diags, stderr);
    if (st == PL_OK) {
        fprintf(stderr, "placera: %zu %s file%s written to %s\n", files, kind,
                files == 1 ? "" : "s", dir);
        rc = 0;
    } else if (diags.count == 0) {
        fprintf(stderr, "placera export: %s\n", pl_strerror(st));
    }
    pl_schedule_free(sched);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return rc;
}
