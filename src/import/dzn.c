/*
 * dzn.c — parse MiniZinc data files (.dzn) into named integer values.
 *
 * A hand-written lexer and recursive-descent parser over the whole text.
 * After an error the parser reports it with line and column, skips to the
 * next `;` and goes on, so that one run lists every problem.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import/dzn.h"
#include "util/read_file.h"
#include "util/strutil.h"

/* A set range lo..hi may hold at most this many values (a guard against
 * `1..9999999999` taking all memory). */
#define PL_DZN_MAX_RANGE 1000000UL
#define PL_DZN_MAX_RANGE_TEXT "1000000"

typedef enum tok_kind {
    T_EOF, T_IDENT, T_INT, T_EQ, T_SEMI, T_LBRACK, T_RBRACK, T_LBAR, T_RBAR,
    T_BAR, T_COMMA, T_LPAREN, T_RPAREN, T_DOTDOT, T_LBRACE, T_RBRACE, T_BAD
} tok_kind;

typedef struct token {
    tok_kind kind;
    long value;       /* T_INT */
    const char *text; /* T_IDENT / T_BAD: start in the source */
    size_t len;
    int line, column;
} token;

typedef struct parser {
    const char *s;
    size_t len, pos;
    int line, col;
    token cur;
    const char *file;
    pl_diags *diags;
    pl_dzn *dzn;
    const pl_dzn *context;
    int errors;
    bool nomem;
    long *vec;        /* values of the item being parsed */
    size_t n, cap;
} parser;

static void error_at(parser *p, int line, int column, const char *fmt, const char *arg)
{
    p->errors++;
    if (pl_diags_add(p->diags, PL_SEV_ERROR, p->file, line, column, NULL, fmt, arg) != PL_OK)
        p->nomem = true;
}

static void error_here(parser *p, const char *fmt)
{
    char what[48];
    const token *t = &p->cur;
    if (t->kind == T_EOF)
        snprintf(what, sizeof what, "end of file");
    else
        snprintf(what, sizeof what, "'%.*s'", (int)(t->len > 20 ? 20 : t->len), t->text);
    error_at(p, t->line, t->column, fmt, what);
}

/* Skip blanks, `%` comments and block comments, counting lines. */
static void skip_space(parser *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c == '\n') {
            p->line++;
            p->col = 1;
            p->pos++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            p->col++;
            p->pos++;
        } else if (c == '%') {
            while (p->pos < p->len && p->s[p->pos] != '\n')
                p->pos++;
        } else if (c == '/' && p->pos + 1 < p->len && p->s[p->pos + 1] == '*') {
            p->pos += 2;
            p->col += 2;
            while (p->pos < p->len &&
                   !(p->s[p->pos] == '*' && p->pos + 1 < p->len && p->s[p->pos + 1] == '/')) {
                if (p->s[p->pos] == '\n') {
                    p->line++;
                    p->col = 1;
                } else {
                    p->col++;
                }
                p->pos++;
            }
            p->pos = p->pos + 2 > p->len ? p->len : p->pos + 2;
            p->col += 2;
        } else {
            return;
        }
    }
}

static bool is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

static void advance(parser *p)
{
    skip_space(p);
    token *t = &p->cur;
    t->line = p->line;
    t->column = p->col;
    t->text = p->s + p->pos;
    t->len = 1;
    if (p->pos >= p->len) {
        t->kind = T_EOF;
        t->len = 0;
        return;
    }
    const char *c = p->s + p->pos;
    size_t rest = p->len - p->pos;
    if ((*c >= '0' && *c <= '9') || (*c == '-' && rest > 1 && c[1] >= '0' && c[1] <= '9')) {
        size_t i = *c == '-' ? 1 : 0;
        long v = 0;
        bool overflow = false;
        for (; i < rest && c[i] >= '0' && c[i] <= '9'; i++) {
            if (v > (LONG_MAX - (c[i] - '0')) / 10)
                overflow = true;
            else
                v = v * 10 + (c[i] - '0');
        }
        t->len = i;
        if (overflow || (i < rest && (c[i] == 'e' || c[i] == 'E' || c[i] == 'x' ||
                                      (c[i] == '.' && !(i + 1 < rest && c[i + 1] == '.'))))) {
            t->kind = T_BAD;
            while (i < rest && (is_ident_char(c[i]) || c[i] == '.' || c[i] == '+' ||
                                (c[i] == '-' && (c[i - 1] == 'e' || c[i - 1] == 'E'))))
                i++;
            t->len = i;
        } else
            t->kind = T_INT;
        t->value = *c == '-' ? -v : v;
    } else if (is_ident_char(*c)) {
        size_t i = 0;
        while (i < rest && is_ident_char(c[i]))
            i++;
        t->kind = T_IDENT;
        t->len = i;
    } else if (*c == '[' && rest > 1 && c[1] == '|') {
        t->kind = T_LBAR;
        t->len = 2;
    } else if (*c == '|' && rest > 1 && c[1] == ']') {
        t->kind = T_RBAR;
        t->len = 2;
    } else if (*c == '.' && rest > 1 && c[1] == '.') {
        t->kind = T_DOTDOT;
        t->len = 2;
    } else {
        switch (*c) {
        case '=': t->kind = T_EQ; break;
        case ';': t->kind = T_SEMI; break;
        case '[': t->kind = T_LBRACK; break;
        case ']': t->kind = T_RBRACK; break;
        case '|': t->kind = T_BAR; break;
        case ',': t->kind = T_COMMA; break;
        case '(': t->kind = T_LPAREN; break;
        case ')': t->kind = T_RPAREN; break;
        case '{': t->kind = T_LBRACE; break;
        case '}': t->kind = T_RBRACE; break;
        default: t->kind = T_BAD; break;
        }
    }
    p->pos += t->len;
    p->col += (int)t->len;
}

