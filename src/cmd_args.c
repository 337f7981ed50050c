/*
 * cmd_args.c — argument parsing shared by the subcommands.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"

bool cmd_parse_number(const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !isfinite(v) || v < 0)
        return false;
    *out = v;
    return true;
}

/* Check messages as `placera check` prints them: FILE: /path: error: message. */
void cmd_print_check(const pl_diags *d, const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        const pl_diag *x = &d->items[i];
        if (x->path)
            fprintf(stderr, "%s: %s: error: %s\n", path, x->path[0] ? x->path : "/", x->message);
        else
            fprintf(stderr, "%s: error: %s\n", path, x->message);
    }
}

int cmd_recompute(const pl_instance *instance, pl_schedule **schedule,
                  const pl_schedule *reference, int keep_until, const char *path,
                  const char *who)
{
    pl_check_options o;
    pl_check_report *report = NULL;
    pl_schedule *fresh = NULL;
    if (!pl_schedule_rescorable(*schedule, instance))
        return 0;
    pl_check_options_init(&o);
    o.reference = reference;
    o.keep_until = keep_until;
    pl_status st = pl_rescore(instance, *schedule, &o, &fresh, &report);
    int rc = 0;
    if (st == PL_ERR_CHECK) {
        cmd_print_check(&report->violations, path);
        fprintf(stderr, "placera %s: %s breaks %zu hard rule%s; nothing written\n", who, path,
                report->violations.count, report->violations.count == 1 ? "" : "s");
        rc = 1;
    } else if (st != PL_OK) {
        fprintf(stderr, "placera %s: %s\n", who, pl_strerror(st));
        rc = 2;
    } else {
        pl_schedule_free(*schedule);
        *schedule = fresh;
    }
    pl_check_report_free(report);
    return rc;
}

int cmd_load_scored(const char *inst_path, const char *sched_path, const char *ref_path,
                    const char *keep, const char *who, pl_instance **inst,
                    pl_schedule **sched)
{
    pl_diags diags;
    pl_schedule *ref = NULL;
    int keep_until = 0, rc = 2;
    pl_diags_init(&diags);
    *inst = NULL;
    *sched = NULL;
    pl_status st = pl_instance_load(inst_path, inst, &diags);
    if (st == PL_OK && keep && pl_instance_period(*inst, keep, &keep_until) != PL_OK) {
        fprintf(stderr, "placera %s: --keep-until needs a period 0..%zu or a date of "
                        "the horizon, got '%s'\n", who, pl_instance_period_count(*inst), keep);
        goto cleanup;
    }
    if (st == PL_OK)
        st = pl_schedule_load(sched_path, *inst, false, sched, &diags);
    if (st == PL_OK && ref_path)
        st = pl_schedule_load(ref_path, *inst, true, &ref, &diags);
    pl_diags_print(&diags, stderr);
    if (st != PL_OK) {
        if (diags.count == 0)
            fprintf(stderr, "placera %s: %s\n", who, pl_strerror(st));
        goto cleanup;
    }
    rc = cmd_recompute(*inst, sched, ref, keep_until, sched_path, who);
cleanup:
    if (rc != 0) {
        pl_schedule_free(*sched);
        pl_instance_free(*inst);
        *sched = NULL;
        *inst = NULL;
    }
    pl_schedule_free(ref);
    pl_diags_free(&diags);
    return rc;
}
