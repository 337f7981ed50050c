/*
 * test_dates.c — civil dates and the date → period mapping of format.md
 * §2.1 for the three units: month (step 1 and 3), week (step 4) and day,
 * with leap years, century rules and dates before the horizon.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "instance/dates.h"

static pl_horizon horizon(int y, int m, int d, pl_unit unit, int step, int length)
{
    pl_horizon h = {y, m, d, unit, step, length, false};
    return h;
}

static void assert_day(const pl_horizon *h, long p, bool last, const char *want)
{
    int y, m, d;
    char buf[11];
    if (last)
        pli_period_last_day(h, p, &y, &m, &d);
    else
        pli_period_first_day(h, p, &y, &m, &d);
    pli_format_date(y, m, d, buf);
    assert_string_equal(buf, want);
}

static void test_civil_roundtrip(void **state)
{
    (void)state;
    assert_int_equal(pli_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(pli_days_from_civil(2000, 3, 1) - pli_days_from_civil(2000, 2, 28), 2);
    assert_int_equal(pli_days_from_civil(2100, 3, 1) - pli_days_from_civil(2100, 2, 28), 1);
    for (long d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        pli_civil_from_days(d, &y, &m, &dd);
        assert_int_equal(pli_days_from_civil(y, m, dd), d);
    }
}

static void test_parse(void **state)
{
    (void)state;
    int y, m, d;
    assert_true(pli_parse_date("2028-02-29", false, &y, &m, &d));
    assert_int_equal(y * 10000 + m * 100 + d, 20280229);
    assert_false(pli_parse_date("2027-02-29", false, &y, &m, &d));
    assert_false(pli_parse_date("1900-02-29", false, &y, &m, &d));
    assert_true(pli_parse_date("2000-02-29", false, &y, &m, &d));
    assert_false(pli_parse_date("2027-07", false, &y, &m, &d));
    assert_true(pli_parse_date("2027-07", true, &y, &m, &d));
    assert_int_equal(d, 1);
    assert_false(pli_parse_date("2027-7-01", false, &y, &m, &d));
    assert_false(pli_parse_date("2027-13-01", true, &y, &m, &d));
    assert_false(pli_parse_date("2027-04-31", false, &y, &m, &d));
    assert_false(pli_parse_date("2027/04/01", false, &y, &m, &d));
}

static void test_month_step1(void **state)
{
    (void)state;
    pl_horizon h = horizon(2027, 1, 1, PL_UNIT_MONTH, 1, 24);
    assert_int_equal(pli_date_to_period(&h, 2027, 1, 1), 0);
    assert_int_equal(pli_date_to_period(&h, 2027, 7, 1), 6);
    assert_int_equal(pli_date_to_period(&h, 2027, 7, 15), 6);
    assert_int_equal(pli_date_to_period(&h, 2027, 7, 31), 6);
    assert_int_equal(pli_date_to_period(&h, 2028, 12, 31), 23);
    assert_int_equal(pli_date_to_period(&h, 2026, 12, 31), -1);
    assert_int_equal(pli_date_to_period(&h, 2026, 1, 1), -12);
    assert_day(&h, 1, false, "2027-02-01");
    assert_day(&h, 1, true, "2027-02-28");
    assert_day(&h, 13, true, "2028-02-29"); /* leap year */
    assert_day(&h, 11, true, "2027-12-31");
    assert_day(&h, -1, false, "2026-12-01");
}

static void test_month_step3(void **state)
{
    (void)state;
    pl_horizon h = horizon(2027, 11, 1, PL_UNIT_MONTH, 3, 8);
    assert_int_equal(pli_date_to_period(&h, 2027, 11, 1), 0);
    assert_int_equal(pli_date_to_period(&h, 2028, 1, 31), 0);
    assert_int_equal(pli_date_to_period(&h, 2028, 2, 1), 1);
    assert_int_equal(pli_date_to_period(&h, 2028, 2, 29), 1);
    assert_int_equal(pli_date_to_period(&h, 2027, 10, 31), -1);
    assert_int_equal(pli_date_to_period(&h, 2027, 8, 1), -1);
    assert_int_equal(pli_date_to_period(&h, 2027, 7, 31), -2);
    assert_day(&h, 0, true, "2028-01-31");
    assert_day(&h, 1, false, "2028-02-01");
    assert_day(&h, 1, true, "2028-04-30");
    assert_day(&h, 7, true, "2029-10-31");
}

static void test_week_step4(void **state)
{
    (void)state;
    /* 2028-01-31 is a Monday; 4-week blocks */
    pl_horizon h = horizon(2028, 1, 31, PL_UNIT_WEEK, 4, 13);
    assert_int_equal(pli_date_to_period(&h, 2028, 1, 31), 0);
    assert_int_equal(pli_date_to_period(&h, 2028, 2, 27), 0);
    assert_int_equal(pli_date_to_period(&h, 2028, 2, 28), 1); /* day 28: block 1 */
    assert_int_equal(pli_date_to_period(&h, 2028, 2, 29), 1); /* the leap day */
    assert_int_equal(pli_date_to_period(&h, 2028, 3, 26), 1);
    assert_int_equal(pli_date_to_period(&h, 2028, 3, 27), 2);
    assert_int_equal(pli_date_to_period(&h, 2028, 1, 30), -1);
    assert_int_equal(pli_date_to_period(&h, 2028, 1, 3), -1);
    assert_int_equal(pli_date_to_period(&h, 2028, 1, 2), -2);
    assert_day(&h, 0, true, "2028-02-27");
    assert_day(&h, 1, false, "2028-02-28");
    assert_day(&h, 12, true, "2029-01-28");
    assert_day(&h, 1, true, "2028-03-26");
}

static void test_day(void **state)
{
    (void)state;
    pl_horizon h = horizon(2024, 2, 28, PL_UNIT_DAY, 1, 400);
    assert_int_equal(pli_date_to_period(&h, 2024, 2, 29), 1);
    assert_int_equal(pli_date_to_period(&h, 2024, 3, 1), 2);
    assert_int_equal(pli_date_to_period(&h, 2025, 2, 28), 366);
    assert_int_equal(pli_date_to_period(&h, 2024, 2, 27), -1);
    assert_int_equal(pli_date_to_period(&h, 2023, 12, 31), -59);
    assert_day(&h, 2, false, "2024-03-01");
    assert_day(&h, 2, true, "2024-03-01");
    pl_horizon c = horizon(2100, 2, 28, PL_UNIT_DAY, 1, 10);
    assert_day(&c, 1, false, "2100-03-01"); /* 2100 is not a leap year */
    pl_horizon d2 = horizon(2027, 12, 30, PL_UNIT_DAY, 2, 10);
    assert_int_equal(pli_date_to_period(&d2, 2028, 1, 1), 1);
    assert_int_equal(pli_date_to_period(&d2, 2027, 12, 29), -1);
    assert_day(&d2, 0, true, "2027-12-31");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_civil_roundtrip),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_month_step1),
        cmocka_unit_test(test_month_step3),
        cmocka_unit_test(test_week_step4),
        cmocka_unit_test(test_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
