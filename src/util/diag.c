/*
 * diag.c — the diagnostics list: every problem of an input, with its place.
 *
 * Loaders, the validator and the checker append here; only the command line
 * prints.  The list owns copies of all strings.  What an input puts into a
 * message is made safe to print here, once for every caller: control
 * characters escaped, long quoted values and path segments cut, and at most
 * PL_DIAG_KIND_MAX messages of one kind kept (placera.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "placera.h"
#include "util/diag.h"
#include "util/strutil.h"

/* One kind of message: the same severity and format (for messages the
 * library formats itself, pli_diags_add_kind), or else the same text but
 * for digits and quoted parts. */
typedef struct diag_kind {
    uint64_t key;
    pl_severity severity;
    size_t kept;    /* messages of this kind in the list */
    size_t dropped; /* messages of this kind counted, not kept */
    size_t note;    /* index of its "N more" note, or SIZE_MAX */
} diag_kind;

/* The kinds seen: a hash table (open addressing, power-of-two size, at
 * most half full). */
struct pl_diag_kinds {
    diag_kind *v;
    size_t n, cap;
};

void pl_diags_init(pl_diags *diags)
{
    diags->items = NULL;
    diags->count = 0;
    diags->capacity = 0;
    diags->kinds = NULL;
}

static void free_kinds(pl_diags *diags)
{
    if (diags->kinds)
        free(diags->kinds->v);
    free(diags->kinds);
    diags->kinds = NULL;
}

void pl_diags_truncate(pl_diags *diags, size_t keep)
{
    if (keep >= diags->count)
        return;
    for (size_t i = keep; i < diags->count; i++) {
        free(diags->items[i].file);
        free(diags->items[i].path);
        free(diags->items[i].message);
    }
    diags->count = keep;
    /* the kinds start again: a kept message stays, counting is best effort */
    free_kinds(diags);
}

void pl_diags_clear(pl_diags *diags)
{
    pl_diags_truncate(diags, 0);
    free_kinds(diags);
}

void pl_diags_free(pl_diags *diags)
{
    if (!diags)
        return;
    pl_diags_clear(diags);
    free(diags->items);
    pl_diags_init(diags);
}

/* ---- making input text safe to print ------------------------------------ */

/* The length of the UTF-8 sequence at s (1..4) and its code point, or 0
 * when it is not valid UTF-8. */
static int utf8_char(const unsigned char *s, uint32_t *cp)
{
    int n;
    uint32_t c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        c &= 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        c &= 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        c &= 0x07;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
        (n == 4 && (c < 0x10000 || c > 0x10ffff)))
        return 0;
    *cp = c;
    return n;
}

/* Append one character (at s, `n` bytes, code point cp) escaped when it is
 * a control character: C0, DEL and C1 (terminals act on them). */
static void put_char(pl_buf *b, const char *s, int n, uint32_t cp)
{
    if (n == 0) {
        pli_buf_printf(b, "\\x%02x", (unsigned char)s[0]);
    } else if (cp == '\n') {
        pli_buf_puts(b, "\\n");
    } else if (cp == '\t') {
        pli_buf_puts(b, "\\t");
    } else if (cp == '\r') {
        pli_buf_puts(b, "\\r");
    } else if (cp < 0x20 || cp == 0x7f) {
        pli_buf_printf(b, "\\x%02x", (unsigned)cp);
    } else if (cp >= 0x80 && cp < 0xa0) {
        pli_buf_printf(b, "\\u%04x", (unsigned)cp);
    } else {
        pli_buf_append(b, s, (size_t)n);
    }
}

/* `text` made safe to print (owned by the caller, NULL when out of
 * memory).  In a message (`path` false) a quoted part longer than
 * PL_DIAG_ECHO_MAX characters is cut; in a JSON path each segment is. */
static char *safe_text(const char *text, bool path)
{
    pl_buf b = {0};
    const unsigned char *s = (const unsigned char *)text;
    bool quoted = false;
    size_t run = 0, cut = 0; /* characters of the part; those left out */

    pli_buf_append(&b, "", 0);
    while (*s) {
        uint32_t cp = 0;
        int n = utf8_char(s, &cp);
        bool boundary = path ? *s == '/' : *s == '"';
        if (boundary) {
            if (cut)
                pli_buf_puts(&b, "...");
            pli_buf_append(&b, (const char *)s, 1);
            if (cut && !path && quoted)
                pli_buf_printf(&b, " (%zu characters)", run);
            quoted = !quoted;
            run = cut = 0;
            s++;
            continue;
        }
        run++;
        if ((path || quoted) && run > PL_DIAG_ECHO_MAX)
            cut++;
        else
            put_char(&b, (const char *)s, n, cp);
        s += n ? n : 1;
    }
    if (cut && path)
        pli_buf_puts(&b, "...");
    else if (cut)
        pli_buf_printf(&b, "... (%zu characters)", run);
    if (b.failed) {
        pli_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* The kind of a message: its severity and a hash of its format, or
 * without one of its text without digits and without what is quoted.
 * Never 0 (0 marks a free slot). */
static uint64_t kind_key(pl_severity severity, const char *format, const char *message)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)severity;
    bool quoted = false;
    h = (h ^ (format ? 'F' : 'T')) * 1099511628211ULL;
    for (const char *p = format ? format : message; *p; p++) {
        if (!format && *p == '"')
            quoted = !quoted;
        else if (!format && (quoted || (*p >= '0' && *p <= '9')))
            continue;
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    }
    return h ? h : 1;
}

