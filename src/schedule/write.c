/*
 * write.c — write a schedule to a file or stream in one of the formats.
 * A file is written to a temporary file in the same directory, flushed to
 * disk and renamed over the target, so readers never see half a schedule and
 * nothing is left behind when writing fails.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schedule/schedule.h"
#include "util/strutil.h"

/* The mode of the new file: the old file's when it is replaced, else
 * rw-r--r-- (mkstemp alone would give rw-------). */
static mode_t target_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    return 0644;
}

pl_status pl_schedule_write_stream(const pl_schedule *schedule,
                                   const pl_instance *instance,
                                   pl_format format, FILE *out)
{
    if (!schedule || !out)
        return PL_ERR_USAGE;
    switch (format) {
    case PL_FORMAT_JSON: return pl_schedule_write_json(schedule, instance, out);
    case PL_FORMAT_CSV: return pl_schedule_write_csv(schedule, instance, out);
    case PL_FORMAT_TEXT: return pl_schedule_write_text(schedule, instance, out);
    }
    return PL_ERR_USAGE;
}

pl_status pl_schedule_write(const pl_schedule *schedule,
                            const pl_instance *instance, pl_format format,
                            const char *path, pl_diags *diags)
{
    pl_status status = PL_OK;
    char *tmp = NULL;
    FILE *f = NULL;
    int fd = -1;
    int err = 0;

    if (!path || strcmp(path, "-") == 0) {
        status = pl_schedule_write_stream(schedule, instance, format, stdout);
        if (status == PL_ERR_IO && diags)
            pl_diags_add(diags, PL_SEV_ERROR, "<stdout>", 0, 0, NULL,
                         "cannot write the schedule: %s", strerror(errno));
        return status;
    }
    if (!(tmp = pl_asprintf("%s.XXXXXX", path))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        err = errno;
        free(tmp);
        tmp = NULL; /* nothing was created */
        status = PL_ERR_IO;
        goto cleanup;
    }
    if (fchmod(fd, target_mode(path)) != 0) {
        err = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    if (!(f = fdopen(fd, "w"))) {
        err = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    fd = -1; /* the stream owns it now */
    errno = 0;
    status = pl_schedule_write_stream(schedule, instance, format, f);
    if (status != PL_OK) {
        err = errno;
        goto cleanup;
    }
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        err = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    if (fclose(f) != 0) {
        f = NULL;
        err = errno;
        status = PL_ERR_IO;
        goto cleanup;
    }
    f = NULL;
    if (rename(tmp, path) != 0) {
        err = errno;
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
    if (status == PL_ERR_IO && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                     "cannot write the schedule: %s",
                     strerror(err ? err : EIO));
    else if (status != PL_OK && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                     "cannot write the schedule: %s", pl_strerror(status));
    return status;
}
