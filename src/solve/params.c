/*
 * params.c — the defaults of pl_params (like GLPK's glp_init_iocp).
 */
#include <string.h>

#include "placera.h"

void pl_params_init(pl_params *params)
{
    memset(params, 0, sizeof *params);
    params->time_limit = 60.0;
    params->gap = 0.0;
}

bool pl_method_parse(const char *name, pl_method *out)
{
    static const char *const names[] = {"auto", "compact", "decomposition",
                                        "branch-and-price"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(name, names[i])) {
            *out = (pl_method)i;
            return true;
        }
    return false;
}
