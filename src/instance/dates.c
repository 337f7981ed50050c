/*
 * dates.c — civil date arithmetic and the date ↔ period mapping.
 *
 * Days are counted with the well-known era-based conversion between the
 * proleptic Gregorian calendar and a day count (400-year eras of 146097
 * days), which is exact for every year a horizon can use.
 */
#include "instance/dates.h"

#include <string.h>

static long floor_div(long a, long b)
{
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

long pli_days_from_civil(int year, int month, int day)
{
    long y = (long)year - (month <= 2);
    long era = floor_div(y, 400);
    long yoe = y - era * 400;                                   /* [0, 399] */
    long mp = (month + 9) % 12;                                 /* March = 0 */
    long doy = (153 * mp + 2) / 5 + day - 1;                    /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void pli_civil_from_days(long days, int *year, int *month, int *day)
{
    long z = days + 719468;
    long era = floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

int pli_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

static bool digits(const char *s, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

bool pli_parse_date(const char *text, bool allow_month, int *year, int *month,
                   int *day)
{
    size_t n = strlen(text);
    int y, m, d = 1;
    if (n != 10 && !(allow_month && n == 7))
        return false;
    if (!digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &m))
        return false;
    if (n == 10 && (text[7] != '-' || !digits(text + 8, 2, &d)))
        return false;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > pli_days_in_month(y, m))
        return false;
    *year = y;
    *month = m;
    *day = d;
    return true;
}

long pli_date_to_period(const pl_horizon *h, int year, int month, int day)
{
    if (h->unit == PL_UNIT_MONTH) {
        long months = ((long)year - h->year) * 12 + (month - h->month);
        /* a horizon in months starts on the 1st, so the day never moves a date
         * out of its month's period */
        (void)day;
        return floor_div(months, h->step);
    }
    long days = pli_days_from_civil(year, month, day) -
                pli_days_from_civil(h->year, h->month, h->day);
    long per = (h->unit == PL_UNIT_WEEK ? 7L : 1L) * h->step;
    return floor_div(days, per);
}

void pli_period_first_day(const pl_horizon *h, long p, int *year, int *month,
                         int *day)
{
    if (h->unit == PL_UNIT_MONTH) {
        long months = (long)(h->month - 1) + p * h->step;
        *year = (int)(h->year + floor_div(months, 12));
        *month = (int)(months - floor_div(months, 12) * 12) + 1;
        *day = 1;
        return;
    }
    long per = (h->unit == PL_UNIT_WEEK ? 7L : 1L) * h->step;
    pli_civil_from_days(pli_days_from_civil(h->year, h->month, h->day) + p * per,
                       year, month, day);
}

void pli_period_last_day(const pl_horizon *h, long p, int *year, int *month,
                        int *day)
{
    int y, m, d;
    pli_period_first_day(h, p + 1, &y, &m, &d);
    pli_civil_from_days(pli_days_from_civil(y, m, d) - 1, year, month, day);
}

void pli_format_date(int year, int month, int day, char buf[11])
{
    unsigned y = (unsigned)year % 10000u, m = (unsigned)month % 100u,
             d = (unsigned)day % 100u;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}
