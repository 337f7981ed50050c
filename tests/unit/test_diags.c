/*
 * test_diags.c — the diagnostics list makes input text safe to print
 * (issue 17.5): control characters, C1 controls and invalid UTF-8 escaped,
 * quoted values and JSON path segments cut at PL_DIAG_ECHO_MAX characters
 * with the full length said, at most PL_DIAG_KIND_MAX messages of one kind
 * kept and the rest counted in one note; and the file checks of
 * util/files.c (pl_outputs_check, pl_input_check).
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

#include "placera.h"

static void test_control_characters_escaped(void **state)
{
    (void)state;
    pl_diags d;
    pl_diags_init(&d);
    assert_int_equal(pl_diags_add(&d, PL_SEV_ERROR, "f\n.json", 0, 0, "/trainees/a\033b",
                                  "bad id \"%s\"", "x\033[2J\ty\r\n\x7f\xc2\x9b\xff"),
                     PL_OK);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].message,
                        "bad id \"x\\x1b[2J\\ty\\r\\n\\x7f\\u009b\\xff\"");
    assert_string_equal(d.items[0].path, "/trainees/a\\x1bb");
    assert_string_equal(d.items[0].file, "f\\n.json");
    /* valid UTF-8 stays as it is */
    assert_int_equal(pl_diags_add(&d, PL_SEV_ERROR, NULL, 0, 0, NULL, "site \"%s\"",
                                  "Gällivare"), PL_OK);
    assert_string_equal(d.items[1].message, "site \"Gällivare\"");
    pl_diags_free(&d);
}

static void test_long_values_cut(void **state)
{
    (void)state;
    pl_diags d;
    size_t n = 100000;
    char *id = malloc(n + 1);
    assert_non_null(id);
    memset(id, 'x', n);
    id[n] = '\0';
    pl_diags_init(&d);
    char *path = malloc(n + 16);
    assert_non_null(path);
    snprintf(path, n + 16, "/trainees/%s/home", id);
    assert_int_equal(pl_diags_add(&d, PL_SEV_ERROR, "f.json", 0, 0, path,
                                  "bad id \"%s\": too long", id), PL_OK);
    char expect[256];
    snprintf(expect, sizeof expect, "bad id \"%.*s...\" (%zu characters): too long",
             PL_DIAG_ECHO_MAX, id, n);
    assert_string_equal(d.items[0].message, expect);
    snprintf(expect, sizeof expect, "/trainees/%.*s.../home", PL_DIAG_ECHO_MAX, id);
    assert_string_equal(d.items[0].path, expect);
    /* 80 characters of two bytes each are not cut */
    char wide[2 * PL_DIAG_ECHO_MAX + 1];
    for (int i = 0; i < PL_DIAG_ECHO_MAX; i++)
        memcpy(wide + 2 * i, "\xc3\xa4", 2);
    wide[2 * PL_DIAG_ECHO_MAX] = '\0';
    assert_int_equal(pl_diags_add(&d, PL_SEV_ERROR, NULL, 0, 0, NULL, "v \"%s\"", wide),
                     PL_OK);
    assert_null(strstr(d.items[1].message, "..."));
    free(id);
    free(path);
    pl_diags_free(&d);
}

static void test_kinds_capped(void **state)
{
    (void)state;
    pl_diags d;
    pl_diags_init(&d);
    for (int i = 0; i < 250; i++)
        assert_int_equal(pl_diags_add(&d, PL_SEV_ERROR, "s.json", 0, 0, "/x",
                                      "unknown trainee \"%c%d\"", 'a' + i % 26, i), PL_OK);
    for (int i = 0; i < 3; i++)
        assert_int_equal(pl_diags_add(&d, PL_SEV_WARNING, "s.json", 0, 0, NULL,
                                      "another kind %d", i), PL_OK);
    /* 100 errors, one note, 3 warnings */
    assert_int_equal(d.count, PL_DIAG_KIND_MAX + 1 + 3);
    assert_int_equal(d.items[PL_DIAG_KIND_MAX].severity, PL_SEV_NOTE);
    assert_string_equal(d.items[PL_DIAG_KIND_MAX].message,
                        "150 more errors like the ones above, not shown (at most 100 of "
                        "one kind are listed)");
    assert_int_equal(pl_diags_total(&d), 253);
    assert_int_equal(pl_diags_count_severity(&d, PL_SEV_ERROR), 250);
    assert_int_equal(pl_diags_count_severity(&d, PL_SEV_NOTE), 0);
    /* after a clear the kinds start again */
    pl_diags_clear(&d);
    assert_int_equal(pl_diags_add(&d, PL_SEV_ERROR, NULL, 0, 0, NULL, "unknown trainee \"z\""),
                     PL_OK);
    assert_int_equal(d.count, 1);
    assert_int_equal(pl_diags_total(&d), 1);
    pl_diags_free(&d);
}

static void test_truncate(void **state)
{
    (void)state;
    pl_diags d;
    pl_diags_init(&d);
    for (int i = 0; i < 5; i++)
        pl_diags_add(&d, PL_SEV_ERROR, NULL, 0, 0, NULL, "e %d", i);
    pl_diags_truncate(&d, 2);
    assert_int_equal(d.count, 2);
    assert_int_equal(pl_diags_total(&d), 2);
    assert_string_equal(d.items[1].message, "e 1");
    pl_diags_free(&d);
}

static void test_file_checks(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_diags.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64], link_a[64];
    snprintf(a, sizeof a, "%s/a.json", dir);
    snprintf(b, sizeof b, "%s/b.json", dir);
    snprintf(link_a, sizeof link_a, "%s/./a.json", dir);
    FILE *f = fopen(a, "w");
    assert_non_null(f);
    fputs("{}", f);
    fclose(f);
    pl_diags d;
    pl_diags_init(&d);
    const char *inputs[] = {a, NULL, "-"};
    const char *fine[] = {b, NULL, "-"};
    assert_int_equal(pl_outputs_check(fine, 3, inputs, 3, &d), PL_OK);
    assert_int_equal(d.count, 0);
    const char *over[] = {link_a};
    assert_int_equal(pl_outputs_check(over, 1, inputs, 3, &d), PL_ERR_USAGE);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, a));
    const char *twice[] = {b, b};
    assert_int_equal(pl_outputs_check(twice, 2, NULL, 0, &d), PL_ERR_USAGE);
    pl_diags_clear(&d);
    assert_int_equal(pl_input_check(a, 0, &d), PL_OK);
    assert_int_equal(pl_input_check(a, 1, &d), PL_ERR_LIMIT);
    assert_int_equal(pl_input_check("/dev/zero", 0, &d), PL_ERR_IO);
    assert_int_equal(pl_input_check(b, 0, &d), PL_OK); /* missing: the loader says so */
    assert_int_equal(d.count, 2);
    pl_diags_free(&d);
    unlink(a);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_control_characters_escaped),
        cmocka_unit_test(test_long_values_cut),
        cmocka_unit_test(test_kinds_capped),
        cmocka_unit_test(test_truncate),
        cmocka_unit_test(test_file_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
