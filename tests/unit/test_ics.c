/*
 * test_ics.c — the iCalendar export checked by a small RFC 5545 validator
 * written here: CRLF line ends everywhere, no line over 75 octets, folded
 * lines continue with a space and never split a UTF-8 character,
 * BEGIN/END balanced, UID/DTSTAMP/DTSTART once per VEVENT, VERSION/PRODID
 * once per VCALENDAR, TEXT values escaped.  The fixture has a long Swedish
 * site name that forces folding inside multibyte text, and names with
 * , ; \ that need escaping.  Also: one event per run (a supervisor change
 * does not split it), DTEND the day after the run, deterministic output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "support_fixture.h"

#include "report/report.h"
#include "schedule/schedule.h"

char *mkdtemp(char *template_);

static const char INSTANCE[] =
    "{\"format\": \"placera/1\", \"name\": \"Test; region, \\\"Övre\\\" Norrland\",\n"
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6},\n"
    " \"rotations\": {\"pc\": {\"name\": \"Allmänmedicin; primärvård, glesbygd\"},\n"
    "               \"ac\": {\"name\": \"Akut <sjukvård>\"}},\n"
    " \"sites\": {\"long\": {\"name\": \"Hälsocentralen i Övre Älvdalens glesbygdsområde, "
    "avdelningen för allmänmedicin och äldrevård – Särskilt boende Åsele\",\n"
    "                      \"area\": \"Norr\", \"capacity\": {\"pc\": 2, \"ac\": 2}},\n"
    "           \"s2\": {\"name\": \"Back\\\\slash & <Co>\", \"capacity\": {\"pc\": 1}}},\n"
    " \"supervisors\": {\"sv1\": {\"site\": \"long\", \"max_trainees\": 2},\n"
    "                 \"sv2\": {\"site\": \"long\", \"max_trainees\": 2},\n"
    "                 \"sv3\": {\"site\": \"s2\", \"name\": \"Märta Älv, ST; handledare\"}},\n"
    " \"programs\": {\"BT\": {\"requirements\": {\"pc\": {}, \"ac\": {}}}},\n"
    " \"trainees\": {\"t1\": {\"program\": \"BT\", \"home\": \"long\"},\n"
    "              \"t2\": {\"program\": \"BT\", \"unavailable\": [{\"from\": \"2027-03\"}],\n"
    "                    \"name\": \"Åsa Öberg-Äng \xF0\x9F\xA9\xBA, \\\"Åsa\\\"; "
    "läkare under utbildning i Övre Älvdalen \xF0\x9F\x8C\xB2\xF0\x9F\x8C\xB2\xF0\x9F\x8C\xB2\"},\n"
    "              \"t3\": {\"program\": \"BT\"}}}\n";

typedef struct fixture {
    pl_instance *inst;
    pl_schedule *sched;
    char dir[64];
} fixture;

/* t1: long/pc 0-2 (sv1, then sv2 in 2), long/ac 3-5; t2: s2/pc 0-1, leave
 * in 2, long/pc 3-5; t3: nothing. */
static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    pl_diags diags = {0};
    pl_assignment a;
    pl_costs costs = {0};
    double tc[3] = {0, 0, 0};
    assert_non_null(fx);
    assert_int_equal(pl_instance_load_string(INSTANCE, strlen(INSTANCE), "fixture",
                                             &fx->inst, &diags),
                     PL_OK);
    pl_diags_free(&diags);
    const pl_instance *in = fx->inst;
    int pc = pli_instance_rotation_index(in, "pc"), ac = pli_instance_rotation_index(in, "ac");
    int lng = pli_instance_site_index(in, "long"), s2 = pli_instance_site_index(in, "s2");
    int sv1 = pli_instance_supervisor_index(in, "sv1");
    int sv2 = pli_instance_supervisor_index(in, "sv2");
    int sv3 = pli_instance_supervisor_index(in, "sv3");
    assert_int_equal(pli_assignment_init(&a, in->n_trainees, in->horizon.length), PL_OK);
    fx_place(&a, 0, lng, pc, sv1, 0, 1);
    fx_place(&a, 0, lng, pc, sv2, 2, 2);
    fx_place(&a, 0, lng, ac, sv1, 3, 5);
    fx_place(&a, 1, s2, pc, sv3, 0, 1);
    fx_place(&a, 1, lng, pc, sv2, 3, 5);
    assert_int_equal(pli_schedule_from_assignment(in, &a, PL_RESULT_OPTIMAL, &costs, tc,
                                                 0, 0, 0, &fx->sched),
                     PL_OK);
    pli_assignment_free(&a);
    strcpy(fx->dir, "/tmp/placera-ics-XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    *state = fx;
    return 0;
}

