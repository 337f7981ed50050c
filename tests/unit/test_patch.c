/*
 * test_patch.c — what-if scenarios as RFC 7396 JSON Merge Patches
 * (format.md §5.1): every example of RFC 7396 (the 15 test cases of its
 * Appendix A and the worked example of its section 3, rewritten here as our
 * own data) plus three edge cases, applied by pli_json_merge_patch; and the
 * errors of an invalid scenario naming the scenario file and JSON path.
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
#include <jansson.h>

#include "instance/instance.h"
#include "instance/patch.h"

typedef struct patch_case {
    const char *target, *patch, *result;
} patch_case;

static const patch_case cases[] = {
    /* RFC 7396 Appendix A, in its order, with our own keys and values. */
    {"{\"site\":\"kalix\"}", "{\"site\":\"heden\"}", "{\"site\":\"heden\"}"},
    {"{\"site\":\"kalix\"}", "{\"area\":\"Luleå\"}", "{\"site\":\"kalix\",\"area\":\"Luleå\"}"},
    {"{\"site\":\"kalix\"}", "{\"site\":null}", "{}"},
    {"{\"site\":\"kalix\",\"area\":\"Kalix\"}", "{\"site\":null}", "{\"area\":\"Kalix\"}"},
    {"{\"areas\":[\"Kiruna\"]}", "{\"areas\":\"Kiruna\"}", "{\"areas\":\"Kiruna\"}"},
    {"{\"areas\":\"Kiruna\"}", "{\"areas\":[\"Kiruna\"]}", "{\"areas\":[\"Kiruna\"]}"},
    {"{\"cap\":{\"acute\":2}}", "{\"cap\":{\"acute\":3,\"psych\":null}}", "{\"cap\":{\"acute\":3}}"},
    {"{\"fixed\":[{\"from\":0}]}", "{\"fixed\":[1]}", "{\"fixed\":[1]}"},
    {"[\"anna\",\"bertil\"]", "[\"cecilia\",\"david\"]", "[\"cecilia\",\"david\"]"},
    {"{\"site\":\"kalix\"}", "[\"heden\"]", "[\"heden\"]"},
    {"{\"site\":\"kalix\"}", "null", "null"},
    {"{\"site\":\"kalix\"}", "\"heden\"", "\"heden\""},
    {"{\"mentor_id\":null}", "{\"max\":1}", "{\"mentor_id\":null,\"max\":1}"},
    {"[1,2]", "{\"min\":3,\"max\":null}", "{\"min\":3}"},
    {"{}", "{\"sites\":{\"kalix\":{\"posts\":null}}}", "{\"sites\":{\"kalix\":{}}}"},
    /* RFC 7396 section 3: a document with nested members and an array. */
    {"{\"name\":\"Norrbotten\",\"owner\":{\"given\":\"Anna\",\"family\":\"Berg\"},"
     "\"tags\":[\"bt\",\"2027\"],\"notes\":\"draft\"}",
     "{\"name\":\"Norrbotten 2027\",\"owner\":{\"family\":null},\"notes\":null,"
     "\"tags\":[\"bt\"],\"phone\":\"+46-920-0\"}",
     "{\"name\":\"Norrbotten 2027\",\"owner\":{\"given\":\"Anna\"},\"tags\":[\"bt\"],"
     "\"phone\":\"+46-920-0\"}"},
    /* Our own: an empty patch changes nothing; nulls inside arrays are data;
     * deleting a member that is not there is not an error. */
    {"{\"a\":{\"b\":1}}", "{}", "{\"a\":{\"b\":1}}"},
    {"{\"a\":1}", "{\"a\":[null,{\"b\":null}]}", "{\"a\":[null,{\"b\":null}]}"},
    {"{\"a\":1}", "{\"zz\":null,\"a\":{\"c\":null}}", "{\"a\":{}}"},
};

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &err);
    if (!v)
        fail_msg("test data does not parse: %s (%s)", text, err.text);
    return v;
}

static void test_rfc7396_cases(void **state)
{
    (void)state;
    assert_int_equal(sizeof cases / sizeof cases[0], 19);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *target = parse(cases[i].target);
        json_t *patch = parse(cases[i].patch);
        json_t *expected = parse(cases[i].result);
        char *before = json_dumps(target, JSON_ENCODE_ANY | JSON_COMPACT);
        json_t *got = pli_json_merge_patch(target, patch);
        assert_non_null(got);
        if (!json_equal(got, expected)) {
            char *g = json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT);
            fail_msg("case %zu: %s + %s gave %s, expected %s", i, cases[i].target,
                     cases[i].patch, g, cases[i].result);
        }
        /* the target is never modified */
        char *after = json_dumps(target, JSON_ENCODE_ANY | JSON_COMPACT);
        assert_string_equal(before, after);
        free(before);
        free(after);
        json_decref(got);
        json_decref(target);
        json_decref(patch);
        json_decref(expected);
    }
}

