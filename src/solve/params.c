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
