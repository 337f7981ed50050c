/*
 * json_read.c — typed getters over jansson values that report problems with
 * their JSON pointer (see json_read.h).
 */
#include "instance/json_read.h"
#include "instance/instance.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

void pli_jctx_init(pl_jctx *c, const char *file, pl_diags *diags)
{
    memset(c, 0, sizeof *c);
    c->file = file;
    c->diags = diags;
    c->fatal = PL_OK;
    pli_buf_append(&c->path, "", 0);
}

void pli_jctx_free(pl_jctx *c)
{
    pli_buf_free(&c->path);
}

size_t pli_jpush(pl_jctx *c, const char *key)
{
    size_t mark = c->path.len;
    if (pli_buf_pointer(&c->path, key) != PL_OK)
        c->fatal = PL_ERR_NOMEM;
    return mark;
}

size_t pli_jpush_index(pl_jctx *c, size_t i)
{
    char num[32], *d = num + sizeof num - 1;
    *d = '\0';
    do {
        *--d = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    return pli_jpush(c, d);
}

void pli_jpop(pl_jctx *c, size_t mark)
{
    if (c->path.data && mark <= c->path.len) {
        c->path.len = mark;
        c->path.data[mark] = '\0';
    }
}

static void add(pl_jctx *c, pl_severity sev, const char *format, va_list ap)
{
    char *msg = pli_vasprintf(format, ap);
    if (!msg || pli_diags_add_kind(c->diags, format, sev, c->file, 0, 0,
                                  c->path.data ? c->path.data : "", msg) != PL_OK)
        c->fatal = PL_ERR_NOMEM;
    free(msg);
    if (sev == PL_SEV_ERROR)
        c->errors++;
}

void pli_jreport(pl_jctx *c, pl_severity sev, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    add(c, sev, format, ap);
    va_end(ap);
}

void pli_jerror(pl_jctx *c, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    add(c, PL_SEV_ERROR, format, ap);
    va_end(ap);
}

void pli_jwarning(pl_jctx *c, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    add(c, PL_SEV_WARNING, format, ap);
    va_end(ap);
}

const char *pli_jdescribe(const json_t *v, char buf[96])
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    case JSON_INTEGER:
        snprintf(buf, 96, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    case JSON_REAL: {
        double d = json_real_value(v);
        snprintf(buf, 90, "%.15g", d);
        if (!strpbrk(buf, ".eEn"))
            strcat(buf, ".0");
        return buf;
    }
    case JSON_STRING: {
        const char *s = json_string_value(v);
        size_t n = strlen(s);
        if (n > 40) {
            int cut = 40; /* not inside a UTF-8 character */
            while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
                cut--;
            snprintf(buf, 96, "\"%.*s...\"", cut, s);
        }
        else
            snprintf(buf, 96, "\"%s\"", s);
        return buf;
    }
    }
    return "a value";
}

bool pli_valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char ch = s[n];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
              (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-'))
            return false;
    }
    return n >= 1 && n <= 64;
}

bool pli_jfree_key(const char *key)
{
    return (key[0] == 'x' && key[1] == '-') || !strcmp(key, "$comment");
}

bool pli_jcheck_keys(pl_jctx *c, json_t *obj, const char *const allowed[])
{
    const char *key;
    json_t *v;
    bool ok = true;
    json_object_foreach(obj, key, v) {
        if (pli_jfree_key(key))
            continue;
        bool known = false;
        for (size_t i = 0; allowed[i]; i++)
            if (key[0] == allowed[i][0] && !strcmp(key, allowed[i])) {
                known = true;
                break;
            }
        if (known)
            continue;
        pl_buf list = {0};
        for (size_t i = 0; allowed[i]; i++)
            pli_buf_printf(&list, "%s%s", i ? ", " : "", allowed[i]);
        size_t m = pli_jpush(c, key);
        pli_jerror(c, "unknown key \"%s\" (expected one of: %s)", key,
                  list.data ? list.data : "");
        pli_jpop(c, m);
        pli_buf_free(&list);
        ok = false;
    }
    return ok;
}

bool pli_jis_object(pl_jctx *c, const json_t *v, const char *what)
{
    char b[96];
    if (json_is_object(v))
        return true;
    pli_jerror(c, "must be %s, got %s", what, pli_jdescribe(v, b));
    return false;
}

bool pli_jis_array(pl_jctx *c, const json_t *v, const char *what)
{
    char b[96];
    if (json_is_array(v))
        return true;
    pli_jerror(c, "must be %s, got %s", what, pli_jdescribe(v, b));
    return false;
}

static void int_error(pl_jctx *c, const json_t *v, long long lo, long long hi)
{
    char b[96];
    const char *got = pli_jdescribe(v, b);
    if (lo <= LLONG_MIN / 2 && hi >= LLONG_MAX / 2)
        pli_jerror(c, "must be an integer, got %s", got);
    else if (hi >= INT_MAX - 1)
        pli_jerror(c, "must be an integer >= %lld, got %s", lo, got);
    else
        pli_jerror(c, "must be an integer from %lld to %lld, got %s", lo, hi, got);
}

bool pli_jint(pl_jctx *c, const json_t *v, long long lo, long long hi, int *out)
{
    if (!json_is_integer(v)) {
        int_error(c, v, lo, hi);
        return false;
    }
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi || x < INT_MIN || x >= INT_MAX) {
        int_error(c, v, lo, hi);
        return false;
    }
    *out = (int)x;
    return true;
}

bool pli_jnumber(pl_jctx *c, const json_t *v, double *out)
{
    char b[96];
    if (!json_is_number(v) || !isfinite(json_number_value(v))) {
        pli_jerror(c, "must be a number, got %s", pli_jdescribe(v, b));
        return false;
    }
    if (fabs(json_number_value(v)) > PL_MAX_MAGNITUDE) {
        /* weights, preferences and priorities are multiplied together and
         * summed over every trainee-period: keep the cost finite */
        pli_jerror(c, "must be a number from -1e9 to 1e9, got %s", pli_jdescribe(v, b));
        return false;
    }
    *out = json_number_value(v);
    return true;
}

bool pli_jbool(pl_jctx *c, const json_t *v, bool *out)
{
    char b[96];
    if (!json_is_boolean(v)) {
        pli_jerror(c, "must be true or false, got %s", pli_jdescribe(v, b));
        return false;
    }
    *out = json_is_true(v);
    return true;
}

bool pli_jstring(pl_jctx *c, const json_t *v, const char **out)
{
    char b[96];
    if (!json_is_string(v)) {
        pli_jerror(c, "must be a string, got %s", pli_jdescribe(v, b));
        return false;
    }
    *out = json_string_value(v);
    return true;
}

bool pli_jfield_int(pl_jctx *c, json_t *obj, const char *key, long long lo,
                   long long hi, int *out)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return true;
    size_t m = pli_jpush(c, key);
    bool ok = pli_jint(c, v, lo, hi, out);
    pli_jpop(c, m);
    return ok;
}

bool pli_jfield_number(pl_jctx *c, json_t *obj, const char *key, double *out)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return true;
    size_t m = pli_jpush(c, key);
    bool ok = pli_jnumber(c, v, out);
    pli_jpop(c, m);
    return ok;
}

bool pli_jfield_bool(pl_jctx *c, json_t *obj, const char *key, bool *out)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return true;
    size_t m = pli_jpush(c, key);
    bool ok = pli_jbool(c, v, out);
    pli_jpop(c, m);
    return ok;
}

void pli_jmissing(pl_jctx *c, const char *key, const char *what)
{
    pli_jerror(c, "missing required key \"%s\" (%s)", key, what);
}
