/*
 * status.c — the text of each pl_status (pl_strerror).
 */
#include "placera.h"

const char *pl_strerror(pl_status status)
{
    switch (status) {
    case PL_OK: return "success";
    case PL_ERR_NOMEM: return "out of memory";
    case PL_ERR_IO: return "input/output error";
    case PL_ERR_SYNTAX: return "syntax error in JSON input";
    case PL_ERR_INVALID: return "invalid input";
    case PL_ERR_USAGE: return "bad usage";
    case PL_ERR_INFEASIBLE: return "no schedule satisfies the hard rules";
    case PL_ERR_NO_SOLUTION: return "no schedule found within the limits";
    case PL_ERR_SOLVER: return "internal solver error";
    case PL_ERR_LIMIT: return "size or memory limit exceeded";
    case PL_ERR_INTERRUPTED: return "interrupted";
    case PL_ERR_CHECK: return "the schedule breaks a rule";
    }
    return "unknown status";
}
