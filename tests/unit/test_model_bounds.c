/*
 * test_model_bounds.c — how tight the formulation is: the LP relaxation of
 * hand-worked cases against the value worked out by hand.
 *
 * Every tests/cases/NAME.json with an `x-expected-lp` member is loaded, its
 * model built (src/model/) and its LP relaxation solved
 * (pli_backend_lp_value); the value must equal `x-expected-lp` (the case's
 * `$comment` says why, and what a weaker formulation gives).  The same
 * cases are solved to optimality by test_solver_cases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "placera.h"
#include "solve/backend.h"

#define CASES_DIR "tests/cases"

static void check_case(const char *path, double expected)
{
    pl_diags diags;
    pl_diags_init(&diags);
    pl_instance *inst = NULL;
    pl_model *m = NULL;
    pl_build_options opt;
    pli_build_options_init(&opt);
    assert_int_equal(pl_instance_load(path, &inst, &diags), PL_OK);
    assert_int_equal(pli_model_build(inst, &opt, &m), PL_OK);
    double lp = NAN;
    assert_int_equal(pli_backend_lp_value(m, &lp, &diags), PL_OK);
    printf("%s: LP %.6f, expected %.6f\n", path, lp, expected);
    assert_true(fabs(lp - expected) < 1e-6);
    pli_model_free(m);
    pl_instance_free(inst);
    pl_diags_free(&diags);
}

static void test_lp_bounds(void **state)
{
    (void)state;
    DIR *dir = opendir(CASES_DIR);
    assert_non_null(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", CASES_DIR, e->d_name);
        json_t *doc = json_load_file(path, 0, NULL);
        assert_non_null(doc);
        json_t *want = json_object_get(doc, "x-expected-lp");
        if (json_is_number(want)) {
            check_case(path, json_number_value(want));
            n++;
        }
        json_decref(doc);
    }
    closedir(dir);
    assert_true(n >= 2); /* choice_link_lp and order_chain_lp at least */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lp_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