static bool tok_is(const token *t, const char *word)
{
    return t->kind == T_IDENT && strlen(word) == t->len && !strncmp(t->text, word, t->len);
}

static bool push(parser *p, long v)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        long *grown = realloc(p->vec, cap * sizeof *grown);
        if (!grown) {
            p->nomem = true;
            return false;
        }
        p->vec = grown;
        p->cap = cap;
    }
    p->vec[p->n++] = v;
    return true;
}

const pl_dzn_var *pli_dzn_find(const pl_dzn *dzn, const char *name)
{
    for (size_t i = 0; i < dzn->n; i++)
        if (!strcmp(dzn->vars[i].name, name))
            return &dzn->vars[i];
    return NULL;
}

/* An integer, true/false, or the name of an integer defined earlier. */
static bool parse_scalar(parser *p, long *out)
{
    if (p->cur.kind == T_INT) {
        *out = p->cur.value;
        advance(p);
        return true;
    }
    if (tok_is(&p->cur, "true") || tok_is(&p->cur, "false")) {
        *out = tok_is(&p->cur, "true");
        advance(p);
        return true;
    }
    if (p->cur.kind == T_IDENT) {
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(p->cur.len > 127 ? 127 : p->cur.len),
                 p->cur.text);
        const pl_dzn_var *v = pli_dzn_find(p->dzn, name);
        if (!v && p->context)
            v = pli_dzn_find(p->context, name);
        if (v && v->kind == PL_DZN_INT) {
            *out = v->data[0];
            advance(p);
            return true;
        }
        error_here(p, "%s is not an integer defined earlier in the file");
        return false;
    }
    if (p->cur.kind == T_BAD && p->cur.text[0] != '"')
        error_here(p, "unsupported value %s (only integers and booleans are read)");
    else
        error_here(p, "expected an integer, found %s");
    return false;
}

static bool expect(parser *p, tok_kind kind, const char *what)
{
    if (p->cur.kind != kind) {
        char fmt[96];
        snprintf(fmt, sizeof fmt, "expected %s, found %%s", what);
        error_here(p, fmt);
        return false;
    }
    advance(p);
    return true;
}

/* `[a, b, ...]` appended to p->vec. */
static bool parse_list(parser *p, size_t *count)
{
    size_t before = p->n;
    long v;
    advance(p); /* [ */
    while (p->cur.kind != T_RBRACK) {
        if (!parse_scalar(p, &v) || !push(p, v))
            return false;
        if (p->cur.kind == T_COMMA)
            advance(p);
        else if (p->cur.kind != T_RBRACK)
            return expect(p, T_RBRACK, "',' or ']'");
    }
    advance(p);
    *count = p->n - before;
    return true;
}

/* `[| a, b | c, d |]`: rows of equal length.  An empty row (a `|` right
 * before `|]`) is allowed and ignored. */
