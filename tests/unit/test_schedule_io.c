/*
 * test_schedule_io.c — schedules in memory and on disk: building rows and
 * the unmet / unassigned / understaffed lists from an assignment, JSON round
 * trips (byte-identical on rewrite), dates for month and week periods, CSV
 * and text output, strict reading with JSON-pointer messages, lenient
 * reading, and atomic writing that leaves nothing behind on failure.
 */
#include <dirent.h>
#include <math.h>
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

#include "schedule/schedule.h"
#include "support_fixture.h"
#include "util/strutil.h"

char *mkdtemp(char *template_);



/* ---- helpers ------------------------------------------------------------ */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    pl_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        pli_buf_append(&b, chunk, n);
    fclose(f);
    if (!b.data)
        return pli_strdup("");
    return b.data;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *to_string(const pl_schedule *s, const pl_instance *in,
                       pl_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(pl_schedule_write_stream(s, in, fmt, f), PL_OK);
    fclose(f);
    return buf;
}

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

typedef struct tmpdir {
    char path[64];
} tmpdir;

static void tmpdir_make(tmpdir *d)
{
    strcpy(d->path, "/tmp/placera-test-XXXXXX");
    assert_non_null(mkdtemp(d->path));
}

static void tmpdir_remove(tmpdir *d)
{
    DIR *dir = opendir(d->path);
    struct dirent *e;
    if (dir) {
        while ((e = readdir(dir))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char *p = pli_asprintf("%s/%s", d->path, e->d_name);
            if (remove(p) != 0)
                rmdir(p);
            free(p);
        }
        closedir(dir);
    }
    rmdir(d->path);
}

/* The hand-made case of the build tests, 6 monthly periods:
 *   t0 (home s0, mentor v0): s0/r0 with v0 in 0-1, with v1 in 2, s1/r1 in 3,
 *      nothing in 4 (active), inactive in 5; r0 min 5.
 *   t1 (home_choices, allocated s1): s0/r0 in 0-1; choice {r0, r1} pick 1,
 *      both min 2, so r1 is not chosen and has no unmet.
 *   t2 (home_choices, unallocated): nothing, in no list.
 *   s0/r0 min staffing 2,2,2,1,2,0 against 2,2,1,0,0,0 trainees. */
static pl_instance *case_instance(void)
{
    pl_instance *in = fx_make(6, 2, 2, 2, 3);
    in->trainees[0].home = 0;
    in->trainees[0].active[5] = false;
    in->trainees[0].rules[0].min = 5;
    for (int t = 1; t <= 2; t++) {
        in->trainees[t].has_home_choices = true;
        in->trainees[t].home_choices = calloc(2, sizeof(int));
        in->trainees[t].home_choices[0] = 1;
        in->trainees[t].n_home_choices = 1;
    }
    pl_trainee *t1 = &in->trainees[1];
    t1->rules[0].min = 2;
    t1->rules[1].min = 2;
    t1->n_choices = 1;
    t1->choices = calloc(1, sizeof *t1->choices);
    t1->choices[0].rotations = calloc(2, sizeof(int));
    t1->choices[0].rotations[0] = 0;
    t1->choices[0].rotations[1] = 1;
    t1->choices[0].n_rotations = 2;
    t1->choices[0].pick = 1;
    int mins[6] = {2, 2, 2, 1, 2, 0};
    for (int p = 0; p < 6; p++)
        in->sites[0].cap_min[0 * 6 + p] = mins[p];
    free(in->sites[0].name);
    in->sites[0].name = pli_strdup("Kalix vårdcentral");
    in->rotations[0].name = pli_strdup("Allmänmedicin");
    return in;
}

static void case_assignment(pl_assignment *a)
{
    assert_int_equal(pli_assignment_init(a, 3, 6), PL_OK);
    fx_place(a, 0, 0, 0, 0, 0, 1);
    fx_place(a, 0, 0, 0, 1, 2, 2);
    fx_place(a, 0, 1, 1, -1, 3, 3);
    fx_place(a, 1, 0, 0, -1, 0, 1);
    a->mentor[0] = 0;
    a->home[1] = 1;
    a->allocated[2] = false;
}

