/*
 * test_report.c — the HTML report and the CSV export.  The HTML names every
 * trainee and every site, escapes '<' and '&' in names (one of them a
 * <script> tag), contains no script at all, declares UTF-8, draws one
 * rectangle per run (not per period), works for every grouping and sort,
 * and is written atomically.  The CSV files have the right lines, RFC 4180
 * quoting, CRLF ends, the optional BOM and ';' separator.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "support_fixture.h"

#include "report/report.h"
#include "schedule/schedule.h"

char *mkdtemp(char *template_);

static const char INSTANCE[] =
    "{\"format\": \"placera/1\", \"name\": \"Region <script>alert(1)</script> & Co\",\n"
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6},\n"
    " \"rotations\": {\"pc\": {\"name\": \"Allmänmedicin; primärvård\"},\n"
    "               \"ac\": {\"name\": \"Akut <sjukvård>\"}},\n"
    " \"sites\": {\"vc-asele\": {\"name\": \"Åsele vårdcentral, \\\"Norr\\\"\", \"area\": \"Norr\",\n"
    "                      \"capacity\": {\"pc\": 2, \"ac\": {\"max\": 2, \"min\": 1}},\n"
    "                      \"posts\": {\"BT\": 2}},\n"
    "           \"s2\": {\"name\": \"A<B & C\", \"capacity\": {\"pc\": 1}}},\n"
    " \"supervisors\": {\"sv1\": {\"site\": \"vc-asele\", \"max_trainees\": 2},\n"
    "                 \"sv2\": {\"site\": \"vc-asele\", \"max_trainees\": 2,\n"
    "                         \"name\": \"Cecilia Ångström, överläkare\"},\n"
    "                 \"sv3\": {\"site\": \"s2\"}},\n"
    " \"programs\": {\"BT\": {\"requirements\": {\"pc\": {\"min\": 2}, \"ac\": {\"min\": 5}}},\n"
    "              \"ST\": {\"requirements\": {\"pc\": {}}}},\n"
    " \"trainees\": {\"t1\": {\"program\": \"BT\", \"home\": \"vc-asele\",\n"
    "                    \"name\": \"Åsa Öberg \xF0\x9F\xA9\xBA\"},\n"
    "              \"t2\": {\"program\": \"BT\", \"unavailable\": [{\"from\": \"2027-03\"}]},\n"
    "              \"t3\": {\"program\": \"ST\", \"home\": \"s2\"}}}\n";

typedef struct fixture {
    pl_instance *inst;
    pl_schedule *sched;
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    pl_diags diags = {0};
    pl_assignment a;
    pl_costs costs = {0};
    double tc[3] = {0, 0, 0};
    assert_non_null(fx);
    pl_status st = pl_instance_load_string(INSTANCE, strlen(INSTANCE), "fixture",
                                           &fx->inst, &diags);
    if (st != PL_OK)
        pl_diags_print(&diags, stderr);
    assert_int_equal(st, PL_OK);
    pl_diags_free(&diags);
    const pl_instance *in = fx->inst;
    int pc = pli_instance_rotation_index(in, "pc"), ac = pli_instance_rotation_index(in, "ac");
    int s1 = pli_instance_site_index(in, "vc-asele"), s2 = pli_instance_site_index(in, "s2");
    int sv1 = pli_instance_supervisor_index(in, "sv1");
    int sv2 = pli_instance_supervisor_index(in, "sv2");
    int sv3 = pli_instance_supervisor_index(in, "sv3");
    assert_int_equal(pli_assignment_init(&a, in->n_trainees, in->horizon.length), PL_OK);
    fx_place(&a, 0, s1, pc, sv1, 0, 1);
    fx_place(&a, 0, s1, pc, sv2, 2, 2); /* same run, new supervisor */
    fx_place(&a, 0, s1, ac, sv1, 3, 5);
    fx_place(&a, 1, s2, pc, sv3, 0, 1);
    fx_place(&a, 1, s1, pc, sv2, 3, 4); /* period 5 unassigned */
    fx_place(&a, 2, s2, pc, sv3, 2, 5);
    costs.unmet = 1000;
    assert_int_equal(pli_schedule_from_assignment(in, &a, PL_RESULT_FEASIBLE, &costs, tc,
                                                 0, 0.5, 0, &fx->sched),
                     PL_OK);
    pli_assignment_free(&a);
    strcpy(fx->dir, "/tmp/placera-report-XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    static const char *const names[] = {"r.html", "placements.csv", "grid.csv"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", fx->dir, names[i]);
        remove(path);
    }
    rmdir(fx->dir);
    pl_schedule_free(fx->sched);
    pl_instance_free(fx->inst);
    free(fx);
    return 0;
}

