/*
 * validate_horizon.c — the horizon (format.md §2.1) and every time value:
 * period numbers, dates (a date means the period containing it), ranges
 * {from, to} and windows, which are cut to the horizon.
 */
#include <string.h>

#include "instance/dates.h"
#include "instance/validate.h"

#define TIME_LIMIT 10000000L /* |period numbers| beyond this are nonsense */

/* Whether the horizon ends by 31 December PL_MAX_YEAR (an error at
 * /horizon otherwise): later years would not fit the four digits of the
 * dates written in schedules, CSV and calendars. */
static bool horizon_in_years(pl_jctx *c, int y, int mo, int d, pl_unit unit,
                             int step, int length)
{
    pl_horizon h = {0};
    int ly, lm, ld;
    h.year = y;
    h.month = mo;
    h.day = d;
    h.unit = unit;
    h.step = step;
    h.length = length;
    pli_period_last_day(&h, length - 1, &ly, &lm, &ld);
    if (ly <= PL_MAX_YEAR)
        return true;
    pli_jerror(c, "the horizon runs from %04d-%02d-%02d to %d-%02d-%02d; its dates "
                 "must lie in the years %d to %d", y, mo, d, ly, lm, ld, PL_MIN_YEAR,
              PL_MAX_YEAR);
    return false;
}

void pli_validate_horizon(pl_loader *L, json_t *h)
{
    static const char *const keys[] = {"start", "unit", "step", "length",
                                       "open_end", NULL};
    pl_jctx *c = &L->j;
    pl_horizon *hz = &L->inst->horizon;
    size_t before = c->errors;
    char b[96];

    /* a harmless stand-in so that per-period arrays can be allocated */
    hz->year = 2000;
    hz->month = 1;
    hz->day = 1;
    hz->unit = PL_UNIT_MONTH;
    hz->step = 1;
    hz->length = 1;
    hz->open_end = false;
    L->horizon_ok = false;
    if (!pli_jis_object(c, h, "an object {start, unit, step, length}"))
        return;
    pli_jcheck_keys(c, h, keys);

    pl_unit unit = PL_UNIT_MONTH;
    bool unit_ok = false;
    json_t *u = json_object_get(h, "unit");
    if (!u) {
        pli_jmissing(c, "unit", "month, week or day");
    } else {
        const char *s = json_is_string(u) ? json_string_value(u) : "";
        unit_ok = true;
        if (!strcmp(s, "month"))
            unit = PL_UNIT_MONTH;
        else if (!strcmp(s, "week"))
            unit = PL_UNIT_WEEK;
        else if (!strcmp(s, "day"))
            unit = PL_UNIT_DAY;
        else {
            size_t m = pli_jpush(c, "unit");
            pli_jerror(c, "must be \"month\", \"week\" or \"day\", got %s",
                      pli_jdescribe(u, b));
            pli_jpop(c, m);
            unit_ok = false;
        }
    }

    int y = 0, mo = 0, d = 0;
    json_t *st = json_object_get(h, "start");
    if (!st) {
        pli_jmissing(c, "start", "a date YYYY-MM-DD");
    } else {
        size_t m = pli_jpush(c, "start");
        bool month_form = !unit_ok || unit == PL_UNIT_MONTH;
        if (!json_is_string(st) ||
            !pli_parse_date(json_string_value(st), month_form, &y, &mo, &d)) {
            pli_jerror(c, "must be a date %s, got %s",
                      month_form ? "YYYY-MM-DD or YYYY-MM" : "YYYY-MM-DD",
                      pli_jdescribe(st, b));
        } else if (y < PL_MIN_YEAR) {
            pli_jerror(c, "the horizon must start in %d or later, got %s", PL_MIN_YEAR,
                      pli_jdescribe(st, b));
        } else if (unit_ok && unit == PL_UNIT_MONTH && d != 1) {
            pli_jerror(c, "with unit \"month\" the horizon must start on the 1st "
                         "of a month, got %s", pli_jdescribe(st, b));
        }
        pli_jpop(c, m);
    }

    int step = 1, length = 1;
    bool open_end = false;
    pli_jfield_int(c, h, "step", 1, 10000, &step);
    if (!json_object_get(h, "length"))
        pli_jmissing(c, "length", "the number of periods, 1 to 1000");
    else
        pli_jfield_int(c, h, "length", 1, PL_MAX_PERIODS, &length);
    pli_jfield_bool(c, h, "open_end", &open_end);

    if (c->errors != before)
        return;
    if (!horizon_in_years(c, y, mo, d, unit, step, length))
        return;
    hz->year = y;
    hz->month = mo;
    hz->day = d;
    hz->unit = unit;
    hz->step = step;
    hz->length = length;
    hz->open_end = open_end;
    L->horizon_ok = true;
}

bool pli_vtime(pl_loader *L, const json_t *v, long *out)
{
    pl_jctx *c = &L->j;
    const pl_horizon *h = &L->inst->horizon;
    bool month = !L->horizon_ok || h->unit == PL_UNIT_MONTH;
    char b[96];
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        if (x < -TIME_LIMIT || x > TIME_LIMIT) {
            pli_jerror(c, "period number out of range, got %s", pli_jdescribe(v, b));
            return false;
        }
        *out = (long)x;
        return true;
    }
    int y, m, d;
    if (json_is_string(v) &&
        pli_parse_date(json_string_value(v), month, &y, &m, &d)) {
        if (y < PL_MIN_YEAR || y > PL_MAX_YEAR) {
            pli_jerror(c, "a date must lie in the years %d to %d, got %s", PL_MIN_YEAR,
                      PL_MAX_YEAR, pli_jdescribe(v, b));
            return false;
        }
        *out = L->horizon_ok ? pli_date_to_period(h, y, m, d) : 0;
        return true;
    }
    if (json_is_string(v) && !month &&
        pli_parse_date(json_string_value(v), true, &y, &m, &d)) {
        pli_jerror(c, "%s names a month, which is only allowed with unit "
                     "\"month\"; give a date YYYY-MM-DD or a period number",
                  pli_jdescribe(v, b));
        return false;
    }
    pli_jerror(c, "must be a period number or a date %s, got %s",
              month ? "YYYY-MM-DD or YYYY-MM" : "YYYY-MM-DD", pli_jdescribe(v, b));
    return false;
}

