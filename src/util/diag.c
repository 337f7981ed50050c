/*
 * diag.c — the diagnostics list: every problem of an input, with its place.
 *
 * Loaders, the validator and the checker append here; only the command line
 * prints.  The list owns copies of all strings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "placera.h"
#include "util/strutil.h"

void pl_diags_init(pl_diags *diags)
{
    diags->items = NULL;
    diags->count = 0;
    diags->capacity = 0;
}

void pl_diags_clear(pl_diags *diags)
{
    for (size_t i = 0; i < diags->count; i++) {
        free(diags->items[i].file);
        free(diags->items[i].path);
        free(diags->items[i].message);
    }
    diags->count = 0;
}

void pl_diags_free(pl_diags *diags)
{
    if (!diags)
        return;
    pl_diags_clear(diags);
    free(diags->items);
    pl_diags_init(diags);
}

pl_status pl_diags_add(pl_diags *diags, pl_severity severity, const char *file,
                       int line, int column, const char *path,
                       const char *format, ...)
{
    pl_status status = PL_OK;
    pl_diag d = {severity, NULL, line, column, NULL, NULL};
    va_list ap;

    if (diags->count == diags->capacity) {
        size_t cap = diags->capacity ? diags->capacity * 2 : 16;
        pl_diag *items = realloc(diags->items, cap * sizeof *items);
        if (!items) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        diags->items = items;
        diags->capacity = cap;
    }
    va_start(ap, format);
    d.message = pl_vasprintf(format, ap);
    va_end(ap);
    if (!d.message || (file && !(d.file = pl_strdup(file))) ||
        (path && !(d.path = pl_strdup(path)))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    diags->items[diags->count++] = d;
    return PL_OK;
cleanup:
    free(d.message);
    free(d.file);
    free(d.path);
    return status;
}

size_t pl_diags_count_severity(const pl_diags *diags, pl_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; i < diags->count; i++)
        n += diags->items[i].severity == severity;
    return n;
}

static const char *severity_word(pl_severity s)
{
    switch (s) {
    case PL_SEV_ERROR: return "error";
    case PL_SEV_WARNING: return "warning";
    case PL_SEV_NOTE: return "note";
    }
    return "error";
}

int pl_diag_format(const pl_diag *d, char *buf, size_t size)
{
    const char *file = d->file ? d->file : "placera";
    const char *sev = severity_word(d->severity);
    if (d->line > 0)
        return snprintf(buf, size, "%s:%d:%d: %s: %s", file, d->line,
                        d->column > 0 ? d->column : 1, sev, d->message);
    if (d->path)
        return snprintf(buf, size, "%s: %s: %s: %s", file,
                        d->path[0] ? d->path : "/", sev, d->message);
    return snprintf(buf, size, "%s: %s: %s", file, sev, d->message);
}

void pl_diags_print(const pl_diags *diags, FILE *out)
{
    char small[512];
    for (size_t i = 0; i < diags->count; i++) {
        int n = pl_diag_format(&diags->items[i], small, sizeof small);
        if (n >= 0 && (size_t)n < sizeof small) {
            fprintf(out, "%s\n", small);
        } else if (n >= 0) {
            char *big = malloc((size_t)n + 1);
            if (big) {
                pl_diag_format(&diags->items[i], big, (size_t)n + 1);
                fprintf(out, "%s\n", big);
                free(big);
            } else {
                fprintf(out, "%s\n", small);
            }
        }
    }
}
