/*
 * test_fuzz_regressions.c — replay every input that once crashed a fuzz
 * harness (tests/fuzz/regressions/<harness>/) through the same harness code,
 * compiled here with the ordinary compiler and, in make test-asan, with
 * ASan and UBSan.  A harness aborts when a property fails, so a regression
 * shows up as a crash of this binary; each harness is one test that also
 * asserts it found its inputs.  Run from the repository root.
 */
#define _GNU_SOURCE /* memfd_create in fuzz_scenario.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LLVMFuzzerTestOneInput fuzz_instance_one
#include "../fuzz/fuzz_instance.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_schedule_one
#include "../fuzz/fuzz_schedule.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_scenario_one
#include "../fuzz/fuzz_scenario.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_mssp_one
#include "../fuzz/fuzz_mssp.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_csv_one
#include "../fuzz/fuzz_csv.c"
#undef LLVMFuzzerTestOneInput

typedef int (*harness)(const uint8_t *data, size_t size);

/* Feed every file of tests/fuzz/regressions/<name> and of the seed corpus
 * tests/fuzz/corpus/<name> to `fn`; returns how many regressions ran. */
static size_t replay_dir(const char *dir, harness fn)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        char *buf = NULL;
        size_t len = 0, cap = 0, got;
        char chunk[65536];
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (len + got > cap) {
                cap = (len + got) * 2;
                buf = realloc(buf, cap);
                assert_non_null(buf);
            }
            memcpy(buf + len, chunk, got);
            len += got;
        }
        fclose(f);
        assert_int_equal(fn((const uint8_t *)(buf ? buf : ""), len), 0);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

static void replay(const char *name, harness fn, size_t min_regressions)
{
    char dir[256];
    snprintf(dir, sizeof dir, "tests/fuzz/regressions/%s", name);
    size_t n = replay_dir(dir, fn);
    assert_true(n >= min_regressions);
    snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", name);
    assert_true(replay_dir(dir, fn) > 0); /* the seeds pass too */
}

static void test_instance(void **state)
{
    (void)state;
    replay("instance", fuzz_instance_one, 1);
}

static void test_schedule(void **state)
{
    (void)state;
    replay("schedule", fuzz_schedule_one, 0);
}

static void test_scenario(void **state)
{
    (void)state;
    replay("scenario", fuzz_scenario_one, 0);
}

static void test_mssp(void **state)
{
    (void)state;
    replay("mssp", fuzz_mssp_one, 3);
}

static void test_csv(void **state)
{
    (void)state;
    replay("csv", fuzz_csv_one, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instance),
        cmocka_unit_test(test_schedule),
        cmocka_unit_test(test_scenario),
        cmocka_unit_test(test_mssp),
        cmocka_unit_test(test_csv),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pl_instance_free(schedule_instance);
    return rc;
}
