/*
 * strutil.c — string copies, formatted allocation and the growable buffer.
 */
#include "util/strutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *pli_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

char *pli_vasprintf(const char *format, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, format, ap);
    return s;
}

char *pli_asprintf(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *s = pli_vasprintf(format, ap);
    va_end(ap);
    return s;
}

/* Make room for n more bytes and the NUL; false (and b->failed) when out of
 * memory. */
static bool reserve(pl_buf *b, size_t n)
{
    if (b->failed)
        return false;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return false;
        }
        b->data = d;
        b->cap = cap;
    }
    return true;
}

pl_status pli_buf_append(pl_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return PL_ERR_NOMEM;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PL_OK;
}

pl_status pli_buf_puts(pl_buf *b, const char *s)
{
    return pli_buf_append(b, s, strlen(s));
}

pl_status pli_buf_printf(pl_buf *b, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *s = pli_vasprintf(format, ap);
    va_end(ap);
    if (!s) {
        b->failed = true;
        return PL_ERR_NOMEM;
    }
    pl_status st = pli_buf_puts(b, s);
    free(s);
    return st;
}

void pli_buf_free(pl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

pl_status pli_buf_pointer(pl_buf *b, const char *token)
{
    size_t n = 0, extra = 0;
    for (; token[n]; n++)
        extra += token[n] == '~' || token[n] == '/';
    if (!reserve(b, 1 + n + extra))
        return PL_ERR_NOMEM;
    char *d = b->data + b->len;
    *d++ = '/';
    if (!extra) {
        memcpy(d, token, n); /* the usual token: one copy */
    } else {
        for (const char *c = token; *c; c++) {
            if (*c == '~' || *c == '/') {
                *d++ = '~';
                *d++ = *c == '~' ? '0' : '1';
            } else {
                *d++ = *c;
            }
        }
    }
    b->len += 1 + n + extra;
    b->data[b->len] = '\0';
    return PL_OK;
}

bool pli_csv_formula_like(const char *cell)
{
    return cell[0] != '\0' && strchr("=+-@\t\r", cell[0]) != NULL;
}

bool pli_csv_guard_needed(const char *cell)
{
    while (*cell == '\'')
        cell++;
    return pli_csv_formula_like(cell);
}

const char *pli_csv_unguard(const char *cell)
{
    return cell[0] == '\'' && pli_csv_guard_needed(cell + 1) ? cell + 1 : cell;
}
