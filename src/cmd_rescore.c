/*
 * cmd_rescore.c — `placera rescore INSTANCE SCHEDULE [-o FILE]
 * [--reference SCHEDULE [--keep-until T]] [--format json|csv|text]`: a
 * schedule edited by hand, brought back: every hard rule is checked as by
 * `placera check`, and when none is broken the schedule is written again
 * with its cost, costs, trainee_costs and unmet / unassigned / understaffed
 * lists recomputed from the instance (the stated ones are ignored).  Exit
 * 0 when written, 1 when a hard rule is broken (the check's messages, and
 * nothing written), 2 for bad usage or input.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

static const cmd_option rescore_options[] = {
    {"-o FILE", "write the schedule to FILE (else standard output)"},
    {"--format F", "json (the default), csv or text (a table)"},
    {"--reference SCHEDULE", "charge `change` for each move from SCHEDULE"},
    {"--keep-until T", "periods before T must be as in the reference"},
    {"--quiet", "no summary, only errors"},
    {NULL, NULL},
};

const cmd_help cmd_rescore_help = {
    "rescore",
    "Recompute the costs and lists of a schedule edited by hand; refuse one that breaks a hard rule.",
    "placera rescore INSTANCE SCHEDULE [options]",
    rescore_options,
    "docs/whatif.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_rescore_help);
}

int cmd_rescore(int argc, char **argv, const cmd_common *common)
{
    const char *inst_path = NULL, *sched_path = NULL, *ref_path = NULL, *keep = NULL;
    const char *output = NULL;
    pl_format format = PL_FORMAT_JSON;
    bool quiet = false;
    pl_instance *inst = NULL;
    pl_schedule *sched = NULL, *ref = NULL;
    pl_diags diags;
    int keep_until = 0, rc = 2;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "-o") && has_value) {
            output = argv[++i];
        } else if (!strcmp(a, "--reference") && has_value) {
            ref_path = argv[++i];
        } else if (!strcmp(a, "--keep-until") && has_value) {
            keep = argv[++i];
        } else if (!strcmp(a, "--format") && has_value) {
            if (!cmd_parse_format("rescore", argv[++i], &format))
                return 2;
        } else if (!strcmp(a, "--quiet")) {
            quiet = true;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "placera rescore: unknown or incomplete option '%s'\n", a);
            return usage();
        } else if (!inst_path) {
            inst_path = a;
        } else if (!sched_path) {
            sched_path = a;
        } else {
            return usage();
        }
    }
    if (!inst_path || !sched_path)
        return usage();
    if (keep && !ref_path) {
        fprintf(stderr, "placera rescore: --keep-until needs --reference\n");
        return usage();
    }
    const char *inputs[] = {inst_path, sched_path, ref_path};
    if (!cmd_files_ok("rescore", common, &output, 1, inputs, 3))
        return 2;

    pl_diags_init(&diags);
    pl_status st = pl_instance_load(inst_path, &inst, &diags);
    if (st == PL_OK && keep && pl_instance_period(inst, keep, &keep_until) != PL_OK) {
        fprintf(stderr, "placera rescore: --keep-until needs a period 0..%zu or a date of "
                        "the horizon, got '%s'\n", pl_instance_period_count(inst), keep);
        goto cleanup;
    }
    if (st == PL_OK)
        st = pl_schedule_load(sched_path, inst, false, &sched, &diags);
    if (st == PL_OK && ref_path)
        st = pl_schedule_load(ref_path, inst, true, &ref, &diags);
    pl_diags_print(&diags, stderr);
    pl_diags_clear(&diags);
    if (st != PL_OK)
        goto cleanup;
    if (!pl_schedule_rescorable(sched, inst)) {
        fprintf(stderr, "placera rescore: %s has no placements to score (status %s, or an "
                        "allocation only)\n", sched_path, pl_schedule_status(sched));
        goto cleanup;
    }
    double stated = pl_schedule_cost(sched);
    pl_check_options o;
    pl_check_report *report = NULL;
    pl_schedule *fresh = NULL;
    pl_check_options_init(&o);
    o.reference = ref;
    o.keep_until = keep_until;
    st = pl_rescore(inst, sched, &o, &fresh, &report);
    if (st == PL_OK && pl_schedule_write(fresh, inst, format, output, &diags) != PL_OK) {
        pl_diags_print(&diags, stderr);
        st = PL_ERR_IO;
    }
    if (st == PL_OK) {
        rc = 0;
        if (!quiet) {
            fprintf(stderr, "placera rescore: cost %.10g", pl_schedule_cost(fresh));
            if (stated == stated) /* the file stated one */
                fprintf(stderr, " (the file stated %.10g)", stated);
            if (report->n_unnamed > 0)
                fprintf(stderr, "; %zu of %zu rows name no supervisor", report->n_unnamed,
                        report->n_placements);
            if (output)
                fprintf(stderr, ", written to %s", output);
            fputc('\n', stderr);
        }
    } else if (st == PL_ERR_CHECK) {
        pl_schedule_free(sched);
        sched = NULL;
        cmd_print_check(&report->violations, sched_path);
        fprintf(stderr, "placera rescore: %s breaks %zu hard rule%s; nothing written\n",
                sched_path, report->violations.count,
                report->violations.count == 1 ? "" : "s");
        rc = 1;
    } else if (st != PL_ERR_IO) {
        fprintf(stderr, "placera rescore: %s\n", pl_strerror(st));
    }
    pl_check_report_free(report);
    pl_schedule_free(fresh);
cleanup:
    pl_schedule_free(ref);
    pl_schedule_free(sched);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return rc;
}