static char *render(const fixture *fx, pl_report_group g, pl_report_sort s)
{
    pl_report_options o;
    pl_report_options_init(&o);
    o.group = g;
    o.sort = s;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    assert_int_equal(pl_report_html_stream(fx->inst, fx->sched, &o, f), PL_OK);
    fclose(f);
    return out;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_html_content(void **state)
{
    fixture *fx = *state;
    char *h = render(fx, PL_REPORT_GROUP_NONE, PL_REPORT_SORT_ID);
    assert_non_null(strstr(h, "<meta charset=\"utf-8\">"));
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "<SCRIPT"));
    assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert_non_null(strstr(h, "A&lt;B &amp; C"));
    assert_null(strstr(h, "A<B"));
    assert_non_null(strstr(h, "Akut &lt;sjukvård&gt;"));
    assert_non_null(strstr(h, "Åsele vårdcentral, &quot;Norr&quot;"));
    for (int t = 0; t < fx->inst->n_trainees; t++) {
        char cell[96];
        snprintf(cell, sizeof cell, "<td class=\"who\">%s", pli_trainee_label(fx->inst, t));
        assert_non_null(strstr(h, cell));
    }
    /* Every site is in the occupancy table. */
    assert_non_null(strstr(h, "<td class=\"s t\">Åsele vårdcentral"));
    assert_non_null(strstr(h, "<td class=\"s t\">A&lt;B &amp; C"));
    /* One rectangle per run: t1 2, t2 2, t3 1. */
    assert_int_equal(count(h, "<rect class=\"r"), 5);
    assert_non_null(strstr(h, "jan<br>2027"));
    /* the run's supervisors, by name where given; t1 by name, its id beside */
    assert_non_null(strstr(h, "sv1, Cecilia Ångström, överläkare"));
    assert_non_null(strstr(h, "<td class=\"who\">Åsa Öberg \xF0\x9F\xA9\xBA <small class=\"id\">t1</small>"));
    assert_non_null(strstr(h, "<td class=\"r\">Cecilia Ångström, överläkare</td>"));
    assert_non_null(strstr(h, "class=\"lv\""));  /* t2's leave */
    assert_non_null(strstr(h, "class=\"un\""));  /* t2's unassigned period */
    assert_non_null(strstr(h, "@media print"));
    assert_non_null(strstr(h, "feasible"));
    assert_non_null(strstr(h, "home posts filled"));
    /* Understaffed (min 1 for ac at vc-asele, nobody in 0-2). */
    assert_non_null(strstr(h, "class=\"c u"));
    /* Unmet beside the rows (t1 needs 5 ac, has 3). */
    assert_non_null(strstr(h, "Akut &lt;sjukvård&gt; −2"));
    /* ... and explained in the Why section: pc takes periods 0-2 */
    assert_non_null(strstr(h, "<h2>Why</h2>"));
    assert_non_null(strstr(h, "<td class=\"why\">t1&#39;s other placements take the periods it "
                              "would need: pc 3 (min 2); what is left can hold at most 3 of "
                              "the 5 months of ac it needs</td>"));
    /* Balanced tables. */
    assert_int_equal(count(h, "<table"), count(h, "</table>"));
    assert_int_equal(count(h, "<svg"), count(h, "</svg>"));
    free(h);
}

