/*
 * test_mssp.c — the .dzn reader and the MSSP import (docs/mssp.md).
 *
 * The reader is tested on inline text covering every construct (scalars,
 * booleans, ranges, sets, 1-D and 2-D arrays, arrayNd with named bounds,
 * comments) and on errors with line and column.  The import is tested on a
 * real benchmark instance, read from ../shared/benchmarks/mssp (skipped when
 * absent): mapped values are compared with the .dzn, and the authors'
 * solution is checked with pl_check to cost = -score exactly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/dzn.h"
#include "instance/instance.h"
#include "placera.h"

#define DATA "../shared/benchmarks/mssp"

static const char *SAMPLE =
    "% a comment line\n"
    "N = 3;   % trailing comment\n"
    "M=2;\n"
    "Neg = -7; Flag = true; Off = false;\n"
    "/* a block\n comment */\n"
    "R = 2..4;\n"
    "S = {5, 1, 3, 1};\n"
    "E = {};\n"
    "V = [1, -2, N];\n"
    "W = [];\n"
    "A2 =[|\n 1, 2, 3 |\n 4, 5, 6 |];\n"
    "B2 = [| true, false | false, true |\n|];\n"
    "C3 = array3d(1..M, 0..1, 1..N, [1,2,3, 4,5,6, 7,8,9, 10,11,12]);\n"
    "D1 = array1d(1..3, [7, 8, 9]);\n"
    "X = array2d(1..M, 1..N, [| 1,2,3 | 4,5,6 |])";

static void test_dzn_constructs(void **state)
{
    (void)state;
    pl_dzn dzn;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_dzn_parse(SAMPLE, strlen(SAMPLE), "sample.dzn", NULL, &dzn, &diags),
                     PL_OK);
    assert_int_equal(diags.count, 0);
    const pl_dzn_var *v;

    v = pli_dzn_find(&dzn, "N");
    assert_non_null(v);
    assert_int_equal(v->kind, PL_DZN_INT);
    assert_int_equal(v->data[0], 3);
    assert_int_equal(v->line, 2);
    assert_int_equal(pli_dzn_find(&dzn, "Neg")->data[0], -7);
    assert_int_equal(pli_dzn_find(&dzn, "Flag")->data[0], 1);
    assert_int_equal(pli_dzn_find(&dzn, "Off")->data[0], 0);

    v = pli_dzn_find(&dzn, "R");
    assert_int_equal(v->kind, PL_DZN_SET);
    assert_int_equal(v->n, 3);
    assert_int_equal(v->data[0], 2);
    assert_int_equal(v->data[2], 4);
    v = pli_dzn_find(&dzn, "S");
    assert_int_equal(v->kind, PL_DZN_SET);
    assert_int_equal(v->n, 3); /* sorted, duplicates dropped */
    assert_int_equal(v->data[0], 1);
    assert_int_equal(v->data[1], 3);
    assert_int_equal(v->data[2], 5);
    assert_int_equal(pli_dzn_find(&dzn, "E")->n, 0);

    v = pli_dzn_find(&dzn, "V");
    assert_int_equal(v->kind, PL_DZN_ARRAY);
    assert_int_equal(v->ndims, 1);
    assert_int_equal(v->hi[0], 3);
    assert_int_equal(v->data[1], -2);
    assert_int_equal(v->data[2], 3); /* a named integer */
    assert_int_equal(pli_dzn_find(&dzn, "W")->n, 0);

    v = pli_dzn_find(&dzn, "A2");
    assert_int_equal(v->ndims, 2);
    assert_int_equal(v->hi[0], 2);
    assert_int_equal(v->hi[1], 3);
    assert_int_equal(v->data[5], 6);
    v = pli_dzn_find(&dzn, "B2"); /* empty last row ignored */
    assert_int_equal(v->hi[0], 2);
    assert_int_equal(v->hi[1], 2);
    assert_int_equal(v->data[3], 1);

    v = pli_dzn_find(&dzn, "C3");
    assert_int_equal(v->ndims, 3);
    assert_int_equal(v->lo[1], 0);
    assert_int_equal(v->hi[0], 2);
    assert_int_equal(v->hi[2], 3);
    assert_int_equal(v->n, 12);
    assert_int_equal(v->data[11], 12);
    v = pli_dzn_find(&dzn, "D1");
    assert_int_equal(v->ndims, 1);
    assert_int_equal(v->data[0], 7);
    v = pli_dzn_find(&dzn, "X"); /* last item without ';' */
    assert_int_equal(v->ndims, 2);
    assert_int_equal(v->data[3], 4);
    assert_null(pli_dzn_find(&dzn, "missing"));
    pli_dzn_free(&dzn);

    /* names from a context file (a solution refers to the instance's). */
    pl_dzn ctx, sol;
    const char *inst = "Students = 2;";
    const char *text = "x = array2d(1..Students, 1..2, [0,1,1,0]);";
    assert_int_equal(pli_dzn_parse(inst, strlen(inst), "i.dzn", NULL, &ctx, &diags), PL_OK);
    assert_int_equal(pli_dzn_parse(text, strlen(text), "s.dzn", &ctx, &sol, &diags), PL_OK);
    assert_int_equal(pli_dzn_find(&sol, "x")->hi[0], 2);
    pli_dzn_free(&sol);
    pli_dzn_free(&ctx);
    pl_diags_free(&diags);
}