static const pl_costs case_costs = {
    .unmet = 2000, .unassigned = 100, .preference = -6.5,
    .understaffed = 4000, .priority = -0.1, .fairness = 1e-7,
};

static pl_schedule *case_schedule(const pl_instance *in)
{
    pl_assignment a;
    pl_schedule *s = NULL;
    double tc[3] = {2093.5, 0.25, 10000};
    case_assignment(&a);
    assert_int_equal(pli_schedule_from_assignment(in, &a, PL_RESULT_OPTIMAL,
                                                 &case_costs, tc, 6093.4,
                                                 NAN, 0.41, &s),
                     PL_OK);
    pli_assignment_free(&a);
    return s;
}

/* ---- building ------------------------------------------------------------ */

static void test_rows_split_at_supervisor(void **state)
{
    (void)state;
    pl_instance *in = case_instance();
    pl_schedule *s = case_schedule(in);
    assert_int_equal(s->n_rows, 4);
    assert_string_equal(s->rows[0].trainee, "t0");
    assert_int_equal(s->rows[0].from, 0);
    assert_int_equal(s->rows[0].to, 1);
    assert_string_equal(s->rows[0].supervisor, "v0");
    assert_int_equal(s->rows[1].from, 2);
    assert_int_equal(s->rows[1].to, 2);
    assert_string_equal(s->rows[1].supervisor, "v1");
    assert_int_equal(s->rows[1].sup, 1);
    assert_string_equal(s->rows[2].site, "s1");
    assert_string_equal(s->rows[2].rotation, "r1");
    assert_null(s->rows[2].supervisor);
    assert_int_equal(s->rows[2].sup, -1);
    assert_string_equal(s->rows[3].trainee, "t1");
    assert_int_equal(s->rows[3].t, 1);
    assert_int_equal(s->rows[3].to, 1);
    assert_true(s->has_cost && s->has_costs);
    assert_true(s->cost == pl_costs_total(&case_costs));
    assert_true(isnan(s->gap));
    assert_string_equal(pl_schedule_status(s), "optimal");
    pl_schedule_free(s);
    pl_instance_free(in);
}

static void test_lists(void **state)
{
    (void)state;
    pl_instance *in = case_instance();
    pl_schedule *s = case_schedule(in);
    /* homes: t0 fixed, t1 allocated; t2 unallocated is absent */
    assert_int_equal(s->n_homes, 2);
    assert_string_equal(s->homes[0].key, "t0");
    assert_string_equal(s->homes[0].value, "s0");
    assert_string_equal(s->homes[1].key, "t1");
    assert_string_equal(s->homes[1].value, "s1");
    assert_int_equal(s->n_mentors, 1);
    assert_string_equal(s->mentors[0].value, "v0");
    /* unmet: t0 r0 (5 - 3 = 2); t1 r1 not chosen, r0 met */
    assert_int_equal(s->n_unmet, 1);
    assert_string_equal(s->unmet[0].trainee, "t0");
    assert_string_equal(s->unmet[0].rotation, "r0");
    assert_int_equal(s->unmet[0].missing, 2);
    /* unassigned: t0 in 4 only (5 inactive); t1 in 2-5; not t2 */
    assert_int_equal(s->n_unassigned, 2);
    assert_string_equal(s->unassigned[0].trainee, "t0");
    assert_int_equal(s->unassigned[0].from, 4);
    assert_int_equal(s->unassigned[0].to, 4);
    assert_string_equal(s->unassigned[1].trainee, "t1");
    assert_int_equal(s->unassigned[1].from, 2);
    assert_int_equal(s->unassigned[1].to, 5);
    /* understaffed s0/r0: missing 0,0,1,1,2,0 -> 2-3 (1), 4 (2) */
    assert_int_equal(s->n_understaffed, 2);
    assert_string_equal(s->understaffed[0].site, "s0");
    assert_string_equal(s->understaffed[0].rotation, "r0");
    assert_int_equal(s->understaffed[0].from, 2);
    assert_int_equal(s->understaffed[0].to, 3);
    assert_int_equal(s->understaffed[0].missing, 1);
    assert_int_equal(s->understaffed[1].from, 4);
    assert_int_equal(s->understaffed[1].to, 4);
    assert_int_equal(s->understaffed[1].missing, 2);
    assert_int_equal(s->n_trainee_costs, 3);
    assert_true(s->trainee_costs[0].value == 2093.5);
    pl_schedule_free(s);
    pl_instance_free(in);
}