static void test_groups_and_sorts(void **state)
{
    fixture *fx = *state;
    for (int g = 0; g <= 3; g++)
        for (int s = 0; s <= 2; s++) {
            char *h = render(fx, (pl_report_group)g, (pl_report_sort)s);
            for (int t = 0; t < fx->inst->n_trainees; t++) {
                char cell[96];
                snprintf(cell, sizeof cell, "<td class=\"who\">%s",
                         pli_trainee_label(fx->inst, t));
                assert_int_equal(count(h, cell), 1);
            }
            if (g == PL_REPORT_GROUP_PROGRAM) {
                assert_non_null(strstr(h, "<h3>BT <small>(2 trainees)"));
                assert_non_null(strstr(h, "<h3>ST <small>(1 trainee)"));
            }
            if (g == PL_REPORT_GROUP_SITE)
                assert_non_null(strstr(h, "<h3>No home site <small>(1 trainee)"));
            if (g == PL_REPORT_GROUP_AREA)
                assert_non_null(strstr(h, "<h3>Norr <small>(1 trainee)"));
            free(h);
        }
    /* Sort by site: t1 (vc-asele) after t3 (s2), t2 (no home) last. */
    char *h = render(fx, PL_REPORT_GROUP_NONE, PL_REPORT_SORT_SITE);
    char *t1 = strstr(h, "<td class=\"who\">Åsa Öberg"), *t2 = strstr(h, "<td class=\"who\">t2");
    char *t3 = strstr(h, "<td class=\"who\">t3");
    assert_true(t3 < t1 && t1 < t2);
    free(h);
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

static void test_html_file(void **state)
{
    fixture *fx = *state;
    pl_diags diags = {0};
    char path[128];
    snprintf(path, sizeof path, "%s/r.html", fx->dir);
    assert_int_equal(pl_report_html(fx->inst, fx->sched, NULL, path, &diags), PL_OK);
    size_t len;
    char *text = slurp(path, &len);
    assert_non_null(text);
    assert_true(len > 1000);
    assert_non_null(strstr(text, "</html>"));
    free(text);
    /* A directory that does not exist: an error, nothing written. */
    snprintf(path, sizeof path, "%s/missing/r.html", fx->dir);
    assert_int_equal(pl_report_html(fx->inst, fx->sched, NULL, path, &diags), PL_ERR_IO);
    assert_int_equal(diags.count, 1);
    pl_diags_free(&diags);
}

static void test_csv(void **state)
{
    fixture *fx = *state;
    pl_diags diags = {0};
    char path[128];
    size_t len;
    assert_int_equal(pl_export_csv(fx->inst, fx->sched, NULL, fx->dir, &diags), PL_OK);
    snprintf(path, sizeof path, "%s/placements.csv", fx->dir);
    char *text = slurp(path, &len);
    assert_non_null(text);
    const char *head = "trainee,site,rotation,period,start_date,end_date,supervisor,"
                       "trainee_name,supervisor_name\r\n";
    assert_true(!strncmp(text, head, strlen(head)));
    /* 6 + 4 + 4 trainee-periods and the header, every line ended by CRLF. */
    assert_int_equal(count(text, "\r\n"), 15);
    assert_int_equal(count(text, "\n"), 15);
    /* people's names next to the ids: å, ä, ö, an emoji, a quoted comma */
    assert_non_null(strstr(text, "\r\nt1,vc-asele,pc,2,2027-03-01,2027-03-31,sv2,"
                                 "Åsa Öberg \xF0\x9F\xA9\xBA,\"Cecilia Ångström, överläkare\"\r\n"));
    assert_non_null(strstr(text, "\r\nt3,s2,pc,2,2027-03-01,2027-03-31,sv3,t3,sv3\r\n"));
    free(text);
    snprintf(path, sizeof path, "%s/grid.csv", fx->dir);
    text = slurp(path, &len);
    assert_non_null(text);
    assert_true(!strncmp(text, "trainee,name,2027-01-01,2027-02-01,",
                         strlen("trainee,name,2027-01-01,2027-02-01,")));
    assert_non_null(strstr(text, "\r\nt2,t2,s2/pc,s2/pc,,vc-asele/pc,vc-asele/pc,\r\n"));
    assert_non_null(strstr(text, "\r\nt1,Åsa Öberg \xF0\x9F\xA9\xBA,vc-asele/pc,"));
    free(text);

    pl_csv_options o;
    pl_csv_options_init(&o);
    o.bom = true;
    o.separator = ';';
    assert_int_equal(pl_export_csv(fx->inst, fx->sched, &o, fx->dir, &diags), PL_OK);
    text = slurp(path, &len);
    assert_non_null(text);
    assert_true(!strncmp(text, "\xEF\xBB\xBFtrainee;name;2027-01-01;",
                         strlen("\xEF\xBB\xBFtrainee;name;2027-01-01;")));
    free(text);
    assert_int_equal(diags.count, 0);
    pl_diags_free(&diags);
}

static void test_csv_quoting(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    pli_csv_put(f, "plain", ',');
    fputc('|', f);
    pli_csv_put(f, "a,b", ',');
    fputc('|', f);
    pli_csv_put(f, "a,b", ';');
    fputc('|', f);
    pli_csv_put(f, "a;b", ';');
    fputc('|', f);
    pli_csv_put(f, "say \"hej\"", ',');
    fputc('|', f);
    pli_csv_put(f, "two\r\nlines", ',');
    fclose(f);
    assert_string_equal(out, "plain|\"a,b\"|a,b|\"a;b\"|\"say \"\"hej\"\"\"|\"two\r\nlines\"");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_html_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_and_sorts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
        cmocka_unit_test(test_csv_quoting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
