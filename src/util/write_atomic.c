/*
 * write_atomic.c — pli_write_atomic: temporary file, fsync, rename.
 *
 * The temporary file is ".NAME.placera-tmp-PID" next to the target
 * (pl_tmp_path, which also removes what killed runs left there).  SIGINT,
 * SIGTERM and SIGHUP are held back while it exists: a signal that arrives
 * meanwhile is delivered when the file has been renamed or removed, so no
 * temporary file outlives a signal that can be caught.
 */
#include "util/write_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

void pli_hold_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, old);
}

void pli_release_signals(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

/* Whether `sig` waits and is not ignored (nohup ignores SIGHUP, a shell
 * SIGINT for a background job: such a signal must not stop anything). */
static bool waiting(const sigset_t *pending, int sig)
{
    struct sigaction sa;
    return sigismember(pending, sig) == 1 && sigaction(sig, NULL, &sa) == 0 &&
           sa.sa_handler != SIG_IGN;
}

bool pli_signal_held(void)
{
    sigset_t pending;
    return sigpending(&pending) == 0 &&
           (waiting(&pending, SIGINT) || waiting(&pending, SIGTERM) ||
            waiting(&pending, SIGHUP));
}

/* Create the temporary file exclusively; one left by an earlier process
 * with this process id is stale and replaced. */
static int create_tmp(const char *tmp)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno == EEXIST) {
        pl_tmp_remove(tmp);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    }
    return fd;
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
    sigset_t old;

    if (!path || !fn)
        return PL_ERR_USAGE;
    if (!(tmp = pl_tmp_path(path)))
        return PL_ERR_NOMEM;
    pli_hold_signals(&old);
    if ((fd = create_tmp(tmp)) < 0) {
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
        unlink(tmp);
        free(tmp);
    }
    pli_release_signals(&old);
    if (err)
        *err = status == PL_ERR_IO ? e : 0;
    return status;
}

pl_status pli_write_atomic(const char *path, pl_write_fn fn, void *user, int *err)
{
    return write_atomic(path, fn, user, true, err);
}

pl_status pli_write_atomic_new(const char *path, pl_write_fn fn, void *user, int *err)
{
    return write_atomic(path, fn, user, false, err);
}