static bool parse_matrix(parser *p, long *rows, long *cols)
{
    long r = 0, c = 0, in_row = 0;
    long v;
    advance(p); /* [| */
    for (;;) {
        if (p->cur.kind == T_BAR || p->cur.kind == T_RBAR) {
            bool end = p->cur.kind == T_RBAR;
            if (in_row > 0) {
                if (r > 0 && in_row != c) {
                    error_at(p, p->cur.line, p->cur.column, "%s",
                             "rows of a 2-D array must all have the same length");
                    return false;
                }
                c = in_row;
                r++;
            }
            in_row = 0;
            advance(p);
            if (end)
                break;
            continue;
        }
        if (!parse_scalar(p, &v) || !push(p, v))
            return false;
        in_row++;
        if (p->cur.kind == T_COMMA)
            advance(p);
        else if (p->cur.kind != T_BAR && p->cur.kind != T_RBAR)
            return expect(p, T_BAR, "',', '|' or '|]'");
    }
    *rows = r;
    *cols = c;
    return true;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* `{a, b}` as a sorted set. */
static bool parse_set_literal(parser *p)
{
    size_t before = p->n;
    long v;
    advance(p); /* { */
    while (p->cur.kind != T_RBRACE) {
        if (!parse_scalar(p, &v) || !push(p, v))
            return false;
        if (p->cur.kind == T_COMMA)
            advance(p);
        else if (p->cur.kind != T_RBRACE)
            return expect(p, T_RBRACE, "',' or '}'");
    }
    advance(p);
    if (p->n == before)
        return true; /* {}: nothing to sort (and p->vec may be NULL) */
    qsort(p->vec + before, p->n - before, sizeof *p->vec, cmp_long);
    size_t w = before;
    for (size_t i = before; i < p->n; i++)
        if (w == before || p->vec[w - 1] != p->vec[i])
            p->vec[w++] = p->vec[i];
    p->n = w;
    return true;
}

/* `lo..hi` where each bound is a scalar. */
static bool parse_range(parser *p, long *lo, long *hi)
{
    return parse_scalar(p, lo) && expect(p, T_DOTDOT, "'..'") && parse_scalar(p, hi);
}

/* `arrayNd(r1, ..., rN, [ ... ])`. */
static bool parse_arraynd(parser *p, pl_dzn_var *var, int ndims)
{
    int line = p->cur.line, column = p->cur.column;
    size_t count = 0;
    long total = 1;
    advance(p); /* arrayNd */
    if (!expect(p, T_LPAREN, "'('"))
        return false;
    var->ndims = ndims;
    for (int d = 0; d < ndims; d++) {
        if (!parse_range(p, &var->lo[d], &var->hi[d]) || !expect(p, T_COMMA, "','"))
            return false;
        unsigned long span = (unsigned long)var->hi[d] - (unsigned long)var->lo[d];
        long extent = var->hi[d] < var->lo[d] ? 0
                      : span >= (unsigned long)LONG_MAX ? -1 : (long)span + 1;
        if (extent < 0)
            total = -1; /* more values than a long counts: never matches */
        else if (total >= 0)
            total = extent > 0 && total > LONG_MAX / extent ? -1 : total * extent;
    }
    if (p->cur.kind == T_LBRACK) {
        if (!parse_list(p, &count))
            return false;
    } else if (p->cur.kind == T_LBAR) {
        long rows, cols;
        if (!parse_matrix(p, &rows, &cols))
            return false;
        count = (size_t)(rows * cols);
    } else {
        error_here(p, "expected the values of the array, found %s");
        return false;
    }
    if (!expect(p, T_RPAREN, "')'"))
        return false;
    if (total < 0 || (size_t)total != count) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu", count);
        error_at(p, line, column,
                 "the index ranges of this array do not match its %s values", msg);
        return false;
    }
    return true;
}