/* previous and completed count toward min; a choice rotation done only
 * before the horizon is chosen. */
static void test_unmet_counts_history(void **state)
{
    (void)state;
    pl_instance *in = fx_make(2, 2, 1, 1, 1);
    pl_trainee *t = &in->trainees[0];
    t->rules[0].min = 4;
    t->rules[1].min = 3;
    t->completed[0] = 1;
    t->previous.site = 0;
    t->previous.rotation = 0;
    t->previous.periods = 1;
    t->n_choices = 1;
    t->choices = calloc(1, sizeof *t->choices);
    t->choices[0].rotations = calloc(1, sizeof(int));
    t->choices[0].rotations[0] = 1;
    t->choices[0].n_rotations = 1;
    t->choices[0].pick = 1;
    t->completed[1] = 1;
    pl_assignment a;
    pl_schedule *s = NULL;
    assert_int_equal(pli_assignment_init(&a, 1, 2), PL_OK);
    fx_place(&a, 0, 0, 0, 0, 0, 0);
    assert_int_equal(pli_schedule_from_assignment(in, &a, PL_RESULT_FEASIBLE,
                                                 NULL, NULL, NAN, NAN, 1, &s),
                     PL_OK);
    /* r0: 1 + 1 + 1 = 3 of 4; r1: 1 of 3 */
    assert_int_equal(s->n_unmet, 2);
    assert_int_equal(s->unmet[0].missing, 1);
    assert_int_equal(s->unmet[1].missing, 2);
    assert_false(s->has_costs);
    assert_string_equal(pl_schedule_status(s), "feasible");
    pl_schedule_free(s);
    pli_assignment_free(&a);
    pl_instance_free(in);
}

/* ---- JSON ---------------------------------------------------------------- */

