/*
 * csv_encoding.c — pli_csv_to_utf8: what spreadsheet programs save, turned
 * into plain UTF-8.  A UTF-8 byte order mark (Excel's "CSV UTF-8") is
 * dropped; text that is not valid UTF-8 is read as Windows-1252 (Excel's
 * plain "CSV" on Swedish Windows) and converted with iconv, with a note.
 * UTF-16 and NUL bytes are refused with a hint.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "import/csv_table.h"

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2;
        cp = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3;
        cp = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4;
        cp = s[0] & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

static bool is_utf8(const char *bytes, size_t length)
{
    const unsigned char *s = (const unsigned char *)bytes;
    for (size_t i = 0; i < length;) {
        size_t k = utf8_sequence(s + i, length - i);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

/* Line and column (1-based, in bytes) of offset `at`. */
static void position(const char *bytes, size_t at, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
            (*line)++;
            *column = 1;
        } else {
            (*column)++;
        }
    }
}

static pl_status error_at(pl_diags *diags, const char *file, const char *bytes,
                          size_t at, const char *message)
{
    int line, column;
    position(bytes, at, &line, &column);
    if (pl_diags_add(diags, PL_SEV_ERROR, file, line, column, NULL, "%s",
                     message) != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_INVALID;
}

/* Windows-1252 → UTF-8 through iconv; at most 3 bytes out per byte in. */
static pl_status from_cp1252(const char *bytes, size_t length, const char *file,
                             char **out, size_t *out_length, pl_diags *diags)
{
    pl_status status = PL_OK;
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    char *buf = NULL;
    if (cd == (iconv_t)-1) {
        if (pl_diags_add(diags, PL_SEV_ERROR, file, 0, 0, NULL,
                         "not UTF-8, and this system cannot convert from "
                         "Windows-1252: save the file as CSV UTF-8") != PL_OK)
            return PL_ERR_NOMEM;
        return PL_ERR_INVALID;
    }
    size_t cap = length * 3 + 1;
    buf = malloc(cap);
    if (!buf) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    char *in = (char *)bytes, *o = buf;
    size_t in_left = length, out_left = cap - 1;
    if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
        status = error_at(diags, file, bytes, (size_t)(in - bytes),
                          errno == EILSEQ
                              ? "a byte that is neither UTF-8 nor Windows-1252: "
                                "save the file as CSV UTF-8"
                              : "cannot convert from Windows-1252");
        goto cleanup;
    }
    *o = '\0';
    *out = buf;
    *out_length = (size_t)(o - buf);
    buf = NULL;
cleanup:
    free(buf);
    iconv_close(cd);
    return status;
}

pl_status pli_csv_to_utf8(const char *bytes, size_t length, const char *file,
                         char **out, size_t *out_length, bool *converted,
                         pl_diags *diags)
{
    *out = NULL;
    *out_length = 0;
    *converted = false;
    if (length >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                        (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        return error_at(diags, file, bytes, 0,
                        "the file is UTF-16 (\"Unicode text\"): save it as "
                        "CSV UTF-8 or plain CSV");
    if (length >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) {
        bytes += 3;
        length -= 3;
    }
    const char *nul = memchr(bytes, '\0', length);
    if (nul)
        return error_at(diags, file, bytes, (size_t)(nul - bytes),
                        "a NUL byte: this is not a text file; save the sheet as CSV");
    if (!is_utf8(bytes, length)) {
        *converted = true;
        return from_cp1252(bytes, length, file, out, out_length, diags);
    }
    char *copy = malloc(length + 1);
    if (!copy)
        return PL_ERR_NOMEM;
    memcpy(copy, bytes, length);
    copy[length] = '\0';
    *out = copy;
    *out_length = length;
    return PL_OK;
}