static void remove_dir(const char *dir)
{
    static const char *const names[] = {"trainee-t1.ics", "trainee-t2.ics",
                                        "trainee-t3.ics", "site-long.ics",
                                        "site-s2.ics"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    snprintf(path, sizeof path, "%s/out", dir);
    rmdir(path);
    rmdir(dir);
}

static int teardown(void **state)
{
    fixture *fx = *state;
    remove_dir(fx->dir);
    pl_schedule_free(fx->sched);
    pl_instance_free(fx->inst);
    free(fx);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    *len = (size_t)n;
    fclose(f);
    return s;
}

/* ---- the validator --------------------------------------------------- */

typedef struct verdict {
    int problems;
    char first[200]; /* the first problem, for the failure message */
    int events, calendars, folded;
} verdict;

static void problem(verdict *v, const char *fmt, ...)
{
    if (v->problems++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(v->first, sizeof v->first, fmt, ap);
        va_end(ap);
    }
}

/* Is s[0..n) valid UTF-8 (complete characters only)? */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!k || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
        i += k;
    }
    return true;
}

/* Checks one unfolded content line's TEXT value escaping. */
static void check_text(verdict *v, const char *line)
{
    const char *colon = strchr(line, ':');
    for (const char *c = colon ? colon + 1 : line; *c; c++) {
        if (*c == '\\') {
            if (!c[1] || !strchr("\\;,nN", c[1]))
                problem(v, "bad escape in '%s'", line);
            c++;
        } else if (*c == ';' || *c == ',') {
            problem(v, "unescaped '%c' in '%s'", *c, line);
        }
    }
}

#define MAX_DEPTH 8
#define MAX_LOGICAL 4096

typedef struct component {
    char name[32];
    int uid, dtstamp, dtstart, version, prodid;
} component;

static void end_component(verdict *v, const component *c)
{
    if (!strcmp(c->name, "VEVENT")) {
        v->events++;
        if (c->uid != 1 || c->dtstamp != 1 || c->dtstart != 1)
            problem(v, "VEVENT has UID x%d, DTSTAMP x%d, DTSTART x%d", c->uid,
                    c->dtstamp, c->dtstart);
    } else if (!strcmp(c->name, "VCALENDAR")) {
        v->calendars++;
        if (c->version != 1 || c->prodid != 1)
            problem(v, "VCALENDAR has VERSION x%d, PRODID x%d", c->version, c->prodid);
    }
}