static void test_json_round_trip(void **state)
{
    (void)state;
    tmpdir d;
    tmpdir_make(&d);
    pl_instance *in = case_instance();
    pl_schedule *s = case_schedule(in);
    pl_diags diags = {0};
    char *p1 = pli_asprintf("%s/a.json", d.path);
    char *p2 = pli_asprintf("%s/b.json", d.path);
    assert_int_equal(pl_schedule_write(s, in, PL_FORMAT_JSON, p1, &diags), PL_OK);

    pl_schedule *back = NULL;
    assert_int_equal(pl_schedule_load(p1, in, false, &back, &diags), PL_OK);
    assert_int_equal(diags.count, 0);
    assert_int_equal(back->n_rows, s->n_rows);
    for (size_t i = 0; i < s->n_rows; i++) {
        assert_string_equal(back->rows[i].trainee, s->rows[i].trainee);
        assert_string_equal(back->rows[i].site, s->rows[i].site);
        assert_string_equal(back->rows[i].rotation, s->rows[i].rotation);
        assert_int_equal(back->rows[i].t, s->rows[i].t);
        assert_int_equal(back->rows[i].s, s->rows[i].s);
        assert_int_equal(back->rows[i].r, s->rows[i].r);
        assert_int_equal(back->rows[i].sup, s->rows[i].sup);
        assert_int_equal(back->rows[i].from, s->rows[i].from);
        assert_int_equal(back->rows[i].to, s->rows[i].to);
    }
    assert_true(memcmp(&back->costs, &s->costs, sizeof s->costs) == 0);
    assert_true(back->cost == s->cost);
    assert_true(back->bound == 6093.4);
    assert_true(isnan(back->gap));
    assert_true(back->seconds == 0.41);
    assert_int_equal(back->n_homes, 2);
    assert_int_equal(back->homes[1].value_index, 1);
    assert_int_equal(back->n_mentors, 1);
    assert_int_equal(back->n_unmet, 1);
    assert_int_equal(back->n_unassigned, 2);
    assert_int_equal(back->unassigned[1].to, 5);
    assert_int_equal(back->n_understaffed, 2);
    assert_int_equal(back->understaffed[1].missing, 2);
    assert_int_equal(back->n_trainee_costs, 3);
    assert_true(back->trainee_costs[1].value == 0.25);
    assert_string_equal(back->instance_name, "Fixture");

    /* writing what was read gives the same bytes */
    assert_int_equal(pl_schedule_write(back, in, PL_FORMAT_JSON, p2, &diags), PL_OK);
    char *t1 = slurp(p1), *t2 = slurp(p2);
    assert_non_null(t1);
    assert_non_null(t2);
    assert_string_equal(t1, t2);
    /* the look of §4 */
    assert_non_null(strstr(t1, "{\n  \"format\": \"placera-schedule/1\",\n"
                               "  \"instance\": \"Fixture\",\n"
                               "  \"status\": \"optimal\",\n"
                               "  \"cost\": 6093.4000000999995,\n"
                               "  \"bound\": 6093.4,\n"
                               "  \"gap\": null,\n"
                               "  \"seconds\": 0.41,\n"
                               "  \"placements\": [\n"
                               "    {\"trainee\": \"t0\", \"site\": \"s0\", "
                               "\"rotation\": \"r0\", \"from\": 0, \"to\": 1, "
                               "\"start_date\": \"2027-01-01\", "
                               "\"end_date\": \"2027-02-28\", "
                               "\"supervisor\": \"v0\"},\n"));
    assert_non_null(strstr(t1, "\"to\": 3, \"start_date\": \"2027-04-01\", "
                               "\"end_date\": \"2027-04-30\"},\n"));
    assert_non_null(strstr(t1, "\"unmet\": 2000.0,"));
    assert_non_null(strstr(t1, "\"fairness\": 1e-07\n"));
    assert_non_null(strstr(t1, "\"t2\": 10000.0\n  }\n}\n"));
    assert_null(strstr(t1, "reasons"));
    free(t1);
    free(t2);
    pl_schedule_free(back);
    pl_schedule_free(s);
    pl_instance_free(in);
    pl_diags_free(&diags);
    free(p1);
    free(p2);
    tmpdir_remove(&d);
}

static void test_failed_schedule(void **state)
{
    (void)state;
    tmpdir d;
    tmpdir_make(&d);
    pl_instance *in = case_instance();
    const char *reasons[] = {"t0: \"fixed\" at s1 in period 2, but s1 has no capacity"};
    pl_schedule *s = NULL, *back = NULL;
    pl_diags diags = {0};
    assert_int_equal(pli_schedule_failed(in, PL_RESULT_INFEASIBLE, reasons, 1,
                                        0.5, &s),
                     PL_OK);
    char *text = to_string(s, in, PL_FORMAT_JSON);
    assert_non_null(strstr(text, "\"cost\": null,"));
    assert_non_null(strstr(text, "\"placements\": [],"));
    assert_non_null(strstr(text, "\"reasons\": [\n    \"t0: \\\"fixed\\\" at s1"));
    char *p = pli_asprintf("%s/f.json", d.path);
    spit(p, text);
    assert_int_equal(pl_schedule_load(p, in, false, &back, &diags), PL_OK);
    assert_string_equal(pl_schedule_status(back), "infeasible");
    assert_int_equal(back->n_reasons, 1);
    assert_string_equal(back->reasons[0], reasons[0]);
    assert_false(back->has_cost);
    assert_int_equal(back->n_rows, 0);
    free(p);
    free(text);
    pl_schedule_free(back);
    pl_schedule_free(s);
    pl_instance_free(in);
    pl_diags_free(&diags);
    tmpdir_remove(&d);
}

