/*
 * write_atomic.c — pl_write_atomic: temporary file, fsync, rename.
 */
#include "util/write_atomic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/strutil.h"

static mode_t mode_for(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    return 0644;
}

/* Put the complete temporary file in place: renamed over `path`, or, when
 * `replace` is false, linked to `path` only if no file of that name exists
 * (link fails with EEXIST, atomically) and then unlinked. */
static int put_in_place(const char *tmp, const char *path, bool replace)
{
    if (replace)
        return rename(tmp, path);
    if (link(tmp, path) != 0)
        return -1;
    unlink(tmp);
    return 0;
}

static pl_status write_atomic(const char *path, pl_write_fn fn, void *user,
                              bool replace, int *err)
{
    pl_status status = PL_OK;
    char *tmp = NULL;
    FILE *f = NULL;
    int fd = -1, e = 0;

    if (!path || !fn)
        return PL_ERR_USAGE;
    if (!(tmp = pl_asprintf("%s.XXXXXX", path)))
        return PL_ERR_NOMEM;
    if ((fd = mkstemp(tmp)) < 0) {
        e = errno;
        free(tmp);
        tmp = NULL; /* nothing was created */
        status = PL_ERR_IO;
        goto cleanup;
    }
    if (fchmod(fd, mode_for(path)) != 0 || !(f = fdopen(fd, "w"))) {
        e = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    fd = -1; /* the stream owns it */
    errno = 0;
    status = fn(f, user);
    if (status != PL_OK) {
        e = errno;
        goto cleanup;
    }
    if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
        e = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    int closed = fclose(f);
    f = NULL;
    if (closed != 0 || put_in_place(tmp, path, replace) != 0) {
        e = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    free(tmp);
    tmp = NULL;
cleanup:
    if (f)
        fclose(f);
    if (fd >= 0)
        close(fd);
    if (tmp) {
        remove(tmp);
        free(tmp);
    }
    if (err)
        *err = status == PL_ERR_IO ? e : 0;
    return status;
}

pl_status pl_write_atomic(const char *path, pl_write_fn fn, void *user, int *err)
{
    return write_atomic(path, fn, user, true, err);
}

pl_status pl_write_atomic_new(const char *path, pl_write_fn fn, void *user, int *err)
{
    return write_atomic(path, fn, user, false, err);
}
