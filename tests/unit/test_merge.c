/*
 * test_merge.c — merging a trainee's overrides over its program's rules
 * (format.md §2.6, 3.9.14, 3.9.20) and what-if scenarios as RFC 7396 merge
 * patches (§5.1, pl_instance_load_patched).
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

#include "instance/instance.h"

static const char *BASE =
    "{\"format\": \"placera/1\", \"name\": \"base\","
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 12},"
    " \"rotations\": {\"a\": {}, \"b\": {}, \"c\": {}},"
    " \"sites\": {\"s\": {\"capacity\": {\"a\": 2, \"b\": 2, \"c\": 2}}, \"s2\": {\"capacity\": {\"a\": 1}}},"
    " \"supervisors\": {\"u\": {\"site\": \"s\", \"max_trainees\": 3}, \"v\": {\"site\": \"s2\"}},"
    " \"programs\": {\"P\": {\"requirements\": {"
    "     \"a\": {\"min\": 2, \"max\": 6, \"block_min\": 2, \"block_max\": 4, \"sites\": [\"s\"], \"at_home\": true},"
    "     \"b\": {\"min\": 1, \"after\": [\"a\"]}},"
    "   \"choices\": [{\"rotations\": [\"a\", \"b\"], \"pick\": 1}], \"max_per_site\": 8, \"mentor\": true}},"
    " \"trainees\": {"
    "   \"plain\": {\"program\": \"P\", \"home\": \"s\"},"
    "   \"over\": {\"program\": \"P\", \"home\": \"s\","
    "      \"requirements\": {\"a\": {\"min\": null, \"block_max\": 3, \"sites\": null}, \"b\": null,"
    "                         \"c\": {\"max\": 2}},"
    "      \"choices\": [], \"max_per_site\": 4, \"mentor\": false},"
    "   \"nulls\": {\"program\": \"P\", \"home\": \"s\", \"choices\": null, \"max_per_site\": null, \"mentor\": null,"
    "      \"requirements\": {\"a\": {\"at_home\": null, \"after\": [\"c\"]}}}}}";

static pl_instance *load(const char *text, pl_diags *d)
{
    pl_instance *inst = NULL;
    pl_diags_init(d);
    pl_status st = pl_instance_load_string(text, strlen(text), "b.json", &inst, d);
    if (st != PL_OK)
        pl_diags_print(d, stderr);
    assert_int_equal(st, PL_OK);
    return inst;
}

static void test_plain_inherits(void **state)
{
    (void)state;
    pl_diags d;
    pl_instance *inst = load(BASE, &d);
    const pl_trainee *t = &inst->trainees[0];
    const pl_rule *a = &t->rules[0], *b = &t->rules[1];
    assert_true(a->present && a->min == 2 && a->max == 6 && a->block_min == 2 && a->block_max == 4);
    assert_true(a->at_home && a->sites && a->sites[0] && !a->sites[1]);
    assert_true(b->present && b->n_after == 1 && b->after[0] == 0);
    assert_false(t->rules[2].present);
    assert_int_equal(t->n_choices, 1);
    assert_int_equal(t->max_per_site, 8);
    assert_true(t->mentor);
    /* the copy is deep: the program's arrays are not shared */
    assert_ptr_not_equal(a->sites, inst->programs[0].rules[0].sites);
    pl_instance_free(inst);
    pl_diags_free(&d);
}

static void test_overrides(void **state)
{
    (void)state;
    pl_diags d;
    pl_instance *inst = load(BASE, &d);
    const pl_trainee *t = &inst->trainees[1];
    const pl_rule *a = &t->rules[0];
    /* 3.9.14: null returns a field to its default, others stay the program's */
    assert_true(a->present);
    assert_int_equal(a->min, 0);
    assert_int_equal(a->max, 6);
    assert_int_equal(a->block_min, 2);
    assert_int_equal(a->block_max, 3);
    assert_null(a->sites);
    assert_true(a->at_home);
    /* null for a whole rotation removes it */
    assert_false(t->rules[1].present);
    assert_int_equal(t->rules[1].n_after, 0);
    /* a rule for a rotation the program lacks adds it, with defaults */
    const pl_rule *c = &t->rules[2];
    assert_true(c->present && c->max == 2 && c->min == 0 && c->block_min == 1 &&
                c->block_max == PL_UNLIMITED && !c->at_home && !c->sites);
    assert_int_equal(t->n_choices, 0);
    assert_int_equal(t->max_per_site, 4);
    assert_false(t->mentor);
    /* the program is untouched */
    assert_int_equal(inst->programs[0].rules[0].min, 2);
    assert_true(inst->programs[0].rules[1].present);
    pl_instance_free(inst);
    pl_diags_free(&d);
}

