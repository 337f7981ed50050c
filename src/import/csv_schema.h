/*
 * csv_schema.h — the spreadsheet folder of an instance
 * (docs/spreadsheets.md): which files there are, which columns each has,
 * and how a cell's text becomes a JSON value and back.  The importer and
 * the exporter both work from these tables, so that what one writes the
 * other reads.
 */
#ifndef PL_CSV_SCHEMA_H
#define PL_CSV_SCHEMA_H

#include <jansson.h>

#include "placera.h"

/* The files of the folder, in the order they are read and written. */
typedef enum pl_csv_file {
    PL_CSV_INSTANCE = 0, PL_CSV_ROTATIONS, PL_CSV_SITES, PL_CSV_CAPACITY,
    PL_CSV_POSTS, PL_CSV_SUPERVISORS, PL_CSV_PROGRAMS, PL_CSV_REQUIREMENTS,
    PL_CSV_CHOICES, PL_CSV_TRAINEES, PL_CSV_LEAVE, PL_CSV_PINS,
    PL_CSV_PREFERENCES, PL_CSV_N_FILES
} pl_csv_file;

/* "instance.csv", "rotations.csv", ... */
extern const char *const pli_csv_file_names[PL_CSV_N_FILES];
/* Whether the folder must have the file (the others may be left out). */
bool pli_csv_file_required(pl_csv_file file);

typedef enum pl_csv_type {
    PL_CSV_STRING,  /* any text */
    PL_CSV_ID,      /* one id */
    PL_CSV_INT,     /* an integer */
    PL_CSV_NUMBER,  /* an integer or a decimal (2 stays 2, 2.0 stays 2.0) */
    PL_CSV_BOOL,    /* true/false, yes/no */
    PL_CSV_TIME,    /* a period number or a date */
    PL_CSV_IDS,     /* ids separated by | (or commas or spaces) */
    PL_CSV_STRINGS, /* texts separated by | */
    PL_CSV_ANY,     /* JSON where the text is JSON, else the text (x- columns) */
    PL_CSV_EMPTY    /* "[]" or "{}" (or "null"): a list or object left empty
                     * here, whose items are rows or columns elsewhere */
} pl_csv_type;

enum {
    PL_CSV_NULLABLE = 1, /* "null" is JSON null (trainee overrides) */
    PL_CSV_OPTIONAL = 2  /* the export writes the column only when it is used */
};

/* A column that holds one member of the row's JSON object. */
typedef struct pl_csv_field {
    const char *header; /* column name */
    const char *key;    /* member of the JSON object */
    pl_csv_type type;
    unsigned flags;
} pl_csv_field;

/* Field lists, each ended by {NULL}. */
extern const pl_csv_field pli_csv_rotation_fields[];
extern const pl_csv_field pli_csv_site_fields[];
extern const pl_csv_field pli_csv_supervisor_fields[];
extern const pl_csv_field pli_csv_program_fields[];
extern const pl_csv_field pli_csv_rule_fields[];
extern const pl_csv_field pli_csv_choice_fields[];
extern const pl_csv_field pli_csv_trainee_fields[];
extern const pl_csv_field pli_csv_range_fields[];
extern const pl_csv_field pli_csv_pin_fields[];
extern const pl_csv_field pli_csv_previous_fields[];

/* The type of setting `key` of instance.csv ("horizon.length", "weights.unmet",
 * "x-note", ...); false when there is no such setting. */
bool pli_csv_setting_type(const char *key, pl_csv_type *type);

/* Cell text → JSON (a new reference), or NULL with *why saying what the
 * cell should hold.  The text is not empty. */
json_t *pli_csv_parse_cell(const char *text, pl_csv_type type, unsigned flags,
                          const char **why);
/* JSON → cell text (caller frees), or NULL with *why when the value cannot
 * be written so that it reads back the same.  `decimal` is '.' or ','. */
char *pli_csv_format_cell(const json_t *value, pl_csv_type type, unsigned flags,
                         char decimal, const char **why);

/* A header cell with `prefix` ("x-", "completed.", case-insensitive): the
 * rest of it, else NULL. */
const char *pli_csv_after_prefix(const char *header, const char *prefix);

#endif /* PL_CSV_SCHEMA_H */
