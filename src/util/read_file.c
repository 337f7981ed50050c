/*
 * read_file.c — a whole file into one buffer (see read_file.h).  The buffer
 * starts at the file's size from fstat, so a regular file is read with one
 * allocation; a growing file doubles it as needed.  Only regular files are
 * read: a directory, a device (/dev/zero would never end), a pipe or a
 * socket is refused before reading.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/read_file.h"

void pli_read_words_init(pl_read_words *w)
{
    w->cannot_open = "cannot open";
    w->cannot_read = "cannot read";
    w->directory = NULL;
}

/* Add "<what>: <strerror(err)>" at `path`. */
static pl_status io_error(pl_diags *diags, const char *path, const char *what,
                          int err)
{
    if (pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "%s: %s", what,
                     strerror(err)) != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_IO;
}

/* Read all of `f` into a buffer of first capacity `cap` (at least 1). */
static pl_status read_all(FILE *f, size_t cap, char **text, size_t *length)
{
    pl_status status = PL_OK;
    size_t len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return PL_ERR_NOMEM;
    for (;;) {
        if (len + 1 >= cap) {
            char *grown = cap > (size_t)-1 / 2 ? NULL : realloc(buf, cap * 2);
            if (!grown) {
                status = PL_ERR_NOMEM;
                goto cleanup;
            }
            buf = grown;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    buf[len] = '\0';
    *text = buf;
    *length = len;
    buf = NULL;
cleanup:
    free(buf);
    return status;
}

pl_status pli_read_file(const char *path, const pl_read_words *words,
                       char **text, size_t *length, pl_diags *diags)
{
    pl_status status = PL_OK;
    struct stat st;
    size_t cap = 4096;

    *text = NULL;
    *length = 0;
    if (stat(path, &st) != 0)
        return io_error(diags, path, words->cannot_open, errno);
    if (!S_ISREG(st.st_mode)) /* a directory, or /dev/zero that never ends */
        return pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "%s",
                            S_ISDIR(st.st_mode) && words->directory
                                ? words->directory
                            : S_ISDIR(st.st_mode)
                                ? "not a regular file: placera reads its inputs only "
                                  "from files"
                                : "not a regular file (a device, pipe or socket): "
                                  "placera reads its inputs only from files") != PL_OK
                   ? PL_ERR_NOMEM
                   : PL_ERR_IO;
    FILE *f = fopen(path, "rb");
    if (!f)
        return io_error(diags, path, words->cannot_open, errno);
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (size_t)st.st_size + 1;
    errno = 0;
    status = read_all(f, cap, text, length);
    if (status == PL_OK && ferror(f)) {
        int err = errno;
        free(*text);
        *text = NULL;
        *length = 0;
        status = io_error(diags, path, words->cannot_read, err);
    }
    fclose(f);
    return status;
}