bool pli_vrange(pl_loader *L, json_t *v, long *from, long *to)
{
    static const char *const keys[] = {"from", "to", NULL};
    pl_jctx *c = &L->j;
    if (!pli_jis_object(c, v, "a range {\"from\": T, \"to\": T}"))
        return false;
    bool ok = pli_jcheck_keys(c, v, keys);
    json_t *f = json_object_get(v, "from"), *t = json_object_get(v, "to");
    long a = 0, z = 0;
    if (!f) {
        pli_jmissing(c, "from", "a period number or a date");
        ok = false;
    } else {
        size_t m = pli_jpush(c, "from");
        ok = pli_vtime(L, f, &a) && ok;
        pli_jpop(c, m);
    }
    z = a;
    if (t) {
        size_t m = pli_jpush(c, "to");
        ok = pli_vtime(L, t, &z) && ok;
        pli_jpop(c, m);
    }
    if (ok && L->horizon_ok && a > z) {
        pli_jerror(c, "\"from\" is after \"to\" (period %ld > period %ld)", a, z);
        ok = false;
    }
    *from = a;
    *to = z;
    return ok;
}

/* A range of `unavailable` without "to" is one period: say so, since
 * "from April" is easily meant as "from April on" (for a supervisor who
 * leaves, `end` says that). */
static void one_period_range(pl_loader *L, json_t *v, long a, bool supervisor)
{
    if (!json_is_object(v) || json_object_get(v, "to") || !L->horizon_ok)
        return;
    const pl_horizon *h = &L->inst->horizon;
    if (a < 0 || a >= h->length)
        return; /* cut away: nothing to say */
    int y, m, d;
    char first[11];
    pli_period_first_day(h, a, &y, &m, &d);
    pli_format_date(y, m, d, first);
    pli_jwarning(&L->j, "this range has no \"to\", so it is only period %ld (from %s); "
                       "give \"to\" for a longer absence%s",
                a, first,
                supervisor ? ", or \"end\" for a supervisor who leaves for good" : "");
}

void pli_vunavailable(pl_loader *L, json_t *obj, const char *key, bool *available,
                     bool supervisor)
{
    json_t *arr = json_object_get(obj, key);
    if (!arr)
        return;
    pl_jctx *c = &L->j;
    size_t m = pli_jpush(c, key);
    if (pli_jis_array(c, arr, "a list of ranges {\"from\", \"to\"}")) {
        size_t i;
        json_t *v;
        json_array_foreach(arr, i, v) {
            size_t m2 = pli_jpush_index(c, i);
            long a, z;
            if (pli_vrange(L, v, &a, &z) && L->horizon_ok) {
                one_period_range(L, v, a, supervisor);
                long len = L->inst->horizon.length;
                for (long p = a < 0 ? 0 : a; p <= z && p < len; p++)
                    available[p] = false;
            }
            pli_jpop(c, m2);
        }
    }
    pli_jpop(c, m);
}

bool pli_vtime_inside(pl_loader *L, const json_t *v, int *out)
{
    long p;
    char b[96];
    if (!pli_vtime(L, v, &p))
        return false;
    if (!L->horizon_ok) {
        *out = 0;
        return true;
    }
    const pl_horizon *h = &L->inst->horizon;
    if (p < 0 || p >= h->length) {
        char first[11], last[11];
        int y, m, d;
        pli_period_first_day(h, 0, &y, &m, &d);
        pli_format_date(y, m, d, first);
        pli_period_last_day(h, h->length - 1, &y, &m, &d);
        pli_format_date(y, m, d, last);
        pli_jerror(&L->j, "a pinned placement must lie inside the horizon "
                           "(periods 0 to %d, %s to %s), got %s",
                  h->length - 1, first, last, pli_jdescribe(v, b));
        return false;
    }
    *out = (int)p;
    return true;
}

void pli_vwindow(pl_loader *L, json_t *obj, int *start, int *end, bool *inside)
{
    pl_jctx *c = &L->j;
    int len = L->inst->horizon.length;
    long a = 0, z = len - 1;
    bool ok = true, given_a = false;
    json_t *x;
    if ((x = json_object_get(obj, "start"))) {
        size_t m = pli_jpush(c, "start");
        ok = (given_a = pli_vtime(L, x, &a)) && ok;
        pli_jpop(c, m);
    }
    if ((x = json_object_get(obj, "end"))) {
        size_t m = pli_jpush(c, "end");
        ok = pli_vtime(L, x, &z) && ok;
        if (ok && given_a && L->horizon_ok && z < a)
            pli_jerror(c, "end (period %ld) is before start (period %ld)", z, a);
        pli_jpop(c, m);
    }
    if (!ok || !L->horizon_ok)
        return;
    *start = (int)(a < 0 ? 0 : a > len ? len : a);
    *end = (int)(z >= len ? len - 1 : z < -1 ? -1 : z);
    for (int p = 0; p < len; p++)
        if (p < *start || p > *end)
            inside[p] = false;
}
