/*
 * files.c — the safety checks on the files a command reads and writes:
 * no output may be one of the inputs (pl_outputs_check).  Every command
 * calls it before any work, so that `solve X -o X`, `report I S -o S` or
 * `whatif ... --json BASE` are refused instead of destroying an input.
 * And the names of temporary files: ".NAME.placera-tmp-PID" next to the
 * output NAME, hidden, saying what they are and whose; those of a process
 * that no longer runs (killed) are removed by the next writer into that
 * directory (pl_tmp_path).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "placera.h"
#include "util/strutil.h"

/* The directory part of `path` ("." when it has none), owned by the caller. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return pli_strdup(".");
    if (slash == path)
        return pli_strdup("/");
    return pli_asprintf("%.*s", (int)(slash - path), path);
}

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

pl_status pl_input_check(const char *path, unsigned long long max_bytes,
                         pl_diags *diags)
{
    struct stat st;
    if (!is_file_name(path) || stat(path, &st) != 0 || S_ISDIR(st.st_mode))
        return PL_OK; /* the loader says what is wrong with it */
    if (max_bytes == 0)
        max_bytes = PL_DEFAULT_MAX_INPUT_SIZE;
    if (!S_ISREG(st.st_mode)) {
        if (diags)
            pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                         "not a regular file (a device, pipe or socket): placera "
                         "reads its inputs only from files");
        return PL_ERR_IO;
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        if (diags)
            pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL,
                         "the file has %llu bytes, more than the input size limit "
                         "of %llu bytes (--max-input-size)",
                         (unsigned long long)st.st_size, max_bytes);
        return PL_ERR_LIMIT;
    }
    return PL_OK;
}

/* Whether two output names will be one file: the same existing file, or
 * the same name in the same directory (which may not exist yet). */
static bool same_target(const char *a, const char *b)
{
    if (!is_file_name(a) || !is_file_name(b))
        return false;
    if (!strcmp(a, b) || pl_same_file(a, b))
        return true;
    const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
    if (strcmp(sa ? sa + 1 : a, sb ? sb + 1 : b))
        return false;
    char *da = dir_of(a), *db = dir_of(b);
    bool same = da && db && (!strcmp(da, db) || pl_same_file(da, db));
    free(da);
    free(db);
    return same;
}

pl_status pl_outputs_check(const char *const *outputs, size_t n_outputs,
                           const char *const *inputs, size_t n_inputs,
                           pl_diags *diags)
{
    pl_status status = PL_OK;
    for (size_t o = 0; o < n_outputs; o++) {
        const char *clash = NULL, *what = NULL;
        for (size_t i = 0; !clash && i < n_inputs; i++)
            if (pl_same_file(outputs[o], inputs[i])) {
                clash = inputs[i];
                what = "this output is the input file %s; placera never writes "
                       "over its inputs: choose another output";
            }
        for (size_t k = 0; !clash && k < o; k++)
            if (same_target(outputs[o], outputs[k])) {
                clash = outputs[k];
                what = "this output is also the output %s; one would replace the "
                       "other: choose another name";
            }
        if (!clash)
            continue;
        if (diags && pl_diags_add(diags, PL_SEV_ERROR, outputs[o], 0, 0, NULL, what,
                                  clash) != PL_OK)
            return PL_ERR_NOMEM;
        status = PL_ERR_USAGE;
    }
    return status;
}

/* ---- temporary files -------------------------------------------------- */

#define TMP_TAG ".placera-tmp-"

/* The process id in a temporary name ".NAME.placera-tmp-PID", or 0 when
 * `name` is no such name. */
static long tmp_owner(const char *name)
{
    if (name[0] != '.')
        return 0;
    const char *tag = strstr(name, TMP_TAG);
    const char *last = tag;
    while (last && (tag = strstr(last + 1, TMP_TAG)))
        last = tag;
    if (!last)
        return 0;
    const char *digits = last + strlen(TMP_TAG);
    char *end;
    if (*digits < '0' || *digits > '9')
        return 0;
    errno = 0;
    long pid = strtol(digits, &end, 10);
    if (errno || *end || pid <= 0)
        return 0;
    return pid;
}

void pl_tmp_remove(const char *tmp)
{
    struct stat st;
    if (!tmp || lstat(tmp, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        /* a staging directory: its files only (placera puts no
         * directories in one) */
        DIR *d = opendir(tmp);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char *p = pli_asprintf("%s/%s", tmp, e->d_name);
            if (p)
                unlink(p);
            free(p);
        }
        if (d)
            closedir(d);
        rmdir(tmp);
    } else {
        unlink(tmp);
    }
}

void pl_tmp_clean_stale(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        long pid = tmp_owner(e->d_name);
        if (pid <= 0 || (pid_t)pid != pid)
            continue;
        /* only what a process that no longer runs left behind */
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        char *p = pli_asprintf("%s/%s", dir, e->d_name);
        pl_tmp_remove(p);
        free(p);
    }
    if (d)
        closedir(d);
}

char *pl_tmp_path(const char *path)
{
    if (!path || !path[0])
        return NULL;
    char *dir = dir_of(path);
    if (!dir)
        return NULL;
    pl_tmp_clean_stale(dir);
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    char *tmp = pli_asprintf("%s/.%s" TMP_TAG "%ld", dir, name, (long)getpid());
    free(dir);
    return tmp;
}