static void test_dates_month_and_week(void **state)
{
    (void)state;
    pl_instance *in = fx_make(5, 1, 1, 1, 1);
    pl_assignment a;
    pl_schedule *s = NULL;
    assert_int_equal(pli_assignment_init(&a, 1, 5), PL_OK);
    fx_place(&a, 0, 0, 0, 0, 1, 3);
    assert_int_equal(pli_schedule_from_assignment(in, &a, PL_RESULT_OPTIMAL,
                                                 &case_costs, NULL, 1, 0, 0, &s),
                     PL_OK);
    char *text = to_string(s, in, PL_FORMAT_JSON);
    assert_non_null(strstr(text, "\"from\": 1, \"to\": 3, \"start_date\": "
                                 "\"2027-02-01\", \"end_date\": \"2027-04-30\""));
    free(text);
    /* 4-week blocks from Monday 2027-01-04: periods 1-3 are 2027-02-01 to
     * 2027-04-25 */
    in->horizon.unit = PL_UNIT_WEEK;
    in->horizon.step = 4;
    in->horizon.day = 4;
    text = to_string(s, in, PL_FORMAT_JSON);
    assert_non_null(strstr(text, "\"start_date\": \"2027-02-01\", "
                                 "\"end_date\": \"2027-04-25\""));
    free(text);
    text = to_string(s, in, PL_FORMAT_CSV);
    assert_string_equal(text, "trainee,site,rotation,from,to,start_date,end_date,supervisor,"
                              "trainee_name,supervisor_name\n"
                              "t0,s0,r0,1,3,2027-02-01,2027-04-25,v0,t0,v0\n");
    free(text);
    pl_schedule_free(s);
    pli_assignment_free(&a);
    pl_instance_free(in);
}

static void test_csv_quoting(void **state)
{
    (void)state;
    pl_instance *in = case_instance();
    pl_schedule *s = case_schedule(in);
    free(s->rows[2].trainee);
    s->rows[2].trainee = pli_strdup("a,\"b\"");
    char *text = to_string(s, in, PL_FORMAT_CSV);
    assert_non_null(strstr(text, "\nt0,s0,r0,0,1,2027-01-01,2027-02-28,v0,t0,v0\n"
                                 "t0,s0,r0,2,2,2027-03-01,2027-03-31,v1,t0,v1\n"
                                 "\"a,\"\"b\"\"\",s1,r1,3,3,2027-04-01,2027-04-30,,\"a,\"\"b\"\"\",\n"));
    free(text);
    pl_schedule_free(s);
    pl_instance_free(in);
}

/* Display column (code points) where `needle` starts in `line`. */
static long column_of(const char *line, const char *needle)
{
    const char *at = strstr(line, needle);
    if (!at)
        return -1;
    long col = 0;
    for (const char *c = line; c < at; c++)
        col += ((unsigned char)*c & 0xC0) != 0x80;
    return col;
}

static void test_text_aligned(void **state)
{
    (void)state;
    pl_instance *in = case_instance();
    pl_schedule *s = case_schedule(in);
    char *text = to_string(s, in, PL_FORMAT_TEXT);
    assert_non_null(strstr(text, "status:   optimal\n"));
    /* the header and the rows: the periods column lines up, although the
     * site names mix "Kalix vårdcentral" (å: 2 bytes) and "s1" */
    const char *head = strstr(text, "trainee");
    const char *row0 = strstr(text, "\nt0 ");
    const char *row2 = strstr(text, "s1  ");
    assert_non_null(head);
    assert_non_null(row0);
    assert_non_null(row2);
    row0++;
    while (row2 > text && row2[-1] != '\n')
        row2--;
    long c_head = column_of(head, "periods");
    assert_true(c_head > 0);
    assert_int_equal(column_of(row0, "0\u20131"), c_head);
    assert_int_equal(column_of(row2, "3 "), c_head);
    assert_int_equal(column_of(row0, "Allmänmedicin"), column_of(head, "rotation"));
    assert_non_null(strstr(text, "unmet requirements:\n"));
    assert_non_null(strstr(text, "understaffed:\n"));
    assert_non_null(strstr(text, "  preference"));
    assert_null(strstr(text, "  idle"));
    free(text);
    pl_schedule_free(s);
    pl_instance_free(in);
}

