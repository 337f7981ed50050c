/*
 * write_text.c — write a generated or imported file atomically: the text
 * goes to a temporary file in the target's directory, is flushed to disk and
 * renamed over the target, so nothing half-written is ever seen and nothing
 * is left behind on failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "placera.h"
#include "util/strutil.h"

pl_status pl_write_text(const char *path, const char *text, pl_diags *diags)
{
    pl_status status = PL_OK;
    size_t n = strlen(text);
    char *tmp = NULL;
    FILE *f = NULL;
    int fd = -1;
    struct stat st;
    mode_t mode = 0644;

    if (!path || !strcmp(path, "-")) {
        if (fwrite(text, 1, n, stdout) != n || fflush(stdout) != 0) {
            pl_diags_add(diags, PL_SEV_ERROR, "<stdout>", 0, 0, NULL, "cannot write: %s",
                         strerror(errno));
            return PL_ERR_IO;
        }
        return PL_OK;
    }
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        mode = st.st_mode & 07777;
    if (!(tmp = pl_asprintf("%s.XXXXXX", path)))
        return PL_ERR_NOMEM;
    if ((fd = mkstemp(tmp)) < 0) {
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "cannot create: %s", strerror(errno));
        free(tmp);
        return PL_ERR_IO;
    }
    if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "wb"))) {
        status = PL_ERR_IO;
        goto cleanup;
    }
    fd = -1;
    if (fwrite(text, 1, n, f) != n || fflush(f) != 0 || fsync(fileno(f)) != 0) {
        status = PL_ERR_IO;
        goto cleanup;
    }
    if (fclose(f) != 0) {
        f = NULL;
        status = PL_ERR_IO;
        goto cleanup;
    }
    f = NULL;
    if (rename(tmp, path) != 0)
        status = PL_ERR_IO;
cleanup:
    if (status != PL_OK) {
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "cannot write: %s", strerror(errno));
        if (f)
            fclose(f);
        if (fd >= 0)
            close(fd);
        unlink(tmp);
    }
    free(tmp);
    return status;
}