static void test_dzn_errors(void **state)
{
    (void)state;
    const char *text = "A = 1;\n"
                       "B = [| 1, 2 | 3 |];\n"      /* ragged */
                       "C = array2d(1..2, 1..2, [1,2,3]);\n" /* wrong count */
                       "D = 1.5;\n"                 /* real */
                       "E = [1, Nope];\n"           /* unknown name */
                       "A = 2;\n"                   /* twice */
                       "F = 3\nG = 4;\n";           /* missing ';' */
    pl_dzn dzn;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_dzn_parse(text, strlen(text), "bad.dzn", NULL, &dzn, &diags),
                     PL_ERR_SYNTAX);
    assert_int_equal(dzn.n, 0);
    assert_int_equal(diags.count, 6);
    assert_int_equal(diags.items[0].line, 2);
    assert_int_equal(diags.items[0].column, 17);
    assert_int_equal(diags.items[1].line, 3);
    assert_int_equal(diags.items[2].line, 4);
    assert_int_equal(diags.items[2].column, 5);
    assert_int_equal(diags.items[3].line, 5);
    assert_int_equal(diags.items[3].column, 9);
    assert_non_null(strstr(diags.items[3].message, "Nope"));
    assert_int_equal(diags.items[4].line, 6);
    assert_int_equal(diags.items[5].line, 8);
    assert_string_equal(diags.items[5].file, "bad.dzn");
    pl_diags_free(&diags);
}

static void test_import_missing_item(void **state)
{
    (void)state;
    const char *text = "Students = 1; Disciplines = 1; Hospitals = 1; Horizon = 2;";
    char *json = (char *)1;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_not_equal(pl_import_mssp_string(text, strlen(text), "x.dzn", &json, &diags),
                         PL_OK);
    assert_null(json);
    assert_true(diags.count >= 1);
    pl_diags_free(&diags);
}

static const pl_dzn_var *need(const pl_dzn *d, const char *name)
{
    const pl_dzn_var *v = pli_dzn_find(d, name);
    assert_non_null(v);
    return v;
}

