/*
 * write_text.c — write a generated or imported file (text in memory) to
 * standard output or, atomically through pli_write_atomic, to a file.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "placera.h"
#include "util/write_atomic.h"

static pl_status put_text(FILE *out, void *user)
{
    const char *text = user;
    size_t n = strlen(text);
    return fwrite(text, 1, n, out) == n ? PL_OK : PL_ERR_IO;
}

pl_status pl_write_text(const char *path, const char *text, pl_diags *diags)
{
    int err = 0;
    size_t n = strlen(text);

    if (!path || !strcmp(path, "-")) {
        if (fwrite(text, 1, n, stdout) != n || fflush(stdout) != 0) {
            pl_diags_add(diags, PL_SEV_ERROR, "<stdout>", 0, 0, NULL, "cannot write: %s",
                         strerror(errno));
            return PL_ERR_IO;
        }
        return PL_OK;
    }
    pl_status status = pli_write_atomic(path, put_text, (void *)text, &err);
    if (status != PL_OK)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "cannot write: %s",
                     status == PL_ERR_IO ? strerror(err ? err : EIO) : pl_strerror(status));
    return status;
}
