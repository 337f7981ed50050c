/*
 * cmd_args.c — argument parsing shared by the subcommands.
 */
#include <errno.h>
#include <math.h>
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
