/*
 * cmd_args.c — argument parsing shared by the subcommands.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

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

bool cmd_parse_range(const char *text, double lo, double hi, double *out)
{
    double v;
    if (!cmd_parse_number(text, &v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool cmd_parse_size(const char *text, unsigned long long *out)
{
    char *end;
    if (text[0] < '0' || text[0] > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    unsigned shift = 0;
    if (errno)
        return false;
    if (*end && !end[1]) {
        switch (*end) {
        case 'K': case 'k': shift = 10; break;
        case 'M': case 'm': shift = 20; break;
        case 'G': case 'g': shift = 30; break;
        case 'T': case 't': shift = 40; break;
        default: return false;
        }
    } else if (*end) {
        return false;
    }
    if (v == 0 || v > (CMD_MAX_INPUT_SIZE >> shift))
        return false;
    *out = v << shift;
    return true;
}

int cmd_take_common(int argc, char **argv, cmd_common *common)
{
    int kept = 1;
    common->max_input_size = PL_DEFAULT_MAX_INPUT_SIZE;
    for (int i = 1; i < argc; i++) {
        const char *value = NULL;
        if (!strcmp(argv[i], "--max-input-size")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "placera: --max-input-size needs a size\n");
                return -1;
            }
            value = argv[++i];
        } else if (!strncmp(argv[i], "--max-input-size=", 17)) {
            value = argv[i] + 17;
        } else {
            argv[kept++] = argv[i];
            continue;
        }
        if (!cmd_parse_size(value, &common->max_input_size)) {
            fprintf(stderr, "placera: --max-input-size needs bytes from 1 to 1P, "
                            "with K, M, G or T for 2^10, 2^20, 2^30, 2^40; got '%s'\n",
                    value);
            return -1;
        }
    }
    argv[kept] = NULL;
    return kept;
}

bool cmd_files_ok(const char *command, const cmd_common *common,
                  const char *const *outputs, size_t n_outputs,
                  const char *const *inputs, size_t n_inputs)
{
    pl_diags diags;
    pl_status st = PL_OK;
    pl_diags_init(&diags);
    for (size_t i = 0; i < n_inputs; i++) {
        pl_status one = pl_input_check(inputs[i], common->max_input_size, &diags);
        if (one != PL_OK)
            st = one;
    }
    if (st == PL_OK)
        st = pl_outputs_check(outputs, n_outputs, inputs, n_inputs, &diags);
    pl_diags_print(&diags, stderr);
    if (st != PL_OK && diags.count == 0)
        fprintf(stderr, "placera %s: %s\n", command, pl_strerror(st));
    pl_diags_free(&diags);
    return st == PL_OK;
}

/* Check messages as `placera check` prints them: FILE: /path: error: message. */
void cmd_print_check(const pl_diags *d, const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        const pl_diag *x = &d->items[i];
        const char *sev = x->severity == PL_SEV_NOTE ? "note" : "error"; /* "N more" */
        if (x->path)
            fprintf(stderr, "%s: %s: %s: %s\n", path, x->path[0] ? x->path : "/", sev,
                    x->message);
        else
            fprintf(stderr, "%s: %s: %s\n", path, sev, x->message);
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

bool cmd_parse_format(const char *command, const char *text, pl_format *out)
{
    if (!strcmp(text, "json"))
        *out = PL_FORMAT_JSON;
    else if (!strcmp(text, "csv"))
        *out = PL_FORMAT_CSV;
    else if (!strcmp(text, "text"))
        *out = PL_FORMAT_TEXT;
    else {
        fprintf(stderr, "placera %s: --format must be json, csv or text, got '%s'\n", command,
                text);
        return false;
    }
    return true;
}
