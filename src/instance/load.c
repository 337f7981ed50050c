/*
 * load.c — read an instance file, parse it with jansson and hand the
 * document to the validator: pl_instance_load and pl_instance_load_string.
 *
 * Syntax errors become one diagnostic `FILE:LINE:COLUMN: error: ...`; an
 * empty file, a byte order mark, a directory and an unreadable file are
 * refused with a message of their own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "instance/validate.h"
#include "util/strutil.h"

pl_status pl_json_parse_text(const char *text, size_t length, const char *name,
                             json_t **out, pl_diags *diags)
{
    json_error_t err;
    size_t i = 0;
    *out = NULL;
    while (i < length && (text[i] == ' ' || text[i] == '\t' ||
                          text[i] == '\n' || text[i] == '\r'))
        i++;
    if (i == length) {
        if (pl_diags_add(diags, PL_SEV_ERROR, name, 0, 0, NULL,
                         "the file is empty: an instance is a JSON object") != PL_OK)
            return PL_ERR_NOMEM;
        return PL_ERR_SYNTAX;
    }
    if (length >= 3 && (unsigned char)text[0] == 0xEF &&
        (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF) {
        if (pl_diags_add(diags, PL_SEV_ERROR, name, 1, 1, NULL,
                         "the file starts with a byte order mark; save it as "
                         "UTF-8 without BOM") != PL_OK)
            return PL_ERR_NOMEM;
        return PL_ERR_SYNTAX;
    }
    json_t *root = json_loadb(text, length,
                              JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
    if (!root) {
        int line = err.line > 0 ? err.line : 1;
        int column = err.column > 0 ? err.column : 1;
        if (pl_diags_add(diags, PL_SEV_ERROR, name, line, column, NULL,
                         "invalid JSON: %s", err.text) != PL_OK)
            return PL_ERR_NOMEM;
        return PL_ERR_SYNTAX;
    }
    *out = root;
    return PL_OK;
}

static pl_status io_error(pl_diags *diags, const char *path, const char *what)
{
    if (pl_diags_add(diags, PL_SEV_ERROR, path, 0, 0, NULL, "%s", what) != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_IO;
}

/* Read a whole file into *text (owned by the caller, NUL-terminated). */
static pl_status read_text(const char *path, char **text_out, size_t *len_out,
                           pl_diags *diags)
{
    pl_status status = PL_OK;
    FILE *f = NULL;
    char *text = NULL;
    size_t len = 0, cap = 0;
    struct stat st;

    *text_out = NULL;
    *len_out = 0;
    if (stat(path, &st) != 0) {
        char *m = pl_asprintf("cannot read the file: %s", strerror(errno));
        status = m ? io_error(diags, path, m) : PL_ERR_NOMEM;
        free(m);
        return status;
    }
    if (S_ISDIR(st.st_mode))
        return io_error(diags, path, "is a directory, not an instance file");
    if (!S_ISREG(st.st_mode)) /* /dev/zero would never end */
        return io_error(diags, path, "not a regular file (a device, pipe or socket): "
                                     "placera reads its inputs only from files");
    f = fopen(path, "rb");
    if (!f) {
        char *m = pl_asprintf("cannot read the file: %s", strerror(errno));
        status = m ? io_error(diags, path, m) : PL_ERR_NOMEM;
        free(m);
        return status;
    }
    cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    text = malloc(cap);
    if (!text) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (;;) {
        if (len + 1 >= cap) {
            char *t = realloc(text, cap * 2);
            if (!t) {
                status = PL_ERR_NOMEM;
                goto cleanup;
            }
            text = t;
            cap *= 2;
        }
        size_t n = fread(text + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        char *m = pl_asprintf("cannot read the file: %s", strerror(errno));
        status = m ? io_error(diags, path, m) : PL_ERR_NOMEM;
        free(m);
        goto cleanup;
    }
    text[len] = '\0';
    *text_out = text;
    *len_out = len;
    text = NULL;
cleanup:
    free(text);
    if (f)
        fclose(f);
    return status;
}

pl_status pl_json_read_file(const char *path, json_t **out, pl_diags *diags)
{
    char *text;
    size_t len;
    *out = NULL;
    pl_status status = read_text(path, &text, &len, diags);
    if (status == PL_OK)
        status = pl_json_parse_text(text, len, path, out, diags);
    free(text);
    return status;
}

pl_status pl_instance_load_string(const char *text, size_t length,
                                  const char *name, pl_instance **out,
                                  pl_diags *diags)
{
    if (out)
        *out = NULL;
    if (!text || !name || !out || !diags)
        return PL_ERR_USAGE;
    return pl_instance_load_text(text, length, name, out, diags);
}

pl_status pl_instance_load(const char *path, pl_instance **out, pl_diags *diags)
{
    char *text;
    size_t len;
    if (out)
        *out = NULL;
    if (!path || !out || !diags)
        return PL_ERR_USAGE;
    pl_status status = read_text(path, &text, &len, diags);
    if (status == PL_OK)
        status = pl_instance_load_text(text, len, path, out, diags);
    free(text);
    return status;
}