/* ---- reading errors ------------------------------------------------------ */

static bool has_diag(const pl_diags *d, pl_severity sev, const char *path,
                     const char *words)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == sev &&
            (!path || (d->items[i].path && !strcmp(d->items[i].path, path))) &&
            strstr(d->items[i].message, words))
            return true;
    return false;
}

#define HEAD "{\"format\": \"placera-schedule/1\", \"status\": \"feasible\", "

static void test_read_errors(void **state)
{
    (void)state;
    tmpdir d;
    tmpdir_make(&d);
    pl_instance *in = case_instance();
    char *p = pli_asprintf("%s/x.json", d.path);
    pl_schedule *s = NULL;
    pl_diags diags = {0};

    spit(p, HEAD "\"placements\": [{\"trainee\": \"t0\", \"site\": \"s0\", "
               "\"rotation\": \"r0\", \"from\": 1.0, \"to\": 2},"
               "{\"trainee\": \"t0\", \"site\": \"s0\", \"rotation\": \"r0\", "
               "\"from\": 3, \"to\": 9, \"colour\": 1, \"x-note\": 2}],"
               "\"cost\": \"12\", \"extra\": 1, \"$comment\": \"ok\"}");
    assert_int_equal(pl_schedule_load(p, in, false, &s, &diags), PL_ERR_INVALID);
    assert_null(s);
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/placements/0/from", "integer"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/placements/1/colour", "unknown key"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/placements/1", "horizon"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/cost", "number"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/extra", "unknown key"));
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_ERROR), 5);
    pl_diags_clear(&diags);

    /* duplicate keys: a syntax error with line and column */
    spit(p, HEAD "\n\"placements\": [],\n\"status\": \"optimal\"}");
    assert_int_equal(pl_schedule_load(p, in, false, &s, &diags), PL_ERR_SYNTAX);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_true(diags.items[0].column > 0);
    pl_diags_clear(&diags);

    /* a trailing comma: the syntax error says so */
    spit(p, HEAD "\n\"placements\": [],\n}");
    assert_int_equal(pl_schedule_load(p, in, false, &s, &diags), PL_ERR_SYNTAX);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_non_null(strstr(diags.items[0].message, "remove the comma before } or ]"));
    pl_diags_clear(&diags);

    spit(p, "{\"format\": \"placera/1\", \"status\": \"done\", \"placements\": {}}");
    assert_int_equal(pl_schedule_load(p, in, false, &s, &diags), PL_ERR_INVALID);
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/format", "placera-schedule/1"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/status", "unknown status"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/placements", "array"));
    pl_diags_clear(&diags);

    /* unknown ids: errors, or dropped with warnings when lenient */
    spit(p, HEAD "\"placements\": [{\"trainee\": \"t0\", \"site\": \"s0\", "
               "\"rotation\": \"r0\", \"from\": 0, \"to\": 1, \"supervisor\": \"v0\"},"
               "{\"trainee\": \"ghost\", \"site\": \"s0\", \"rotation\": \"r0\", "
               "\"from\": 2}], \"homes\": {\"t0\": \"nowhere\"}, "
               "\"trainee_costs\": {\"ghost\": 3}}");
    assert_int_equal(pl_schedule_load(p, in, false, &s, &diags), PL_ERR_INVALID);
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/placements/1/trainee", "ghost"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/homes/t0", "nowhere"));
    assert_true(has_diag(&diags, PL_SEV_ERROR, "/trainee_costs/ghost", "ghost"));
    pl_diags_clear(&diags);
    assert_int_equal(pl_schedule_load(p, in, true, &s, &diags), PL_OK);
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_ERROR), 0);
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_WARNING), 3);
    assert_int_equal(s->n_rows, 1);
    assert_int_equal(s->rows[0].sup, 0);
    assert_int_equal(s->n_homes, 0);
    assert_int_equal(s->n_trainee_costs, 0);
    assert_false(s->has_cost);
    pl_schedule_free(s);
    s = NULL;
    pl_diags_clear(&diags);

    /* a file that is not there */
    char *missing = pli_asprintf("%s/none.json", d.path);
    assert_int_equal(pl_schedule_load(missing, in, false, &s, &diags), PL_ERR_IO);
    assert_int_equal(diags.count, 1);
    free(missing);

    pl_diags_free(&diags);
    pl_instance_free(in);
    free(p);
    tmpdir_remove(&d);
}

