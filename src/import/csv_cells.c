/*
 * csv_cells.c — one cell's text as a JSON value and back
 * (pli_csv_parse_cell, pli_csv_format_cell).  The two are exact inverses on
 * what an instance can hold: an integer stays an integer, a decimal stays a
 * decimal (decimal commas are read too), a time stays a period number or a
 * date as it was written (and a month as Excel shows it, "jul-27", is read
 * as 2027-07), and lists are items separated by "|".
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csv_schema.h"
#include "util/strutil.h"

#define LIST_SEP " | "

static bool is_integer_text(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static json_t *parse_int(const char *text, const char **why)
{
    if (!is_integer_text(text)) {
        *why = "a whole number";
        return NULL;
    }
    errno = 0;
    long long v = strtoll(text, NULL, 10);
    if (errno == ERANGE) {
        *why = "a whole number of a sensible size";
        return NULL;
    }
    return json_integer((json_int_t)v);
}

/* 2 → integer; 2.0, 2,5 and 1e3 → real. */
static json_t *parse_number(const char *text, const char **why)
{
    if (is_integer_text(text))
        return parse_int(text, why);
    char buf[64];
    size_t n = strlen(text);
    *why = "a number";
    if (n >= sizeof buf)
        return NULL;
    for (size_t i = 0; i <= n; i++) {
        char ch = text[i];
        if (ch && !isdigit((unsigned char)ch) && !strchr("+-.,eE", ch))
            return NULL;
        buf[i] = ch == ',' ? '.' : ch;
    }
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || end == buf || errno == ERANGE || !isfinite(v))
        return NULL;
    return json_real(v);
}

static json_t *parse_bool(const char *text, const char **why)
{
    static const char *const yes[] = {"true", "yes", "ja", NULL};
    static const char *const no[] = {"false", "no", "nej", NULL};
    for (size_t i = 0; yes[i]; i++) {
        if (!strcasecmp(text, yes[i]))
            return json_true();
        if (!strcasecmp(text, no[i]))
            return json_false();
    }
    *why = "true or false (or yes or no)";
    return NULL;
}

/* Items separated by '|' (and, for ids, commas and spaces). */
static json_t *parse_list(const char *text, bool ids, const char **why)
{
    json_t *arr = json_array();
    const char *seps = ids ? "|, \t" : "|";
    const char *p = text;
    if (!arr)
        return NULL;
    while (*p) {
        size_t n = strcspn(p, seps);
        const char *a = p, *b = p + n;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (a < b) {
            json_t *item = json_stringn(a, (size_t)(b - a));
            if (!item || json_array_append_new(arr, item) != 0) {
                json_decref(arr);
                return NULL;
            }
        } else if (!ids) {
            *why = "a list of texts separated by | with no empty item";
            json_decref(arr);
            return NULL;
        }
        p += n;
        if (*p)
            p++;
    }
    return arr;
}

/* Excel shows a month typed as 2027-07 as "jul-27" (Swedish) or "Jul-27"
 * and saves it so: read that back as "2027-07".  NULL for anything else. */
static json_t *excel_month(const char *text)
{
    static const char *const names[][2] = {
        {"jan", "jan"}, {"feb", "feb"}, {"mar", "mar"}, {"apr", "apr"},
        {"maj", "may"}, {"jun", "jun"}, {"jul", "jul"}, {"aug", "aug"},
        {"sep", "sep"}, {"okt", "oct"}, {"nov", "nov"}, {"dec", "dec"}};
    char buf[24];
    if (strlen(text) != 6 || text[3] != '-' || !isdigit((unsigned char)text[4]) ||
        !isdigit((unsigned char)text[5]))
        return NULL;
    for (int m = 0; m < 12; m++)
        if (!strncasecmp(text, names[m][0], 3) || !strncasecmp(text, names[m][1], 3)) {
            snprintf(buf, sizeof buf, "20%c%c-%02d", text[4], text[5], m + 1);
            return json_string(buf);
        }
    return NULL;
}

static json_t *parse_time(const char *text, const char **why)
{
    json_t *v;
    if (is_integer_text(text))
        return parse_int(text, why);
    return (v = excel_month(text)) != NULL ? v : json_string(text);
}

