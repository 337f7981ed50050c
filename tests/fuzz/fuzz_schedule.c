/*
 * fuzz_schedule.c — libFuzzer harness for the schedule reader and the
 * checker: a fixed small instance is loaded once, then every input is read
 * with pl_schedule_load_string (strict and lenient); a schedule that loads
 * is checked with pl_check (also against itself as a reference), rescored
 * (pl_rescore, lenient ones with themselves as a kept past) and written
 * back as JSON, CSV and text to a memory stream.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "placera.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char INSTANCE[] =
    "{\"format\": \"placera/1\", \"name\": \"fuzz\","
    " \"horizon\": {\"start\": \"2027-01\", \"unit\": \"month\", \"length\": 6},"
    " \"rotations\": {\"a\": {}, \"b\": {}},"
    " \"sites\": {\"s1\": {\"area\": \"A\", \"capacity\": {\"a\": 2, \"b\": {\"max\": 1, \"min\": 1}},"
    "                      \"posts\": {\"P\": 3}, \"ranking\": {\"P\": [\"t3\"]}},"
    "            \"s2\": {\"area\": \"B\", \"priority\": 2, \"capacity\": {\"a\": [1,1,0,1,1,1]}}},"
    " \"supervisors\": {\"v1\": {\"site\": \"s1\", \"max_trainees\": 2, \"mentees\": 2},"
    "                  \"v2\": {\"site\": \"s2\", \"unavailable\": [{\"from\": 4}]}},"
    " \"programs\": {\"P\": {\"requirements\": {\"a\": {\"min\": 2, \"block_min\": 2},"
    "                                        \"b\": {\"max\": 2, \"after\": [\"a\"]}},"
    "                      \"max_per_site\": 5, \"mentor\": true}},"
    " \"trainees\": {\"t1\": {\"program\": \"P\", \"home\": \"s1\","
    "                       \"fixed\": [{\"site\": \"s1\", \"rotation\": \"a\", \"from\": 0, \"to\": 1}]},"
    "               \"t2\": {\"program\": \"P\", \"home\": \"s1\", \"areas\": [\"A\", \"B\"],"
    "                       \"previous\": {\"site\": \"s2\", \"rotation\": \"a\", \"periods\": 1}},"
    "               \"t3\": {\"program\": \"P\", \"home_choices\": [\"s1\"], \"start\": 1}},"
    " \"weights\": {\"idle\": 3, \"site_change\": 2, \"fairness\": 1}}";

static pl_instance *schedule_instance; /* loaded once, kept for the run */

static pl_instance *instance(void)
{
    pl_instance *inst = schedule_instance;
    if (!inst) {
        pl_diags diags;
        pl_diags_init(&diags);
        if (pl_instance_load_string(INSTANCE, sizeof INSTANCE - 1, "fuzz.json",
                                    &inst, &diags) != PL_OK) {
            pl_diags_print(&diags, stderr);
            abort();
        }
        pl_diags_free(&diags);
        schedule_instance = inst;
    }
    return inst;
}

static void write_all(const pl_schedule *s, const pl_instance *inst)
{
    static const pl_format formats[] = {PL_FORMAT_JSON, PL_FORMAT_CSV, PL_FORMAT_TEXT};
    for (size_t i = 0; i < 3; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            continue;
        pl_schedule_write_stream(s, inst, formats[i], f);
        fclose(f);
        free(buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pl_instance *inst = instance();
    for (int lenient = 0; lenient <= 1; lenient++) {
        pl_diags diags;
        pl_schedule *s = NULL;
        pl_diags_init(&diags);
        pl_status st = pl_schedule_load_string((const char *)data, size, "fuzz.json",
                                               inst, lenient, &s, &diags);
        if ((st == PL_OK) != (s != NULL))
            abort();
        if (st != PL_OK && st != PL_ERR_NOMEM &&
            pl_diags_count_severity(&diags, PL_SEV_ERROR) == 0)
            abort();
        if (s) {
            pl_check_report *rep = NULL;
            if (pl_check(inst, s, lenient ? s : NULL, &rep) == PL_OK) {
                (void)pl_check_passed(rep);
                pl_check_report_free(rep);
            }
            /* the re-planning paths: a kept past against itself, and
             * the schedule rescored (its figures rebuilt) and written */
            pl_check_options o;
            pl_check_options_init(&o);
            o.reference = s;
            o.keep_until = (int)(size % 8);
            pl_schedule *fresh = NULL;
            rep = NULL;
            st = pl_rescore(inst, s, lenient ? &o : NULL, &fresh, &rep);
            if ((st == PL_OK) != (fresh != NULL) || (st == PL_ERR_CHECK && !rep))
                abort();
            if (fresh)
                write_all(fresh, inst);
            pl_schedule_free(fresh);
            pl_check_report_free(rep);
            write_all(s, inst);
            pl_schedule_free(s);
        }
        pl_diags_free(&diags);
    }
    return 0;
}
