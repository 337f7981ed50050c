/*
 * csv_export.h — internal interface of `placera export csv INSTANCE -o DIR`:
 * the tables being filled from the instance's JSON, helpers that put JSON
 * values into cells, the per-file writers (csv_export_*.c) and writing the
 * folder.
 */
#ifndef PL_CSV_EXPORT_H
#define PL_CSV_EXPORT_H

#include <jansson.h>

#include "import/csv_schema.h"
#include "import/csv_table.h"
#include "instance/instance.h"

typedef struct pl_csv_export {
    pl_diags *diags;
    const char *file;  /* the instance, for messages */
    size_t errors;     /* parts that cannot be written */
    pl_status fatal;   /* out of memory */
    char decimal;      /* '.' or ',' */
    const pl_horizon *horizon;
    pl_csv_table tables[PL_CSV_N_FILES];
} pl_csv_export;

/* A part of the instance (at JSON pointer `pointer`) that no cell can
 * hold so that it reads back the same. */
void pli_csv_cannot(pl_csv_export *ex, const char *pointer, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
bool pli_csv_eok(pl_csv_export *ex, pl_status st);

/* The header: `keys`, then the fields' headers. */
void pli_csv_export_header(pl_csv_export *ex, pl_csv_file file,
                          const char *const *keys, const pl_csv_field *fields);
/* A new row of `file`; NULL when out of memory. */
pl_csv_row *pli_csv_export_row(pl_csv_export *ex, pl_csv_file file);
/* Cell `header` (added as a column if new) of `row` := text. */
void pli_csv_put_text(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                     const char *header, const char *text);
/* Cell `header` := value formatted as `type`. */
void pli_csv_put_json(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                const char *header, const json_t *value, pl_csv_type type,
                unsigned flags, const char *pointer);
/* Cell `col` (an existing column) := value formatted as `type`. */
void pli_csv_put_at(pl_csv_export *ex, pl_csv_row *row, size_t col,
                   const json_t *value, pl_csv_type type, const char *pointer);
/* Every member of obj into the row: those of `fields` in their columns,
 * x- members in x- columns; those named in `handled` are left to the
 * caller; anything else cannot be written. */
void pli_csv_put_object(pl_csv_export *ex, pl_csv_file file, pl_csv_row *row,
                       const json_t *obj, const pl_csv_field *fields,
                       const char *const *handled, const char *pointer);

void pli_csv_export_settings(pl_csv_export *ex, const json_t *root);
void pli_csv_export_collections(pl_csv_export *ex, const json_t *root);
void pli_csv_export_capacity(pl_csv_export *ex, const json_t *root);
void pli_csv_export_posts(pl_csv_export *ex, const json_t *root);
void pli_csv_export_rules(pl_csv_export *ex, const json_t *root);
void pli_csv_export_lists(pl_csv_export *ex, const json_t *root);

/* Write the tables into a new folder `dir` (absent or empty): a temporary
 * folder next to it, renamed into place when every file is written. */
pl_status pli_csv_write_folder(const pl_csv_table *tables, size_t n, const char *dir,
                              char separator, bool bom, pl_diags *diags);

#endif /* PL_CSV_EXPORT_H */