/* ---- writing ------------------------------------------------------------- */

static void test_write_failures_leave_nothing(void **state)
{
    (void)state;
    tmpdir d;
    tmpdir_make(&d);
    pl_instance *in = case_instance();
    pl_schedule *s = case_schedule(in);
    pl_diags diags = {0};

    char *p = pli_asprintf("%s/no/such/dir/out.json", d.path);
    assert_int_equal(pl_schedule_write(s, in, PL_FORMAT_JSON, p, &diags), PL_ERR_IO);
    assert_int_equal(diags.count, 1);
    assert_string_equal(diags.items[0].file, p);
    assert_non_null(strstr(diags.items[0].message, "No such file"));
    assert_int_equal(count_entries(d.path), 0);
    free(p);
    pl_diags_clear(&diags);

    /* the target is a directory: the rename fails, the temporary goes */
    p = pli_asprintf("%s/taken", d.path);
    assert_int_equal(mkdir(p, 0700), 0);
    assert_int_equal(pl_schedule_write(s, in, PL_FORMAT_CSV, p, &diags), PL_ERR_IO);
    assert_int_equal(diags.count, 1);
    assert_int_equal(count_entries(d.path), 1);
    free(p);

    /* a good write replaces the file and leaves only it */
    p = pli_asprintf("%s/out.txt", d.path);
    spit(p, "old");
    assert_int_equal(pl_schedule_write(s, in, PL_FORMAT_TEXT, p, &diags), PL_OK);
    char *text = slurp(p);
    assert_non_null(strstr(text, "instance: Fixture"));
    assert_int_equal(count_entries(d.path), 2);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true((st.st_mode & 0444) != 0);
    free(text);
    free(p);

    pl_diags_free(&diags);
    pl_schedule_free(s);
    pl_instance_free(in);
    tmpdir_remove(&d);
}

static void test_format_real(void **state)
{
    (void)state;
    char buf[32];
    pli_format_real(1082.0, buf);
    assert_string_equal(buf, "1082.0");
    pli_format_real(-6.0, buf);
    assert_string_equal(buf, "-6.0");
    pli_format_real(0.41, buf);
    assert_string_equal(buf, "0.41");
    pli_format_real(0.1 + 0.2, buf);
    assert_true(strtod(buf, NULL) == 0.1 + 0.2);
    pli_format_real(-0.0, buf);
    assert_string_equal(buf, "0.0");
    pli_format_real(NAN, buf);
    assert_string_equal(buf, "null");
    pli_format_real(1e300, buf);
    assert_true(strtod(buf, NULL) == 1e300);
}

/* ---- with the loader ------------------------------------------------------ */

static const char loaded_json[] =
    "{\"format\": \"placera/1\", \"name\": \"Norrbotten 2027\",\n"
    " \"horizon\": {\"start\": \"2027-01-04\", \"unit\": \"week\", \"step\": 4, \"length\": 4},\n"
    " \"rotations\": {\"primary-care\": {\"name\": \"Allmänmedicin\"}, \"acute\": {}},\n"
    " \"sites\": {\"vc-kalix\": {\"name\": \"Kalix vårdcentral\", \"capacity\": "
    "{\"primary-care\": 2, \"acute\": {\"max\": 1, \"min\": 1}}}},\n"
    " \"supervisors\": {\"anna\": {\"site\": \"vc-kalix\"}, \"bo\": {\"site\": \"vc-kalix\", "
    "\"rotations\": [\"primary-care\"]}},\n"
    " \"programs\": {\"BT\": {\"requirements\": {\"primary-care\": {\"min\": 2}, "
    "\"acute\": {\"min\": 1}}}},\n"
    " \"trainees\": {\"t1\": {\"program\": \"BT\", \"home\": \"vc-kalix\"}, "
    "\"t2\": {\"program\": \"BT\", \"end\": 2}}}\n";

