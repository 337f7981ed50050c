/*
 * json_hint.c — pli_json_syntax_hint: name the common slip (a trailing
 * comma, a comment, single quotes) behind a JSON syntax error, looking at
 * the character where the parser stopped and the one before it.
 */
#include "util/json_hint.h"

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the last character before `at` that is not white space is a
 * comma. */
static int comma_before(const char *text, size_t at)
{
    while (at > 0 && is_space(text[at - 1]))
        at--;
    return at > 0 && text[at - 1] == ',';
}

const char *pli_json_syntax_hint(const char *text, size_t length, size_t position)
{
    if (!text || position == 0 || position > length)
        return NULL;
    size_t at = position - 1; /* the character the parser stopped at */
    char c = text[at], next = at + 1 < length ? text[at + 1] : '\0';
    if ((c == '}' || c == ']') && comma_before(text, at))
        return "remove the comma before } or ]";
    if (c == '/' && (next == '/' || next == '*'))
        return "JSON has no comments; use a \"$comment\" key";
    if (c == '\'')
        return "JSON strings use double quotes";
    return NULL;
}