static void logical_line(verdict *v, const char *line, component *stack, int *depth)
{
    size_t name_len = strcspn(line, ":;");
    if (!line[name_len]) {
        problem(v, "no ':' in '%s'", line);
        return;
    }
    char name[64] = "";
    snprintf(name, sizeof name, "%.*s", (int)(name_len < 63 ? name_len : 63), line);
    const char *value = strchr(line, ':') + 1;
    if (!strcmp(name, "BEGIN")) {
        if (*depth == 0 && strcmp(value, "VCALENDAR"))
            problem(v, "top-level component %s", value);
        if (*depth >= MAX_DEPTH) {
            problem(v, "nested too deep");
            return;
        }
        memset(&stack[*depth], 0, sizeof stack[*depth]);
        snprintf(stack[*depth].name, sizeof stack[*depth].name, "%s", value);
        (*depth)++;
        return;
    }
    if (!strcmp(name, "END")) {
        if (*depth == 0 || strcmp(stack[*depth - 1].name, value)) {
            problem(v, "END:%s does not match", value);
            return;
        }
        end_component(v, &stack[--*depth]);
        return;
    }
    if (*depth == 0) {
        problem(v, "property %s outside a component", name);
        return;
    }
    component *c = &stack[*depth - 1];
    c->uid += !strcmp(name, "UID");
    c->dtstamp += !strcmp(name, "DTSTAMP");
    c->dtstart += !strcmp(name, "DTSTART");
    c->version += !strcmp(name, "VERSION");
    c->prodid += !strcmp(name, "PRODID");
    if (!strcmp(name, "SUMMARY") || !strcmp(name, "LOCATION") ||
        !strcmp(name, "DESCRIPTION") || !strcmp(name, "X-WR-CALNAME"))
        check_text(v, line);
}

static verdict validate(const char *text, size_t len)
{
    verdict v = {0};
    component stack[MAX_DEPTH];
    int depth = 0;
    char *logical = malloc(MAX_LOGICAL);
    size_t llen = 0;
    bool have = false;
    if (len == 0)
        problem(&v, "empty");
    if (len >= 2 && (text[len - 2] != '\r' || text[len - 1] != '\n'))
        problem(&v, "does not end in CRLF");
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (!nl || end == pos || text[end - 1] != '\r') {
            problem(&v, "line ending at octet %zu is not ended by CRLF", end);
            break;
        }
        const char *line = text + pos;
        size_t n = end - 1 - pos; /* without CRLF */
        if (memchr(line, '\r', n))
            problem(&v, "bare CR inside a line");
        if (n > 75)
            problem(&v, "line of %zu octets: %.40s...", n, line);
        if (!valid_utf8((const unsigned char *)line, n))
            problem(&v, "a line splits a UTF-8 character: %.*s", (int)n, line);
        if (n > 0 && (line[0] == ' ' || line[0] == '\t')) {
            if (!have)
                problem(&v, "continuation line first");
            v.folded++;
            if (llen + n < MAX_LOGICAL) {
                memcpy(logical + llen, line + 1, n - 1);
                llen += n - 1;
            }
        } else {
            if (have) {
                logical[llen] = '\0';
                logical_line(&v, logical, stack, &depth);
            }
            llen = n < MAX_LOGICAL ? n : MAX_LOGICAL - 1;
            memcpy(logical, line, llen);
            have = true;
        }
        pos = end + 1;
    }
    if (have) {
        logical[llen] = '\0';
        logical_line(&v, logical, stack, &depth);
    }
    if (depth != 0)
        problem(&v, "%d component(s) not ended", depth);
    if (v.calendars != 1)
        problem(&v, "%d calendars", v.calendars);
    free(logical);
    return v;
}

/* ---- tests -------------------------------------------------------------- */

static void test_validator_rejects_bad_calendars(void **state)
{
    (void)state;
    const char *lf = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nEND:VCALENDAR\n";
    assert_true(validate(lf, strlen(lf)).problems > 0);
    const char *no_uid = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
                         "DTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:20270101\r\n"
                         "END:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_true(validate(no_uid, strlen(no_uid)).problems > 0);
    const char *unbalanced = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
                             "END:VCALENDAR\r\n";
    assert_true(validate(unbalanced, strlen(unbalanced)).problems > 0);
    char longline[200];
    snprintf(longline, sizeof longline,
             "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:%080d\r\nEND:VCALENDAR\r\n", 0);
    assert_true(validate(longline, strlen(longline)).problems > 0);
    const char *comma = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:a,b\r\n"
                        "END:VCALENDAR\r\n";
    assert_true(validate(comma, strlen(comma)).problems > 0);
    /* A fold between the two octets of 'ä'. */
    const char *split = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:\xC3\r\n"
                        " \xA4\r\nEND:VCALENDAR\r\n";
    assert_true(validate(split, strlen(split)).problems > 0);
    const char *good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
                       "UID:a\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:20270101\r\n"
                       "END:VEVENT\r\nEND:VCALENDAR\r\n";
    verdict v = validate(good, strlen(good));
    assert_int_equal(v.problems, 0);
    assert_int_equal(v.events, 1);
}

