/*
 * cmd_check.c — `placera check INSTANCE SCHEDULE [--reference SCHEDULE]`:
 * re-verify every hard rule of a schedule and recompute every cost.
 *
 * Exit 0 when the check passed (a one-line summary on stdout), 1 when it
 * found violations or cost mismatches (each on stderr), 2 for bad usage or
 * input that cannot be read.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

/* Print -0 as 0. */
static double z(double x)
{
    return x == 0 ? 0 : x;
}

static const cmd_option check_options[] = {
    {"--reference SCHEDULE", "recompute `change` against the reference SCHEDULE"},
    {"--keep-until T", "periods before T stay as in the reference"},
    {NULL, NULL},
};

const cmd_help cmd_check_help = {
    "check",
    "Verify every hard rule of a schedule and recompute its costs, independently of the solver.",
    "placera check INSTANCE SCHEDULE [--reference SCHEDULE [--keep-until T]]",
    check_options,
    "docs/rules.md, docs/examples.md",
};

static int usage(void)
{
    return cmd_usage(&cmd_check_help);
}

int cmd_check(int argc, char **argv, const cmd_common *common)
{
    const char *inst_path = NULL, *sched_path = NULL, *ref_path = NULL, *keep = NULL;
    pl_check_options options;
    pl_instance *inst = NULL;
    pl_schedule *sched = NULL, *ref = NULL;
    pl_check_report *report = NULL;
    pl_diags diags;
    pl_status st;
    int rc = 2;

    pl_diags_init(&diags);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--reference")) {
            if (i + 1 >= argc || ref_path)
                return usage();
            ref_path = argv[++i];
        } else if (!strncmp(argv[i], "--reference=", 12) && !ref_path) {
            ref_path = argv[i] + 12;
        } else if (!strcmp(argv[i], "--keep-until") && i + 1 < argc) {
            keep = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "placera check: unknown option '%s'\n", argv[i]);
            return usage();
        } else if (!inst_path) {
            inst_path = argv[i];
        } else if (!sched_path) {
            sched_path = argv[i];
        } else {
            return usage();
        }
    }
    if (!inst_path || !sched_path)
        return usage();
    if (keep && !ref_path) {
        fprintf(stderr, "placera check: --keep-until needs --reference\n");
        return usage();
    }
    const char *inputs[] = {inst_path, sched_path, ref_path};
    if (!cmd_files_ok("check", common, NULL, 0, inputs, 3))
        return 2;
    pl_check_options_init(&options);

    st = pl_instance_load(inst_path, &inst, &diags);
    if (st != PL_OK)
        goto cleanup;
    if (keep && pl_instance_period(inst, keep, &options.keep_until) != PL_OK) {
        fprintf(stderr, "placera check: --keep-until needs a period 0..%zu or a date of "
                        "the horizon, got '%s'\n", pl_instance_period_count(inst), keep);
        st = PL_ERR_USAGE;
        goto cleanup;
    }
    st = pl_schedule_load(sched_path, inst, false, &sched, &diags);
    if (st != PL_OK)
        goto cleanup;
    if (ref_path) {
        st = pl_schedule_load(ref_path, inst, true, &ref, &diags);
        if (st != PL_OK)
            goto cleanup;
    }
    pl_diags_print(&diags, stderr); /* warnings, if any */
    pl_diags_clear(&diags);
    options.reference = ref;
    st = pl_check_with(inst, sched, &options, &report);
    if (st != PL_OK)
        goto cleanup;

    cmd_print_check(&report->violations, sched_path);
    cmd_print_check(&report->mismatches, sched_path);
    const pl_costs *k = &report->costs;
    if (pl_check_passed(report)) {
        printf("ok: %zu placements, cost %.10g (unmet %g, unassigned %g, idle %g, "
               "site_change %g, preference %g, change %g, rank %g, unallocated %g, "
               "no_mentor %g, understaffed %g, priority %g, fairness %g)\n",
               report->n_placements, z(report->cost), z(k->unmet), z(k->unassigned),
               z(k->idle), z(k->site_change), z(k->preference), z(k->change), z(k->rank),
               z(k->unallocated), z(k->no_mentor), z(k->understaffed), z(k->priority),
               z(k->fairness));
        rc = 0;
    } else {
        fprintf(stderr, "%s: check failed: %zu violation%s, %zu cost mismatch%s (recomputed cost %.10g)\n",
                sched_path, pl_diags_total(&report->violations),
                pl_diags_total(&report->violations) == 1 ? "" : "s",
                pl_diags_total(&report->mismatches),
                pl_diags_total(&report->mismatches) == 1 ? "" : "es", report->cost);
        rc = 1;
    }
cleanup:
    if (st != PL_OK) {
        pl_diags_print(&diags, stderr);
        if (diags.count == 0 && st != PL_ERR_USAGE)
            fprintf(stderr, "placera check: %s\n", pl_strerror(st));
        rc = 2;
    }
    pl_check_report_free(report);
    pl_schedule_free(ref);
    pl_schedule_free(sched);
    pl_instance_free(inst);
    pl_diags_free(&diags);
    return rc;
}