static bool parse_value(parser *p, pl_dzn_var *var)
{
    token t = p->cur;
    if (t.kind == T_LBRACK) {
        size_t count;
        if (!parse_list(p, &count))
            return false;
        var->kind = PL_DZN_ARRAY;
        var->ndims = 1;
        var->lo[0] = 1;
        var->hi[0] = (long)count;
        return true;
    }
    if (t.kind == T_LBAR) {
        long rows, cols;
        if (!parse_matrix(p, &rows, &cols))
            return false;
        var->kind = PL_DZN_ARRAY;
        var->ndims = 2;
        var->lo[0] = var->lo[1] = 1;
        var->hi[0] = rows;
        var->hi[1] = cols;
        return true;
    }
    if (t.kind == T_LBRACE) {
        var->kind = PL_DZN_SET;
        return parse_set_literal(p);
    }
    if (t.kind == T_IDENT && t.len >= 7 && !strncmp(t.text, "array", 5) &&
        t.text[t.len - 1] == 'd') {
        int nd = 0;
        for (size_t i = 5; i + 1 < t.len; i++) {
            if (t.text[i] < '0' || t.text[i] > '9') {
                nd = -1;
                break;
            }
            nd = nd * 10 + (t.text[i] - '0');
            if (nd > PL_DZN_MAX_DIMS)
                break; /* too many dimensions; and no int overflow */
        }
        if (nd >= 1 && nd <= PL_DZN_MAX_DIMS) {
            var->kind = PL_DZN_ARRAY;
            return parse_arraynd(p, var, nd);
        }
    }
    long v;
    if (!parse_scalar(p, &v))
        return false;
    if (p->cur.kind == T_DOTDOT) {
        long hi;
        advance(p);
        if (!parse_scalar(p, &hi))
            return false;
        var->kind = PL_DZN_SET;
        if (hi >= v && (unsigned long)hi - (unsigned long)v >= PL_DZN_MAX_RANGE) {
            error_at(p, t.line, t.column, "a range of %s values or more is too large",
                     PL_DZN_MAX_RANGE_TEXT);
            return false;
        }
        for (unsigned long k = 0; hi >= v && k <= (unsigned long)hi - (unsigned long)v; k++)
            if (!push(p, v + (long)k)) /* counted: no overflow at LONG_MAX */
                return false;
        return true;
    }
    var->kind = PL_DZN_INT;
    return push(p, v);
}

static void skip_item(parser *p)
{
    while (p->cur.kind != T_SEMI && p->cur.kind != T_EOF)
        advance(p);
    if (p->cur.kind == T_SEMI)
        advance(p);
}

static bool add_var(parser *p, pl_dzn_var *var)
{
    pl_dzn *d = p->dzn;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        pl_dzn_var *grown = realloc(d->vars, cap * sizeof *grown);
        if (!grown)
            return false;
        d->vars = grown;
        d->cap = cap;
    }
    var->data = malloc((p->n ? p->n : 1) * sizeof *var->data);
    if (!var->data)
        return false;
    if (p->n)
        memcpy(var->data, p->vec, p->n * sizeof *var->data);
    var->n = p->n;
    d->vars[d->n++] = *var;
    return true;
}

static void parse_item(parser *p)
{
    pl_dzn_var var;
    memset(&var, 0, sizeof var);
    var.line = p->cur.line;
    var.column = p->cur.column;
    if (p->cur.kind != T_IDENT) {
        error_here(p, "expected a name, found %s");
        skip_item(p);
        return;
    }
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)(p->cur.len > 127 ? 127 : p->cur.len), p->cur.text);
    if (pli_dzn_find(p->dzn, name)) {
        error_here(p, "%s is defined twice");
        skip_item(p);
        return;
    }
    advance(p);
    p->n = 0;
    if (!expect(p, T_EQ, "'='") || !parse_value(p, &var)) {
        skip_item(p);
        return;
    }
    if (p->cur.kind != T_SEMI && p->cur.kind != T_EOF) {
        error_here(p, "expected ';', found %s");
        skip_item(p);
        return;
    }
    if (p->cur.kind == T_SEMI)
        advance(p);
    if (!(var.name = pli_strdup(name)) || !add_var(p, &var)) {
        free(var.name);
        p->nomem = true;
    }
}

pl_status pli_dzn_parse(const char *text, size_t length, const char *file,
                       const pl_dzn *context, pl_dzn *out, pl_diags *diags)
{
    parser p;
    memset(&p, 0, sizeof p);
    memset(out, 0, sizeof *out);
    p.s = text;
    p.len = length;
    p.line = p.col = 1;
    p.file = file;
    p.diags = diags;
    p.dzn = out;
    p.context = context;
    advance(&p);
    while (p.cur.kind != T_EOF && !p.nomem)
        parse_item(&p);
    free(p.vec);
    if (p.nomem || p.errors) {
        pli_dzn_free(out);
        return p.nomem ? PL_ERR_NOMEM : PL_ERR_SYNTAX;
    }
    return PL_OK;
}

void pli_dzn_free(pl_dzn *dzn)
{
    if (!dzn)
        return;
    for (size_t i = 0; i < dzn->n; i++) {
        free(dzn->vars[i].name);
        free(dzn->vars[i].data);
    }
    free(dzn->vars);
    memset(dzn, 0, sizeof *dzn);
}

pl_status pli_read_text_file(const char *path, char **text, size_t *length,
                            pl_diags *diags)
{
    pl_read_words words;
    pli_read_words_init(&words);
    return pli_read_file(path, &words, text, length, diags);
}
