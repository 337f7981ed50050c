/*
 * load_stream.c — load a large instance without holding the JSON of every
 * trainee at once.
 *
 * jansson's document costs about ten times the text for files made of many
 * small objects, and the trainees are nearly all of a large file.  So the
 * text is first scanned (strings and brackets only) for the top-level
 * "trainees" object: the rest of the document is parsed with jansson as
 * usual, "trainees" becomes an object of ids with null values, and each
 * trainee's text is parsed when the validator reaches it and released right
 * after.  The scanner only has to be right for valid JSON: whenever
 * anything fails (a scan surprise, a duplicate id, a parse error in any
 * piece), the whole text is parsed the ordinary way, which gives the
 * canonical syntax error with its line and column.
 */
#include <stdlib.h>
#include <string.h>

#include "instance/validate.h"

typedef struct scan {
    const char *s;
    size_t n, i;
} scan;

static void ws(scan *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' ||
                           c->s[c->i] == '\n' || c->s[c->i] == '\r'))
        c->i++;
}

static bool skip_string(scan *c)
{
    if (c->i >= c->n || c->s[c->i] != '"')
        return false;
    for (c->i++; c->i < c->n; c->i++) {
        if (c->s[c->i] == '\\')
            c->i++;
        else if (c->s[c->i] == '"') {
            c->i++;
            return true;
        }
    }
    return false;
}

static bool skip_value(scan *c)
{
    if (c->i >= c->n)
        return false;
    char ch = c->s[c->i];
    if (ch == '"')
        return skip_string(c);
    if (ch == '{' || ch == '[') {
        int depth = 0;
        while (c->i < c->n) {
            ch = c->s[c->i];
            if (ch == '"') {
                if (!skip_string(c))
                    return false;
                continue;
            }
            if (ch == '{' || ch == '[')
                depth++;
            else if (ch == '}' || ch == ']')
                depth--;
            c->i++;
            if (depth == 0)
                return true;
        }
        return false;
    }
    size_t start = c->i;
    while (c->i < c->n && !strchr(",}] \t\r\n", c->s[c->i]))
        c->i++;
    return c->i > start;
}

/* Visit the members of the object at c->i: fn(key span, value span). */
static bool members(scan *c, bool (*fn)(void *, pl_span, pl_span), void *user)
{
    ws(c);
    if (c->i >= c->n || c->s[c->i] != '{')
        return false;
    c->i++;
    ws(c);
    if (c->i < c->n && c->s[c->i] == '}') {
        c->i++;
        return true;
    }
    for (;;) {
        pl_span key, val;
        ws(c);
        key.start = c->i;
        if (!skip_string(c))
            return false;
        key.length = c->i - key.start;
        ws(c);
        if (c->i >= c->n || c->s[c->i] != ':')
            return false;
        c->i++;
        ws(c);
        val.start = c->i;
        if (!skip_value(c))
            return false;
        val.length = c->i - val.start;
        if (!fn(user, key, val))
            return false;
        ws(c);
        if (c->i >= c->n)
            return false;
        if (c->s[c->i] == '}') {
            c->i++;
            return true;
        }
        if (c->s[c->i] != ',')
            return false;
        c->i++;
    }
}

typedef struct top_state {
    const char *s;
    pl_span trainees;
    int found;
} top_state;

static bool top_member(void *user, pl_span key, pl_span val)
{
    top_state *st = user;
    if (key.length == 10 && !memcmp(st->s + key.start, "\"trainees\"", 10)) {
        st->trainees = val;
        st->found++;
    } else if (memchr(st->s + key.start, '\\', key.length)) {
        return false; /* an escaped key might spell "trainees": no streaming */
    }
    return true;
}

typedef struct trainee_state {
    const char *s;
    json_t *ids;
    pl_span *spans;
    size_t n, cap;
} trainee_state;

/* Whether the key's text (without its quotes) is its own value: printable
 * ASCII without escapes. */
static bool plain_key(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E || s[i] == '\\')
            return false;
    return true;
}

static bool trainee_member(void *user, pl_span key, pl_span val)
{
    trainee_state *st = user;
    const char *text = st->s + key.start + 1;
    size_t n = key.length - 2;
    bool ok;
    if (plain_key(text, n)) {
        ok = !json_object_getn(st->ids, text, n) &&
             json_object_setn_new_nocheck(st->ids, text, n, json_null()) == 0;
    } else {
        json_error_t err;
        json_t *k = json_loadb(st->s + key.start, key.length, JSON_DECODE_ANY, &err);
        ok = json_is_string(k) && !json_object_get(st->ids, json_string_value(k)) &&
             json_object_set_new(st->ids, json_string_value(k), json_null()) == 0;
        json_decref(k);
    }
    if (!ok)
        return false;
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 1024;
        pl_span *sp = realloc(st->spans, cap * sizeof *sp);
        if (!sp)
            return false;
        st->spans = sp;
        st->cap = cap;
    }
    st->spans[st->n++] = val;
    return true;
}

/* Try the streamed path.  PL_OK / PL_ERR_INVALID / PL_ERR_NOMEM are final;
 * PL_ERR_SYNTAX means "parse the whole text instead". */
static pl_status streamed(const char *text, size_t length, const char *name,
                          pl_instance **out, pl_diags *diags)
{
    pl_status status = PL_ERR_SYNTAX;
    top_state top = {text, {0, 0}, 0};
    trainee_state tr = {text, NULL, NULL, 0, 0};
    char *masked = NULL;
    json_t *root = NULL;
    json_error_t err;
    scan c = {text, length, 0};

    if (!members(&c, top_member, &top) || top.found != 1)
        goto cleanup;
    ws(&c);
    if (c.i != length)
        goto cleanup;
    scan t = {text, top.trainees.start + top.trainees.length, top.trainees.start};
    if (!(tr.ids = json_object()) || !members(&t, trainee_member, &tr))
        goto cleanup;
    /* the document with "trainees": {} */
    size_t head = top.trainees.start, tail = head + top.trainees.length;
    masked = malloc(length - top.trainees.length + 3);
    if (!masked) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    memcpy(masked, text, head);
    memcpy(masked + head, "{}", 2);
    memcpy(masked + head + 2, text + tail, length - tail);
    root = json_loadb(masked, length - top.trainees.length + 2,
                      JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
    free(masked);
    masked = NULL;
    if (!root || !json_is_object(root))
        goto cleanup;
    if (json_object_set(root, "trainees", tr.ids) != 0) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    status = pli_instance_from_json_streamed(root, name, text, tr.spans, out, diags);
cleanup:
    free(masked);
    free(tr.spans);
    json_decref(tr.ids);
    json_decref(root);
    return status;
}

pl_status pli_instance_load_text(const char *text, size_t length, const char *name,
                                pl_instance **out, pl_diags *diags)
{
    json_t *root = NULL;
    *out = NULL;
    /* small files gain nothing from streaming */
    if (length >= ((size_t)1 << 20)) {
        pl_status st = streamed(text, length, name, out, diags);
        if (st != PL_ERR_SYNTAX)
            return st;
    }
    pl_status status = pli_json_parse_text(text, length, name, &root, diags);
    if (status == PL_OK)
        status = pli_instance_from_json(root, name, out, diags);
    json_decref(root);
    return status;
}