/* The slot of `key` in a table of `cap` slots (a power of two). */
static size_t slot_of(const diag_kind *v, size_t cap, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 29)) & (cap - 1);
    while (v[i].key != 0 && v[i].key != key)
        i = (i + 1) & (cap - 1);
    return i;
}

static bool grow_kinds(pl_diag_kinds *k)
{
    size_t cap = k->cap ? 2 * k->cap : 64;
    diag_kind *v = calloc(cap, sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < k->cap; i++)
        if (k->v[i].key != 0)
            v[slot_of(v, cap, k->v[i].key)] = k->v[i];
    free(k->v);
    k->v = v;
    k->cap = cap;
    return true;
}

static diag_kind *find_kind(pl_diags *diags, uint64_t key, pl_severity severity)
{
    pl_diag_kinds *k = diags->kinds;
    if (!k && !(k = diags->kinds = calloc(1, sizeof *k)))
        return NULL;
    if (2 * (k->n + 1) > k->cap && !grow_kinds(k))
        return NULL;
    diag_kind *d = &k->v[slot_of(k->v, k->cap, key)];
    if (d->key == key)
        return d;
    d->key = key;
    d->severity = severity;
    d->kept = d->dropped = 0;
    d->note = SIZE_MAX;
    k->n++;
    return d;
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

static pl_status append(pl_diags *diags, pl_diag d)
{
    if (diags->count == diags->capacity) {
        size_t cap = diags->capacity ? diags->capacity * 2 : 16;
        pl_diag *items = realloc(diags->items, cap * sizeof *items);
        if (!items)
            return PL_ERR_NOMEM;
        diags->items = items;
        diags->capacity = cap;
    }
    diags->items[diags->count++] = d;
    return PL_OK;
}

/* One more message of kind `k` past the limit: counted in its note. */
static pl_status count_dropped(pl_diags *diags, diag_kind *k, const char *file)
{
    k->dropped++;
    char *text = pli_asprintf("%zu more %ss like the ones above, not shown (at most %d "
                             "of one kind are listed)", k->dropped,
                             severity_word(k->severity), PL_DIAG_KIND_MAX);
    if (!text)
        return PL_ERR_NOMEM;
    if (k->note != SIZE_MAX) {
        free(diags->items[k->note].message);
        diags->items[k->note].message = text;
        return PL_OK;
    }
    pl_diag d = {PL_SEV_NOTE, NULL, 0, 0, NULL, text};
    size_t index = diags->count;
    if ((file && !(d.file = pli_strdup(file))) || append(diags, d) != PL_OK) {
        free(d.file);
        free(text);
        return PL_ERR_NOMEM;
    }
    k->note = index;
    return PL_OK;
}

pl_status pli_diags_add_kind(pl_diags *diags, const char *kind, pl_severity severity,
                            const char *file, int line, int column,
                            const char *path, const char *message)
{
    pl_status status = PL_OK;
    pl_diag d = {severity, NULL, line, column, NULL, NULL};

    if (!(d.message = safe_text(message, false)) ||
        (file && !(d.file = safe_text(file, false))) ||
        (path && !(d.path = safe_text(path, true)))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    diag_kind *k = find_kind(diags, kind_key(severity, kind, d.message), severity);
    if (!k) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    if (k->kept >= PL_DIAG_KIND_MAX) {
        status = count_dropped(diags, k, d.file);
        goto cleanup;
    }
    if ((status = append(diags, d)) != PL_OK)
        goto cleanup;
    k->kept++;
    return PL_OK;
cleanup:
    free(d.message);
    free(d.file);
    free(d.path);
    return status;
}

pl_status pl_diags_add(pl_diags *diags, pl_severity severity, const char *file,
                       int line, int column, const char *path,
                       const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *message = pli_vasprintf(format, ap);
    va_end(ap);
    if (!message)
        return PL_ERR_NOMEM;
    /* a bare "%s" says nothing of the kind: then the text does */
    pl_status status = pli_diags_add_kind(diags, strcmp(format, "%s") ? format : NULL,
                                         severity, file, line, column, path, message);
    free(message);
    return status;
}

size_t pl_diags_count_severity(const pl_diags *diags, pl_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; i < diags->count; i++)
        n += diags->items[i].severity == severity;
    const pl_diag_kinds *k = diags->kinds;
    for (size_t i = 0; k && i < k->cap; i++) {
        if (k->v[i].key == 0)
            continue;
        if (k->v[i].note != SIZE_MAX)
            n -= severity == PL_SEV_NOTE; /* the note is no message */
        if (k->v[i].severity == severity)
            n += k->v[i].dropped;
    }
    return n;
}

size_t pl_diags_total(const pl_diags *diags)
{
    size_t n = diags->count;
    const pl_diag_kinds *k = diags->kinds;
    for (size_t i = 0; k && i < k->cap; i++)
        if (k->v[i].key != 0)
            n += k->v[i].dropped - (k->v[i].note != SIZE_MAX);
    return n;
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