/* I40_12_4: Duration 4, so preferences are divided by 4. */
static void test_import_real(void **state)
{
    (void)state;
    const char *path = DATA "/generated/I40_12_4.dzn";
    if (access(path, R_OK) != 0) {
        print_message("skipped: %s not found\n", path);
        skip();
    }
    char *json = NULL, *text = NULL;
    size_t len;
    pl_diags diags;
    pl_dzn dzn;
    pl_diags_init(&diags);
    assert_int_equal(pl_import_mssp(path, &json, &diags), PL_OK);
    assert_int_equal(pli_read_text_file(path, &text, &len, &diags), PL_OK);
    assert_int_equal(pli_dzn_parse(text, len, path, NULL, &dzn, &diags), PL_OK);
    int S = (int)need(&dzn, "Students")->data[0], D = (int)need(&dzn, "Disciplines")->data[0];
    int H = (int)need(&dzn, "Hospitals")->data[0], T = (int)need(&dzn, "Horizon")->data[0];
    int dur = (int)need(&dzn, "Duration")->data[0];
    assert_int_equal(dur, 4);

    json_error_t err;
    json_t *root = json_loads(json, JSON_REJECT_DUPLICATES, &err);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "format")), "placera/1");
    assert_string_equal(json_string_value(json_object_get(json_object_get(root, "x-mssp"),
                                                          "source")),
                        "I40_12_4.dzn");
    json_t *trs = json_object_get(root, "trainees");
    assert_int_equal(json_object_size(trs), (size_t)S);
    const long *w = need(&dzn, "WeightPref")->data, *pd = need(&dzn, "PrefStudDisc")->data;
    const long *ph = need(&dzn, "PrefStudHosp")->data, *mp = need(&dzn, "ManPref")->data;
    const long *al = need(&dzn, "AllowedDisc")->data, *av = need(&dzn, "Availability")->data;
    for (int s = 0; s < S; s++) {
        char id[16], rid[16];
        snprintf(id, sizeof id, "s%d", s + 1);
        json_t *t = json_object_get(trs, id);
        assert_non_null(t);
        json_t *tw = json_object_get(t, "weights");
        assert_int_equal(json_integer_value(json_object_get(tw, "site_change")), -w[s * 4 + 2]);
        assert_int_equal(json_integer_value(json_object_get(tw, "idle")), -w[s * 4 + 3]);
        json_t *pr = json_object_get(json_object_get(t, "preferences"), "rotations");
        json_t *req = json_object_get(t, "requirements");
        for (int d = 0; d < D; d++) {
            snprintf(rid, sizeof rid, "d%d", d + 1);
            json_t *rule = json_object_get(req, rid);
            if (!al[s * D + d]) {
                assert_null(rule);
                continue;
            }
            assert_int_equal(json_integer_value(json_object_get(rule, "block_min")), dur);
            assert_int_equal(json_integer_value(json_object_get(rule, "max")), dur);
            double want = (double)(w[s * 4] * pd[s * D + d] + mp[d]) / dur;
            assert_true(json_number_value(json_object_get(pr, rid)) == want);
        }
        json_t *ps = json_object_get(json_object_get(t, "preferences"), "sites");
        for (int h = 0; h < H; h++) {
            snprintf(rid, sizeof rid, "h%d", h + 1);
            assert_true(json_number_value(json_object_get(ps, rid)) ==
                        (double)(w[s * 4 + 1] * ph[s * H + h]) / dur);
        }
        int unavailable = 0, given = 0;
        for (int p = 0; p < T; p++)
            unavailable += av[s * T + p] == 0;
        size_t i;
        json_t *r;
        json_array_foreach(json_object_get(t, "unavailable"), i, r)
            given += (int)(json_integer_value(json_object_get(r, "to")) -
                           json_integer_value(json_object_get(r, "from")) + 1);
        assert_int_equal(given, unavailable);
    }
    json_t *weights = json_object_get(root, "weights");
    assert_int_equal(json_integer_value(json_object_get(weights, "fairness")), 1);
    assert_int_equal(json_integer_value(json_object_get(weights, "unassigned")), 0);
    json_decref(root);

    /* The instance loads, with the shape of the .dzn. */
    pl_instance *inst = NULL;
    assert_int_equal(pl_instance_load_string(json, strlen(json), "I40_12_4.json", &inst, &diags),
                     PL_OK);
    assert_int_equal(inst->n_trainees, S);
    assert_int_equal(inst->n_sites, H);
    assert_int_equal(inst->n_rotations, D);
    assert_int_equal(inst->horizon.length, T);
    assert_int_equal(inst->n_supervisors, H);
    assert_int_equal(inst->trainees[0].max_per_site,
                     (int)need(&dzn, "MaxDiscPerHosp")->data[0] * dur);
    const long *mx = need(&dzn, "MaxPosHosp")->data, *mn = need(&dzn, "MinPosHosp")->data;
    for (int h = 0; h < H; h++)
        for (int d = 0; d < D; d++)
            for (int p = 0; p < T; p++) {
                assert_int_equal(pl_cap_max(inst, h, d, p), mx[((size_t)h * D + d) * T + p]);
                assert_int_equal(pl_cap_min(inst, h, d, p), mn[((size_t)h * D + d) * T + p]);
            }

    /* The authors' solution: cost = -score exactly. */
    const char *sol_path = DATA "/generated_solutions_small/I40_12_4-sol.dzn";
    char *sol = NULL, tmpl[] = "/tmp/test_mssp_XXXXXX";
    assert_int_equal(pl_import_mssp_solution(path, sol_path, &sol, &diags), PL_OK);
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(pl_write_text(tmpl, sol, &diags), PL_OK);
    pl_schedule *sched = NULL;
    pl_check_report *rep = NULL;
    assert_int_equal(pl_schedule_load(tmpl, inst, false, &sched, &diags), PL_OK);
    unlink(tmpl);
    assert_string_equal(pl_schedule_status(sched), "feasible");
    assert_int_equal(pl_check(inst, sched, NULL, &rep), PL_OK);
    assert_true(pl_check_passed(rep));
    assert_true(rep->cost == -2862.0); /* "The score maximizes is 2862" */
    assert_true(rep->costs.fairness == -4.0); /* "The worst score reached is 4" */

    pl_check_report_free(rep);
    pl_schedule_free(sched);
    pl_instance_free(inst);
    pli_dzn_free(&dzn);
    free(sol);
    free(text);
    free(json);
    pl_diags_free(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dzn_constructs),
        cmocka_unit_test(test_dzn_errors),
        cmocka_unit_test(test_import_missing_item),
        cmocka_unit_test(test_import_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