/* Folding a long line of two-octet characters at every offset. */
static void test_fold_multibyte(void **state)
{
    (void)state;
    for (int prefix = 0; prefix < 4; prefix++) {
        char line[400];
        size_t n = 0;
        for (int i = 0; i < prefix; i++)
            line[n++] = 'x';
        while (n < 300) {
            memcpy(line + n, "\xC3\xA4", 2); /* ä */
            n += 2;
        }
        memcpy(line + n, "\xE2\x80\x93", 3); /* – */
        n += 3;
        char *out = NULL;
        size_t out_len = 0;
        FILE *f = open_memstream(&out, &out_len);
        assert_non_null(f);
        pli_ics_write_line(f, line, n);
        fclose(f);
        /* Unfold and compare; every physical line is whole UTF-8, <= 75. */
        char back[400];
        size_t m = 0, pos = 0;
        int lines = 0;
        while (pos < out_len) {
            char *crlf = strstr(out + pos, "\r\n");
            assert_non_null(crlf);
            size_t len = (size_t)(crlf - (out + pos));
            assert_true(len <= 75);
            const char *body = out + pos + (lines ? 1 : 0);
            size_t blen = len - (lines ? 1 : 0);
            if (lines)
                assert_int_equal(out[pos], ' ');
            assert_true(valid_utf8((const unsigned char *)body, blen));
            memcpy(back + m, body, blen);
            m += blen;
            pos += len + 2;
            lines++;
        }
        assert_true(lines >= 4);
        assert_int_equal(m, n);
        assert_memory_equal(back, line, n);
        free(out);
    }
}

static void test_escape(void **state)
{
    (void)state;
    pl_buf b = {0};
    assert_int_equal(pli_ics_escape(&b, "a,b;c\\d\r\ne"), PL_OK);
    assert_string_equal(b.data, "a\\,b\\;c\\\\d\\ne");
    pli_buf_free(&b);
}

static char *read_export(const fixture *fx, const char *name, size_t *len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    return slurp(path, len);
}

static void test_export_valid(void **state)
{
    fixture *fx = *state;
    pl_diags diags = {0};
    size_t files = 0;
    assert_int_equal(pl_export_ics(fx->inst, fx->sched, fx->dir, &files, &diags), PL_OK);
    assert_int_equal(diags.count, 0);
    assert_int_equal(files, 4); /* t1, t2, long, s2; t3 has no placement */
    static const struct { const char *name; int events; } expect[] = {
        {"trainee-t1.ics", 2}, {"trainee-t2.ics", 2}, {"site-long.ics", 3},
        {"site-s2.ics", 1}};
    int folded = 0;
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        size_t len;
        char *text = read_export(fx, expect[i].name, &len);
        assert_non_null(text);
        verdict v = validate(text, len);
        if (v.problems)
            fail_msg("%s: %d problems, first: %s", expect[i].name, v.problems, v.first);
        assert_int_equal(v.events, expect[i].events);
        folded += v.folded;
        free(text);
    }
    assert_true(folded > 0); /* the long Swedish name was folded */
    struct stat st;
    char path[128];
    snprintf(path, sizeof path, "%s/trainee-t3.ics", fx->dir);
    assert_int_not_equal(stat(path, &st), 0);
    pl_diags_free(&diags);
}

/* Unfold a calendar into one string of logical lines separated by "\n". */
static char *unfold(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\r' && text[i + 1] == '\n') {
            if (text[i + 2] == ' ') {
                i += 2;
                continue;
            }
            out[m++] = '\n';
            i++;
            continue;
        }
        out[m++] = text[i];
    }
    out[m] = '\0';
    return out;
}