static void test_null_means_program(void **state)
{
    (void)state;
    pl_diags d;
    pl_instance *inst = load(BASE, &d);
    const pl_trainee *t = &inst->trainees[2];
    /* 3.9.20: null for choices, max_per_site, mentor means the program's */
    assert_int_equal(t->n_choices, 1);
    assert_int_equal(t->choices[0].pick, 1);
    assert_int_equal(t->max_per_site, 8);
    assert_true(t->mentor);
    assert_false(t->rules[0].at_home);
    assert_int_equal(t->rules[0].n_after, 1);
    assert_int_equal(t->rules[0].after[0], 2);
    assert_int_equal(t->rules[0].min, 2);
    pl_instance_free(inst);
    pl_diags_free(&d);
}

static void test_merged_rule_checked(void **state)
{
    (void)state;
    char buf[4096];
    pl_diags d;
    pl_instance *inst = NULL;
    pl_diags_init(&d);
    /* min 7 over the program's max 6, and block_min over block_max */
    const char *head = strstr(BASE, "\"trainees\"");
    snprintf(buf, sizeof buf, "%.*s\"trainees\": {\"x\": {\"program\": \"P\","
             " \"requirements\": {\"a\": {\"min\": 7, \"block_min\": 5}}, \"completed\": {\"a\": 7}}}}",
             (int)(head - BASE), BASE);
    assert_int_equal(pl_instance_load_string(buf, strlen(buf), "b.json", &inst, &d),
                     PL_ERR_INVALID);
    assert_int_equal(d.count, 3);
    assert_string_equal(d.items[0].path, "/trainees/x/requirements/a");
    assert_string_equal(d.items[0].message, "min 7 is above max 6");
    assert_string_equal(d.items[1].message, "block_min 5 is above block_max 4");
    assert_string_equal(d.items[2].path, "/trainees/x/completed/a");
    pl_diags_free(&d);
}

static char *write_temp(const char *text)
{
    char *path = malloc(64);
    strcpy(path, "/tmp/placera-merge-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static void test_scenario_patch(void **state)
{
    (void)state;
    char *base = write_temp(BASE);
    char *scen = write_temp(
        "{\"name\": \"s2 closes\", \"sites\": {\"s2\": null, \"s\": {\"capacity\": {\"a\": [1,1,1,1,1,1,0,0,1,1,1,1]}}},"
        " \"supervisors\": {\"v\": null, \"u\": {\"max_trainees\": 1}},"
        " \"trainees\": {\"plain\": {\"requirements\": {\"c\": {\"min\": 1}}}, \"new\": {\"program\": \"P\"}}}");
    pl_diags d;
    pl_instance *inst = NULL;
    pl_diags_init(&d);
    assert_int_equal(pl_instance_load_patched(base, scen, &inst, &d), PL_OK);
    assert_string_equal(pl_instance_name(inst), "s2 closes");
    assert_int_equal(inst->n_sites, 1);
    assert_int_equal(inst->n_supervisors, 1);
    assert_int_equal(inst->supervisors[0].max_trainees, 1);
    assert_int_equal(pl_cap_max(inst, 0, 0, 6), 0);
    assert_int_equal(pl_cap_max(inst, 0, 0, 5), 1);
    assert_int_equal(pl_cap_max(inst, 0, 1, 6), 2); /* siblings kept */
    assert_int_equal(inst->n_trainees, 4);
    int plain = pli_instance_trainee_index(inst, "plain");
    assert_true(inst->trainees[plain].rules[2].present);
    assert_int_equal(inst->trainees[plain].home, 0); /* merged, not replaced */
    assert_int_equal(pli_instance_trainee_index(inst, "new"), 3);
    pl_instance_free(inst);
    pl_diags_free(&d);

    /* an invalid patched document: messages name the scenario file */
    char *bad = write_temp("{\"sites\": {\"s\": null}}");
    pl_diags_init(&d);
    assert_int_equal(pl_instance_load_patched(base, bad, &inst, &d), PL_ERR_INVALID);
    assert_null(inst);
    assert_true(d.count > 0);
    for (size_t i = 0; i < d.count; i++)
        assert_string_equal(d.items[i].file, bad);
    pl_diags_free(&d);

    unlink(base);
    unlink(scen);
    unlink(bad);
    free(base);
    free(scen);
    free(bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_inherits),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_null_means_program),
        cmocka_unit_test(test_merged_rule_checked),
        cmocka_unit_test(test_scenario_patch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