static json_t *parse_any(const char *text)
{
    json_t *v = json_loads(text, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
    return v ? v : json_string(text);
}

json_t *pli_csv_parse_cell(const char *text, pl_csv_type type, unsigned flags,
                          const char **why)
{
    *why = NULL;
    if ((flags & PL_CSV_NULLABLE) && !strcmp(text, "null"))
        return json_null();
    switch (type) {
    case PL_CSV_STRING:
    case PL_CSV_ID:
        return json_string(text);
    case PL_CSV_INT:
        return parse_int(text, why);
    case PL_CSV_NUMBER:
        return parse_number(text, why);
    case PL_CSV_BOOL:
        return parse_bool(text, why);
    case PL_CSV_TIME:
        return parse_time(text, why);
    case PL_CSV_IDS:
    case PL_CSV_STRINGS:
        if (!strcmp(text, "[]"))
            return json_array();
        return parse_list(text, type == PL_CSV_IDS, why);
    case PL_CSV_ANY:
        return parse_any(text);
    case PL_CSV_EMPTY:
        if (!strcmp(text, "[]"))
            return json_array();
        if (!strcmp(text, "{}"))
            return json_object();
        *why = (flags & PL_CSV_NULLABLE)
                   ? "[] (none), {} or null (the program's): what it holds "
                     "goes in other rows or columns"
                   : "[] or {} (none): what it holds goes in other rows or columns";
        return NULL;
    }
    *why = "a value";
    return NULL;
}

/* ---- JSON → text ---- */

/* The shortest decimal that reads back as `v`, always with a '.' or 'e'. */
static char *format_real(double v, char decimal)
{
    char buf[64];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (!strpbrk(buf, ".eEn"))
        strcat(buf, ".0");
    if (decimal == ',') {
        char *dot = strchr(buf, '.');
        if (dot)
            *dot = ',';
    }
    return pli_strdup(buf);
}

static bool fits_list_item(const char *s, bool ids)
{
    size_t n = strlen(s);
    if (!n || isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1]))
        return false;
    return !strpbrk(s, ids ? "|, \t" : "|");
}

static char *format_list(const json_t *v, bool ids, const char **why)
{
    pl_buf b = {0};
    size_t i;
    json_t *item;
    if (json_array_size(v) == 0)
        return pli_strdup("[]");
    json_array_foreach(v, i, item) {
        const char *s = json_is_string(item) ? json_string_value(item) : NULL;
        if (!s || !fits_list_item(s, ids) ||
            (json_array_size(v) == 1 && (!strcmp(s, "[]") || !strcmp(s, "null")))) {
            *why = "a list item is empty, has spaces at an end or holds a |";
            pli_buf_free(&b);
            return NULL;
        }
        if (i)
            pli_buf_puts(&b, LIST_SEP);
        pli_buf_puts(&b, s);
    }
    if (b.failed) {
        pli_buf_free(&b);
        return NULL;
    }
    return b.data;
}

static char *format_any(const json_t *v)
{
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        json_t *back = json_loads(s, JSON_DECODE_ANY, NULL);
        size_t n = strlen(s);
        bool plain = !back && n && !isspace((unsigned char)s[0]) &&
                     !isspace((unsigned char)s[n - 1]);
        json_decref(back);
        if (plain)
            return pli_strdup(s);
    }
    return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER);
}

char *pli_csv_format_cell(const json_t *v, pl_csv_type type, unsigned flags,
                         char decimal, const char **why)
{
    char buf[32];
    *why = "a value of another type";
    if (json_is_null(v)) {
        if (flags & PL_CSV_NULLABLE)
            return pli_strdup("null");
        return NULL;
    }
    switch (type) {
    case PL_CSV_STRING:
    case PL_CSV_ID:
        if (!json_is_string(v))
            return NULL;
        if (!json_string_value(v)[0]) {
            *why = "an empty text (an empty cell means 'not given')";
            return NULL;
        }
        if ((flags & PL_CSV_NULLABLE) && !strcmp(json_string_value(v), "null")) {
            *why = "the text \"null\" (it would read back as null)";
            return NULL;
        }
        return pli_strdup(json_string_value(v));
    case PL_CSV_INT:
        if (!json_is_integer(v))
            return NULL;
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        return pli_strdup(buf);
    case PL_CSV_NUMBER:
        if (json_is_integer(v))
            return pli_csv_format_cell(v, PL_CSV_INT, 0, decimal, why);
        if (!json_is_real(v))
            return NULL;
        return format_real(json_real_value(v), decimal);
    case PL_CSV_BOOL:
        if (!json_is_boolean(v))
            return NULL;
        return pli_strdup(json_is_true(v) ? "true" : "false");
    case PL_CSV_TIME:
        if (json_is_integer(v))
            return pli_csv_format_cell(v, PL_CSV_INT, 0, decimal, why);
        if (!json_is_string(v) || is_integer_text(json_string_value(v)) ||
            !json_string_value(v)[0])
            return NULL;
        return pli_strdup(json_string_value(v));
    case PL_CSV_IDS:
    case PL_CSV_STRINGS:
        if (!json_is_array(v))
            return NULL;
        return format_list(v, type == PL_CSV_IDS, why);
    case PL_CSV_ANY:
        return format_any(v);
    case PL_CSV_EMPTY:
        if (json_is_array(v) && json_array_size(v) == 0)
            return pli_strdup("[]");
        if (json_is_object(v) && json_object_size(v) == 0)
            return pli_strdup("{}");
        *why = "a list or object whose items are written elsewhere";
        return NULL;
    }
    return NULL;
}