static void test_events_content(void **state)
{
    fixture *fx = *state;
    pl_diags diags = {0};
    assert_int_equal(pl_export_ics(fx->inst, fx->sched, fx->dir, NULL, &diags), PL_OK);
    size_t len;
    char *text = read_export(fx, "trainee-t1.ics", &len);
    assert_non_null(text);
    char *u = unfold(text);
    /* One event for periods 0-2 despite the supervisor change. */
    assert_non_null(strstr(u, "DTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270401\n"));
    assert_non_null(strstr(u, "DTSTART;VALUE=DATE:20270401\nDTEND;VALUE=DATE:20270701\n"));
    assert_non_null(strstr(u, "DESCRIPTION:Supervisors: sv1\\, sv2\n"));
    assert_non_null(strstr(u, "SUMMARY:Allmänmedicin\\; primärvård\\, glesbygd @ "
                              "Hälsocentralen i Övre Älvdalens glesbygdsområde\\, "));
    assert_non_null(strstr(u, "DTSTAMP:20270101T000000Z\n"));
    assert_non_null(strstr(u, "UID:placera-"));
    assert_non_null(strstr(u, "-trainee-t1-p3@placera\n"));
    free(u);
    free(text);
    text = read_export(fx, "site-s2.ics", &len);
    assert_non_null(text);
    u = unfold(text);
    assert_non_null(strstr(u, "LOCATION:Back\\\\slash & <Co>\n"));
    /* People's names, escaped (RFC 5545 3.3.11) and, once unfolded, whole:
     * t2 with å, ä, ö and emoji, sv3 with ',' and ';'. */
    assert_non_null(strstr(u, "SUMMARY:Åsa Öberg-Äng \xF0\x9F\xA9\xBA\\, \"Åsa\"\\; läkare under "
                              "utbildning i Övre Älvdalen \xF0\x9F\x8C\xB2\xF0\x9F\x8C\xB2\xF0\x9F\x8C\xB2: "
                              "Allmänmedicin\\; primärvård\\, glesbygd\n"));
    assert_non_null(strstr(u, "DESCRIPTION:Trainee: Åsa Öberg-Äng \xF0\x9F\xA9\xBA\\, \"Åsa\"\\; "));
    assert_non_null(strstr(u, "(BT)\\nSupervisor: Märta Älv\\, ST\\; handledare\n"));
    assert_non_null(strstr(u, "DTEND;VALUE=DATE:20270301\n"));
    free(u);
    free(text);
    pl_diags_free(&diags);
}

static void test_deterministic_and_dir_created(void **state)
{
    fixture *fx = *state;
    pl_diags diags = {0};
    char sub[96];
    snprintf(sub, sizeof sub, "%s/out", fx->dir);
    assert_int_equal(pl_export_ics(fx->inst, fx->sched, sub, NULL, &diags), PL_OK);
    size_t a_len, b_len;
    char path[128];
    snprintf(path, sizeof path, "%s/trainee-t2.ics", sub);
    char *a = slurp(path, &a_len);
    assert_int_equal(pl_export_ics(fx->inst, fx->sched, sub, NULL, &diags), PL_OK);
    char *b = slurp(path, &b_len);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a_len, b_len);
    assert_memory_equal(a, b, a_len);
    free(a);
    free(b);
    static const char *const names[] = {"trainee-t1.ics", "trainee-t2.ics",
                                        "site-long.ics", "site-s2.ics"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", sub, names[i]);
        remove(path);
    }
    /* Two levels of missing directories are not created. */
    snprintf(sub, sizeof sub, "%s/no/such", fx->dir);
    assert_int_equal(pl_export_ics(fx->inst, fx->sched, sub, NULL, &diags), PL_ERR_IO);
    assert_true(diags.count > 0);
    pl_diags_free(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validator_rejects_bad_calendars),
        cmocka_unit_test(test_fold_multibyte),
        cmocka_unit_test(test_escape),
        cmocka_unit_test_setup_teardown(test_export_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_events_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic_and_dir_created, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
