/*
 * write.c — write a schedule to a file or stream in one of the formats.
 * A file is written to a temporary file in the same directory, flushed to
 * disk and renamed over the target, so readers never see half a schedule and
 * nothing is left behind when writing fails.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "schedule/schedule.h"
#include "util/write_atomic.h"

pl_status pl_schedule_write_stream(const pl_schedule *schedule,
                                   const pl_instance *instance,
                                   pl_format format, FILE *out)
{
    if (!schedule || !out)
        return PL_ERR_USAGE;
    switch (format) {
    case PL_FORMAT_JSON: return pli_schedule_write_json(schedule, instance, out);
    case PL_FORMAT_CSV: return pli_schedule_write_csv(schedule, instance, out);
    case PL_FORMAT_TEXT: return pli_schedule_write_text(schedule, instance, out);
    }
    return PL_ERR_USAGE;
}

typedef struct write_job {
    const pl_schedule *schedule;
    const pl_instance *instance;
    pl_format format;
} write_job;

static pl_status write_to(FILE *out, void *user)
{
    const write_job *job = user;
    return pl_schedule_write_stream(job->schedule, job->instance, job->format, out);
}

static pl_status write_file(const pl_schedule *schedule,
                            const pl_instance *instance, pl_format format,
                            const char *path, bool replace, pl_diags *diags)
{
    pl_status status = PL_OK;
    int err = 0;

    if (!path || strcmp(path, "-") == 0) {
        status = pl_schedule_write_stream(schedule, instance, format, stdout);
        if (status == PL_ERR_IO && diags)
            pl_diags_add(diags, PL_SEV_ERROR, "<stdout>", 0, 0, NULL,
                         "cannot write the schedule: %s", strerror(errno));
        return status;
    }
    write_job job = {schedule, instance, format};
    status = replace ? pli_write_atomic(path, write_to, &job, &err)
                     : pli_write_atomic_new(path, write_to, &job, &err);
    if (status == PL_ERR_IO && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                     "cannot write the schedule: %s", strerror(err ? err : EIO));
    else if (status != PL_OK && diags)
        pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                     "cannot write the schedule: %s", pl_strerror(status));
    return status;
}

pl_status pl_schedule_write(const pl_schedule *schedule,
                            const pl_instance *instance, pl_format format,
                            const char *path, pl_diags *diags)
{
    return write_file(schedule, instance, format, path, true, diags);
}

pl_status pl_schedule_write_new(const pl_schedule *schedule,
                                const pl_instance *instance, pl_format format,
                                const char *path, pl_diags *diags)
{
    if (!path || !strcmp(path, "-"))
        return PL_ERR_USAGE;
    return write_file(schedule, instance, format, path, false, diags);
}
