/*
 * load.c — read an instance file, parse it with jansson and hand the
 * document to the validator: pl_instance_load and pl_instance_load_string.
 *
 * Syntax errors become one diagnostic `FILE:LINE:COLUMN: error: ...`, with
 * a hint for a trailing comma, a comment or single quotes; an
 * empty file, a byte order mark, a directory and an unreadable file are
 * refused with a message of their own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"
#include "util/json_hint.h"
#include "util/read_file.h"
#include "util/strutil.h"

pl_status pli_json_parse_text(const char *text, size_t length, const char *name,
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
        const char *hint = pli_json_syntax_hint(text, length, (size_t)err.position);
        if (pl_diags_add(diags, PL_SEV_ERROR, name, line, column, NULL,
                         "invalid JSON: %s%s%s%s", err.text, hint ? " (" : "",
                         hint ? hint : "", hint ? ")" : "") != PL_OK)
            return PL_ERR_NOMEM;
        return PL_ERR_SYNTAX;
    }
    *out = root;
    return PL_OK;
}

/* Read a whole instance or scenario file (util/read_file.h) in the words
 * of the instance's messages. */
static pl_status read_text(const char *path, char **text, size_t *len,
                           pl_diags *diags)
{
    pl_read_words words;
    pli_read_words_init(&words);
    words.cannot_open = "cannot read the file";
    words.cannot_read = "cannot read the file";
    words.directory = "is a directory, not an instance file";
    return pli_read_file(path, &words, text, len, diags);
}

pl_status pli_json_read_file(const char *path, json_t **out, pl_diags *diags)
{
    char *text;
    size_t len;
    *out = NULL;
    pl_status status = read_text(path, &text, &len, diags);
    if (status == PL_OK)
        status = pli_json_parse_text(text, len, path, out, diags);
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
    return pli_instance_load_text(text, length, name, out, diags);
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
        status = pli_instance_load_text(text, len, path, out, diags);
    free(text);
    return status;
}