/* An instance from the loader (4-week periods from 2027-01-04): supervisors
 * named by matching (bo can only take primary care, so t1 gets bo while t2
 * is in acute), rows, lists and dates, then a round trip through a file. */
static void test_loaded_instance(void **state)
{
    (void)state;
    tmpdir d;
    tmpdir_make(&d);
    pl_instance *in = NULL;
    pl_diags diags = {0};
    assert_int_equal(pl_instance_load_string(loaded_json, strlen(loaded_json),
                                             "loaded.json", &in, &diags),
                     PL_OK);
    int t1 = pli_instance_trainee_index(in, "t1");
    int t2 = pli_instance_trainee_index(in, "t2");
    int pc = pli_instance_rotation_index(in, "primary-care");
    int ac = pli_instance_rotation_index(in, "acute");
    int kalix = pli_instance_site_index(in, "vc-kalix");
    pl_assignment a;
    assert_int_equal(pli_assignment_init(&a, 2, 4), PL_OK);
    fx_place(&a, t1, kalix, pc, -1, 0, 1);
    fx_place(&a, t1, kalix, ac, -1, 2, 3);
    fx_place(&a, t2, kalix, ac, -1, 0, 1);
    assert_int_equal(pli_name_supervisors(in, NULL, &a), PL_OK);
    pl_schedule *s = NULL;
    assert_int_equal(pli_schedule_from_assignment(in, &a, PL_RESULT_OPTIMAL,
                                                 &case_costs, NULL, 0, 0, 0.5, &s),
                     PL_OK);
    char *text = to_string(s, in, PL_FORMAT_JSON);
    assert_non_null(strstr(text,
        "{\"trainee\": \"t1\", \"site\": \"vc-kalix\", \"rotation\": \"primary-care\", "
        "\"from\": 0, \"to\": 1, \"start_date\": \"2027-01-04\", "
        "\"end_date\": \"2027-02-28\", \"supervisor\": \"bo\"}"));
    assert_non_null(strstr(text,
        "{\"trainee\": \"t1\", \"site\": \"vc-kalix\", \"rotation\": \"acute\", "
        "\"from\": 2, \"to\": 3, \"start_date\": \"2027-03-01\", "
        "\"end_date\": \"2027-04-25\", \"supervisor\": \"anna\"}"));
    assert_non_null(strstr(text, "\"homes\": {\n    \"t1\": \"vc-kalix\"\n  },"));
    assert_non_null(strstr(text, "{\"trainee\": \"t2\", \"rotation\": \"primary-care\", "
                                 "\"missing\": 2}"));
    assert_non_null(strstr(text, "\"unassigned\": [\n    {\"trainee\": \"t2\", "
                                 "\"from\": 2, \"to\": 2}\n  ],"));
    assert_non_null(strstr(text, "\"understaffed\": [],"));
    free(text);

    char *path = pli_asprintf("%s/s.json", d.path);
    pl_schedule *back = NULL;
    assert_int_equal(pl_schedule_write(s, in, PL_FORMAT_JSON, path, &diags), PL_OK);
    assert_int_equal(pl_schedule_load(path, in, false, &back, &diags), PL_OK);
    assert_int_equal(back->n_rows, 3);
    assert_int_equal(back->rows[0].sup, pli_instance_supervisor_index(in, "bo"));
    assert_int_equal(back->rows[2].t, t2);
    assert_int_equal(back->n_unmet, 1);
    free(path);
    pl_schedule_free(back);
    pl_schedule_free(s);
    pli_assignment_free(&a);
    pl_instance_free(in);
    pl_diags_free(&diags);
    tmpdir_remove(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_split_at_supervisor),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_unmet_counts_history),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_failed_schedule),
        cmocka_unit_test(test_dates_month_and_week),
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_text_aligned),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_write_failures_leave_nothing),
        cmocka_unit_test(test_format_real),
        cmocka_unit_test(test_loaded_instance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
