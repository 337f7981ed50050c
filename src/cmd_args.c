/*
 * cmd_args.c — argument parsing shared by the subcommands.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

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

bool cmd_outputs_ok(const char *command, const char *const *outputs,
                    size_t n_outputs, const char *const *inputs, size_t n_inputs)
{
    pl_diags diags;
    pl_diags_init(&diags);
    pl_status st = pl_outputs_check(outputs, n_outputs, inputs, n_inputs, &diags);
    pl_diags_print(&diags, stderr);
    if (st != PL_OK && diags.count == 0)
        fprintf(stderr, "placera %s: %s\n", command, pl_strerror(st));
    pl_diags_free(&diags);
    return st == PL_OK;
}