/* An absent target is treated like a missing member. */
static void test_absent_target(void **state)
{
    (void)state;
    json_t *patch = parse("{\"a\":{\"b\":null,\"c\":2}}");
    json_t *got = pli_json_merge_patch(NULL, patch);
    json_t *expected = parse("{\"a\":{\"c\":2}}");
    assert_true(json_equal(got, expected));
    json_decref(got);
    json_decref(patch);
    json_decref(expected);
}

static const char *BASE =
    "{\"format\": \"placera/1\", \"name\": \"base\","
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 4},"
    " \"rotations\": {\"pc\": {}},"
    " \"sites\": {\"kalix\": {\"capacity\": {\"pc\": 1}}, \"heden\": {\"capacity\": {\"pc\": 2}}},"
    " \"supervisors\": {\"anna\": {\"site\": \"heden\", \"max_trainees\": 2},"
    "                   \"cecilia\": {\"site\": \"kalix\"}},"
    " \"programs\": {\"BT\": {\"requirements\": {\"pc\": {\"min\": 3}}}},"
    " \"trainees\": {\"t1\": {\"program\": \"BT\", \"home\": \"kalix\"}}}";

static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/placera-test-patch-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

/* Load BASE patched by `scenario`; expect `want`.  Returns the diagnostics. */
static pl_diags load(const char *base, const char *scen_text, pl_status want,
                     char **scen_path)
{
    pl_diags d;
    pl_instance *inst = NULL;
    pl_diags_init(&d);
    *scen_path = write_temp(scen_text);
    assert_int_equal(pl_instance_load_patched(base, *scen_path, &inst, &d), want);
    if (want == PL_OK)
        assert_non_null(inst);
    else
        assert_null(inst);
    pl_instance_free(inst);
    return d;
}

static bool has_error(const pl_diags *d, const char *file, const char *path)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == PL_SEV_ERROR && d->items[i].file &&
            !strcmp(d->items[i].file, file) && d->items[i].path &&
            !strcmp(d->items[i].path, path))
            return true;
    return false;
}

static void test_patch_errors(void **state)
{
    (void)state;
    char *base = write_temp(BASE);
    char *scen;

    /* valid: a supervisor leaves, a capacity changes */
    pl_diags d = load(base, "{\"supervisors\": {\"cecilia\": null},"
                            " \"sites\": {\"kalix\": null},"
                            " \"trainees\": {\"t1\": {\"home\": \"heden\"}}}", PL_OK, &scen);
    assert_int_equal(pl_diags_count_severity(&d, PL_SEV_ERROR), 0);
    pl_diags_free(&d);
    unlink(scen);
    free(scen);

    /* a bad value: the error names the scenario and the JSON path */
    d = load(base, "{\"sites\": {\"kalix\": {\"capacity\": {\"pc\": -1}}}}",
             PL_ERR_INVALID, &scen);
    assert_true(has_error(&d, scen, "/sites/kalix/capacity/pc"));
    pl_diags_free(&d);
    unlink(scen);
    free(scen);

    /* removing a site that a supervisor and a trainee still name */
    d = load(base, "{\"sites\": {\"kalix\": null}}", PL_ERR_INVALID, &scen);
    assert_true(has_error(&d, scen, "/supervisors/cecilia/site"));
    assert_true(has_error(&d, scen, "/trainees/t1/home"));
    for (size_t i = 0; i < d.count; i++)
        assert_string_equal(d.items[i].file, scen);
    pl_diags_free(&d);
    unlink(scen);
    free(scen);

    /* an unknown key added by the scenario */
    d = load(base, "{\"trainees\": {\"t1\": {\"hom\": \"heden\"}}}", PL_ERR_INVALID, &scen);
    assert_true(has_error(&d, scen, "/trainees/t1/hom") || has_error(&d, scen, "/trainees/t1"));
    pl_diags_free(&d);
    unlink(scen);
    free(scen);

    /* not an object */
    d = load(base, "[1]", PL_ERR_INVALID, &scen);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, scen);
    pl_diags_free(&d);
    unlink(scen);
    free(scen);

    /* a syntax error: line and column in the scenario file */
    d = load(base, "{\"sites\":\n  {\"kalix\": }}", PL_ERR_SYNTAX, &scen);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, scen);
    assert_int_equal(d.items[0].line, 2);
    pl_diags_free(&d);
    unlink(scen);
    free(scen);

    unlink(base);
    free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc7396_cases),
        cmocka_unit_test(test_absent_target),
        cmocka_unit_test(test_patch_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
