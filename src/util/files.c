/*
 * files.c — the safety checks on the files a command reads and writes:
 * no output may be one of the inputs (pl_outputs_check).  Every command
 * calls it before any work, so that `solve X -o X`, `report I S -o S` or
 * `whatif ... --json BASE` are refused instead of destroying an input.
 */
#include <string.h>
#include <sys/stat.h>

#include "placera.h"

/* Standard input/output and absent names are not files. */
static bool is_file_name(const char *path)
{
    return path && path[0] && strcmp(path, "-") != 0;
}

bool pl_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!is_file_name(a) || !is_file_name(b))
        return false;
    /* the same device and inode: also through symbolic links, hard links,
     * "./x" and "../d/x"; a name that does not exist is no input */
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

pl_status pl_outputs_check(const char *const *outputs, size_t n_outputs,
                           const char *const *inputs, size_t n_inputs,
                           pl_diags *diags)
{
    pl_status status = PL_OK;
    for (size_t o = 0; o < n_outputs; o++) {
        for (size_t i = 0; i < n_inputs; i++) {
            if (!pl_same_file(outputs[o], inputs[i]))
                continue;
            if (diags &&
                pl_diags_add(diags, PL_SEV_ERROR, outputs[o], 0, 0, NULL,
                             "this output is the input file %s; placera never "
                             "writes over its inputs: choose another output",
                             inputs[i]) != PL_OK)
                return PL_ERR_NOMEM;
            status = PL_ERR_USAGE;
            break;
        }
    }
    return status;
}
