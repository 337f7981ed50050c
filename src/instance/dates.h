/*
 * dates.h — civil dates and their periods (format.md §1, §2.1).
 *
 * Period p covers [start + p*step units, start + (p+1)*step units).  Months
 * are calendar months (the horizon then starts on the 1st); weeks are 7 days.
 * All functions are pure and allocate nothing.
 */
#ifndef PL_DATES_H
#define PL_DATES_H

#include <stdbool.h>

#include "instance/instance.h"

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long pli_days_from_civil(int year, int month, int day);
void pli_civil_from_days(long days, int *year, int *month, int *day);
int pli_days_in_month(int year, int month);

/* Parse "YYYY-MM-DD", or "YYYY-MM" when allow_month is true (then day = 1).
 * Returns false for anything else, including impossible dates (2027-02-30). */
bool pli_parse_date(const char *text, bool allow_month, int *year, int *month,
                   int *day);

/* The period containing a date (may be < 0 or >= length: outside). */
long pli_date_to_period(const pl_horizon *h, int year, int month, int day);

/* First and last day of period p (p may be any integer). */
void pli_period_first_day(const pl_horizon *h, long p, int *year, int *month, int *day);
void pli_period_last_day(const pl_horizon *h, long p, int *year, int *month, int *day);

/* The years a date may have: schedules, CSV and calendars write four
 * digits. */
#define PL_MIN_YEAR 1900
#define PL_MAX_YEAR 9999

/* "YYYY-MM-DD" into buf (at least 11 bytes). */
void pli_format_date(int year, int month, int day, char buf[11]);

#endif /* PL_DATES_H */
