/*
 * placera.h — the one public header of libplacera.
 *
 * placera turns a JSON instance (trainees, clinic capacities, supervisors,
 * programme rules; see docs/format.md) into an integer program, solves it,
 * and produces a schedule: who is where in each period, under which
 * supervisor, and what it costs.  The pipeline is
 *
 *     pl_instance_load → pl_solve → pl_schedule_write → pl_check
 *
 * Conventions:
 *   - Every function that can fail returns a pl_status; PL_OK is 0.
 *   - The library never prints, exits or aborts.  Problems with input are
 *     collected in a pl_diags list owned by the caller.
 *   - Objects returned through an out-parameter belong to the caller, who
 *     frees them with the matching *_free function.  Pointers returned by
 *     accessors (const char *) belong to the object they came from and live
 *     as long as it does.
 *   - Names: pl_ (and PL_) for what this header declares; the library's
 *     internal functions are named pli_, so that `nm libplacera.a` shows
 *     the public API at a glance (tests/sh/layers.sh checks it).
 */
#ifndef PLACERA_H
#define PLACERA_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PL_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Status codes.  Never renumbered: new codes are appended.            */
/* ------------------------------------------------------------------ */
typedef enum pl_status {
    PL_OK = 0,
    PL_ERR_NOMEM = 1,        /* an allocation failed */
    PL_ERR_IO = 2,           /* a file could not be read or written */
    PL_ERR_SYNTAX = 3,       /* the input is not valid JSON */
    PL_ERR_INVALID = 4,      /* the input breaks the format's rules */
    PL_ERR_USAGE = 5,        /* a caller passed bad arguments */
    PL_ERR_INFEASIBLE = 6,   /* no schedule satisfies the hard rules */
    PL_ERR_NO_SOLUTION = 7,  /* none was found within the limits */
    PL_ERR_SOLVER = 8,       /* the solver failed internally */
    PL_ERR_LIMIT = 9,        /* a size or memory limit would be exceeded */
    PL_ERR_INTERRUPTED = 10, /* stopped by the caller before any schedule */
    PL_ERR_CHECK = 11        /* a schedule breaks a rule (pl_check) */
} pl_status;

/* A static English description of a status.  Never NULL. */
const char *pl_strerror(pl_status status);

/* Pass errors up: `status` must be a pl_status local and `cleanup` a label. */
#define PL_TRY(expr)                                                         \
    do {                                                                     \
        pl_status pl_try_status_ = (expr);                                   \
        if (pl_try_status_ != PL_OK) {                                       \
            status = pl_try_status_;                                         \
            goto cleanup;                                                    \
        }                                                                    \
    } while (0)

/* ------------------------------------------------------------------ */
/* Diagnostics: every problem found in an input, with where it is.     */
/* ------------------------------------------------------------------ */
typedef enum pl_severity {
    PL_SEV_ERROR = 0,
    PL_SEV_WARNING = 1,
    PL_SEV_NOTE = 2
} pl_severity;

typedef struct pl_diag {
    pl_severity severity;
    char *file;    /* the input file, or NULL */
    int line;      /* 1-based; 0 when unknown (then `path` says where) */
    int column;    /* 1-based; 0 when unknown */
    char *path;    /* JSON pointer such as /trainees/t7/requirements/acute/min, or NULL */
    char *message; /* one sentence, no trailing newline */
} pl_diag;

/* A growable list of diagnostics.  Initialise with pl_diags_init (or = {0}),
 * release with pl_diags_free.  The list owns every string in it.
 *
 * Text from the input is made safe to print as it is added: control
 * characters (and invalid UTF-8) are escaped (\n, \x1b, \u009b), text in
 * double quotes in a message and each segment of a JSON path is cut after
 * PL_DIAG_ECHO_MAX characters ("abc..." (N characters)).  Of one kind of
 * message (one format string; for a bare "%s" the same text but for digits
 * and quoted parts) at most PL_DIAG_KIND_MAX are kept; after that one note
 * "N more errors like the ones above" counts the rest, which are not
 * stored. */
#define PL_DIAG_ECHO_MAX 80
#define PL_DIAG_KIND_MAX 100

typedef struct pl_diag_kinds pl_diag_kinds;

typedef struct pl_diags {
    pl_diag *items;
    size_t count;
    size_t capacity;
    pl_diag_kinds *kinds; /* messages per kind (internal) */
} pl_diags;

void pl_diags_init(pl_diags *diags);
void pl_diags_free(pl_diags *diags);
void pl_diags_clear(pl_diags *diags);
/* Append a diagnostic; file and path may be NULL.  The strings are copied. */
pl_status pl_diags_add(pl_diags *diags, pl_severity severity, const char *file,
                       int line, int column, const char *path,
                       const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
size_t pl_diags_count_severity(const pl_diags *diags, pl_severity severity);
/* How many messages were added: those kept, without the "N more" notes,
 * plus those counted there. */
size_t pl_diags_total(const pl_diags *diags);
/* Drop every diagnostic after the first `keep`. */
void pl_diags_truncate(pl_diags *diags, size_t keep);
/* Format one diagnostic as `FILE:LINE:COLUMN: error: message` (syntax) or
 * `FILE: /path: error: message` (meaning) into buf (always NUL-terminated).
 * Returns the length the full text needs, like snprintf. */
int pl_diag_format(const pl_diag *diag, char *buf, size_t size);
/* Write every diagnostic, one per line, to `out`. */
void pl_diags_print(const pl_diags *diags, FILE *out);

/* ------------------------------------------------------------------ */
/* Instances                                                           */
/* ------------------------------------------------------------------ */
typedef struct pl_instance pl_instance;

/* Read, parse and validate an instance file.  On PL_OK *out is a new
 * instance owned by the caller (free with pl_instance_free); warnings may
 * have been added to `diags`.  On error *out is NULL and `diags` holds every
 * problem found (not only the first). */
pl_status pl_instance_load(const char *path, pl_instance **out, pl_diags *diags);

/* The same from text in memory; `name` is used as FILE in messages. */
pl_status pl_instance_load_string(const char *text, size_t length,
                                  const char *name, pl_instance **out,
                                  pl_diags *diags);

/* Load `base_path`, apply the RFC 7396 merge patch in `scenario_path`,
 * validate the result.  Messages about the patched document name the
 * scenario file. */
pl_status pl_instance_load_patched(const char *base_path,
                                   const char *scenario_path,
                                   pl_instance **out, pl_diags *diags);

/* Load `base_path`, apply the scenarios in order, validate the result
 * (messages name the last scenario file; a note explains an error under an
 * id the base lacks).  On PL_OK *json (when json is non-NULL) is the
 * patched document as indented JSON text (free()) and *out (when out is
 * non-NULL) the instance (pl_instance_free). */
pl_status pl_instance_patch(const char *base_path, const char *const *scenarios,
                            size_t n, char **json, pl_instance **out,
                            pl_diags *diags);

void pl_instance_free(pl_instance *instance);

typedef struct pl_instance_summary {
    size_t trainees, sites, supervisors, rotations, programs, periods;
    size_t eligible_cells; /* trainee × site × rotation × period cells that pass 3.1 */
} pl_instance_summary;

void pl_instance_summarize(const pl_instance *instance, pl_instance_summary *out);
const char *pl_instance_name(const pl_instance *instance);
size_t pl_instance_period_count(const pl_instance *instance);

/* A time of the instance's horizon (format.md 1): a period number
 * 0..length, or a date YYYY-MM-DD (with unit month also YYYY-MM), which
 * means the period that contains it, cut to 0..length.  PL_ERR_INVALID for
 * anything else or a number above length. */
pl_status pl_instance_period(const pl_instance *instance, const char *text,
                             int *period);
size_t pl_instance_trainee_count(const pl_instance *instance);
const char *pl_instance_trainee_id(const pl_instance *instance, size_t index);

/* ------------------------------------------------------------------ */
/* Schedules                                                           */
/* ------------------------------------------------------------------ */
typedef struct pl_schedule pl_schedule;

typedef enum pl_format {
    PL_FORMAT_JSON = 0,
    PL_FORMAT_CSV = 1,
    PL_FORMAT_TEXT = 2
} pl_format;

/* The cost of a schedule split by the terms of format.md 3.8 (weighted
 * amounts, signs as there).  Their sum is the cost. */
typedef struct pl_costs {
    double unmet, unassigned, idle, site_change, preference, change, rank,
        unallocated, no_mentor, understaffed, priority, fairness;
} pl_costs;

double pl_costs_total(const pl_costs *costs);

/* Read a schedule file (format.md section 4).  Ids are resolved against
 * `instance`; unknown ids are errors unless `lenient` is true, in which case
 * such rows are dropped with a warning (used for reference schedules).  On
 * PL_OK *out belongs to the caller (pl_schedule_free). */
pl_status pl_schedule_load(const char *path, const pl_instance *instance,
                           bool lenient, pl_schedule **out, pl_diags *diags);

/* The same from text in memory; `name` is used as FILE in messages. */
pl_status pl_schedule_load_string(const char *text, size_t length,
                                  const char *name, const pl_instance *instance,
                                  bool lenient, pl_schedule **out,
                                  pl_diags *diags);

/* Write `schedule` in `format` to `path` through a temporary file in the same
 * directory that is renamed over `path` only when complete; "-" or NULL
 * writes to standard output.  Nothing is left behind on failure. */
pl_status pl_schedule_write(const pl_schedule *schedule,
                            const pl_instance *instance, pl_format format,
                            const char *path, pl_diags *diags);

/* The same for a new file: fails (PL_ERR_IO, "File exists") rather than
 * replace a file that exists; `path` must name a file. */
pl_status pl_schedule_write_new(const pl_schedule *schedule,
                                const pl_instance *instance, pl_format format,
                                const char *path, pl_diags *diags);

/* The same to an open stream owned by the caller. */
pl_status pl_schedule_write_stream(const pl_schedule *schedule,
                                   const pl_instance *instance,
                                   pl_format format, FILE *out);

void pl_schedule_free(pl_schedule *schedule);

/* Explain every unmet requirement and understaffed period of `schedule` in
 * planners' words, from `instance` and the schedule alone, into the items'
 * `why` (replacing any): the trainee's active runs cannot hold the blocks,
 * its pins, an `after` rule, a choice or its other placements take the
 * time, or no eligible site has room (full, closed, no qualified supervisor)
 * in its free periods; no eligible trainee active, too few supervisors, or
 * the trainees placed elsewhere for a site (docs/explanations.md).
 * pl_solve calls it; call it after changing a schedule. */
pl_status pl_schedule_explain(const pl_instance *instance, pl_schedule *schedule);

/* "optimal", "feasible", "infeasible" or "no_solution". */
const char *pl_schedule_status(const pl_schedule *schedule);
double pl_schedule_cost(const pl_schedule *schedule);
/* Why a schedule with status infeasible or no_solution has no placements:
 * the number of reasons, and reason i (NULL past the end). */
size_t pl_schedule_reason_count(const pl_schedule *schedule);
const char *pl_schedule_reason(const pl_schedule *schedule, size_t i);

/* ------------------------------------------------------------------ */
/* The independent checker (placera check)                             */
/* ------------------------------------------------------------------ */

/* What pl_check found.  Owned by the caller: pl_check_report_free. */
typedef struct pl_check_report {
    pl_diags violations;   /* one per broken hard rule, in planners' words */
    pl_diags mismatches;   /* stated costs that differ from the recomputed ones */
    pl_costs costs;        /* recomputed from the placements alone */
    double cost;           /* their sum */
    size_t n_trainees;
    double *trainee_costs; /* [n_trainees], in instance order */
    size_t n_placements;   /* rows of the schedule checked */
    size_t n_unnamed;      /* of them, rows that name no supervisor */
} pl_check_report;

/* Verify every hard rule of format.md section 3 on `schedule` and recompute
 * every cost term.  `reference` (may be NULL) is the schedule that `change`
 * is measured against.  Returns PL_OK when the check ran (read the report
 * to see whether the schedule passed); *out belongs to the caller. */
pl_status pl_check(const pl_instance *instance, const pl_schedule *schedule,
                   const pl_schedule *reference, pl_check_report **out);

typedef struct pl_check_options {
    const pl_schedule *reference; /* `change` is measured against it; default NULL */
    int keep_until;   /* with a reference: periods before this one must be as in
                         the reference (placed and empty) and cost no change;
                         default 0 */
    bool costs_only;  /* recompute the costs without comparing them with the
                         schedule's stated ones (rescore); default false */
} pl_check_options;

void pl_check_options_init(pl_check_options *options);
/* pl_check with options (NULL = the defaults). */
pl_status pl_check_with(const pl_instance *instance, const pl_schedule *schedule,
                        const pl_check_options *options, pl_check_report **out);
bool pl_check_passed(const pl_check_report *report);
void pl_check_report_free(pl_check_report *report);

/* A schedule edited by hand with every figure recomputed (placera
 * rescore): the hard rules are checked as by pl_check_with (options may be
 * NULL; its costs_only is implied), and when none is broken *out is a new
 * schedule with the same placements, homes and main supervisors, status
 * "feasible", and cost, costs, trainee_costs, unmet, unassigned and
 * understaffed recomputed from the instance; the input's stated figures are
 * ignored.  PL_ERR_CHECK when a hard rule is broken (*out NULL).  When
 * `report` is non-NULL it receives the check's report either way (the
 * caller frees it). */
pl_status pl_rescore(const pl_instance *instance, const pl_schedule *schedule,
                     const pl_check_options *options, pl_schedule **out,
                     pl_check_report **report);
/* Whether `schedule` has placements whose figures pl_rescore can
 * recompute: status optimal or feasible, and not an allocation-only
 * schedule (which has homes and no placements by design). */
bool pl_schedule_rescorable(const pl_schedule *schedule, const pl_instance *instance);

/* ------------------------------------------------------------------ */
/* Solving                                                             */
/* ------------------------------------------------------------------ */

/* Called by the solver on every improvement of the incumbent or bound. */
typedef struct pl_progress {
    double seconds;   /* since the solve started */
    double incumbent; /* cost of the best schedule so far, or NaN */
    double bound;     /* best proven lower bound, or NaN */
    double gap;       /* relative gap, or NaN */
    int open_nodes;   /* branch-and-price nodes still open, or -1 outside its tree */
} pl_progress;
typedef void (*pl_progress_fn)(const pl_progress *progress, void *user);

/* How the integer program is solved (docs/solver.md). */
typedef enum pl_method {
    PL_METHOD_AUTO = 0,      /* the decomposition from 2,000 eligible cells on,
                              * the compact model for an annual allocation */
    PL_METHOD_COMPACT,       /* one integer program over every trainee */
    PL_METHOD_DECOMPOSITION, /* by trainee: column generation, price-and-branch and
                              * branch-and-price, then the neighbourhood search
                              * and, on small models, the compact model */
    PL_METHOD_BRANCH_PRICE   /* the decomposition alone: column generation and
                              * branch-and-price, nothing else */
} pl_method;

/* "auto", "compact", "decomposition" or "branch-and-price" into *out;
 * false if none of them. */
bool pl_method_parse(const char *name, pl_method *out);

typedef struct pl_params {
    pl_method method;           /* default PL_METHOD_AUTO */
    double time_limit;          /* seconds; default 60 */
    double gap;                 /* relative MIP gap accepted as optimal; default 0 */
    const pl_schedule *reference; /* charge `change` against this; default NULL */
    int keep_until;             /* with a reference: periods before this one keep the
                                 * reference's placements and empty periods as pins,
                                 * and `change` is charged from it on; default 0 */
    const char *write_lp;       /* write the model in CPLEX LP format here; NULL = no */
    const char *write_mps;      /* write the model in free MPS format here; NULL = no */
    pl_progress_fn progress;    /* NULL = silent */
    void *progress_user;
    volatile sig_atomic_t *interrupt; /* when non-NULL and set non-zero, stop and keep the incumbent */
    size_t memory_limit_mb;     /* 0 = no limit */
    bool allocation_only;       /* solve the annual allocation without rotations */
} pl_params;

/* Fill `params` with the defaults above (like glp_init_iocp). */
void pl_params_init(pl_params *params);

/* Build the integer program of `instance`, solve it, and extract the
 * schedule.  On PL_OK *out is a schedule with status optimal or feasible.
 * On PL_ERR_INFEASIBLE / PL_ERR_NO_SOLUTION *out is still a schedule (status
 * infeasible / no_solution, no placements, reasons filled) so that it can be
 * written.  Other errors leave *out NULL and say why in `diags`.
 *
 * GLPK: the solve uses GLPK in the calling thread and caps GLPK's memory
 * (glp_mem_limit) at its share of params->memory_limit_mb during the
 * solve, setting it back to unlimited after (GLPK cannot report a cap set
 * before).  When GLPK fails internally (its memory cap reached, or an
 * error of its own; PL_ERR_LIMIT or PL_ERR_SOLVER) placera calls
 * glp_free_env(), the only recovery GLPK offers, which frees every GLPK
 * object of the thread and its hooks: a program that uses GLPK itself
 * must not keep GLPK objects across pl_solve in the same thread (pl_solve
 * is the only function here that uses GLPK). */
pl_status pl_solve(const pl_instance *instance, const pl_params *params,
                   pl_schedule **out, pl_diags *diags);

/* ------------------------------------------------------------------ */
/* The annual allocation in numbers (format.md 2.7; docs/allocation.md) */
/* ------------------------------------------------------------------ */

/* Why a trainee with home_choices has no home. */
typedef enum pl_unallocated_reason {
    PL_UNALLOCATED_NO_ACCEPTABLE_SITE = 0, /* every choice's ranking leaves it out */
    PL_UNALLOCATED_NO_FREE_POST = 1,  /* every acceptable choice is full with trainees
                                         it ranks higher (or, unranked, simply full) */
    PL_UNALLOCATED_STABILITY = 2,     /* stable instance, yet a choice had room or held
                                         someone ranked lower: the allocation is not stable */
    PL_UNALLOCATED_COST = 3           /* a choice had room or held someone ranked lower;
                                         the cost of the schedule decided */
} pl_unallocated_reason;

/* "no acceptable site", "no free post", "stability" or "cost".  Static. */
const char *pl_unallocated_reason_name(pl_unallocated_reason reason);

/* Posts offered and filled, for one (site, program), one program or all. */
typedef struct pl_alloc_posts {
    const char *site;    /* NULL in a total */
    const char *program; /* NULL in the grand total */
    int offered;         /* posts; -1 at a site without a limit for the program */
    int filled;          /* homes there, fixed or allocated; totals count only
                            (site, program) pairs that have a posts limit */
    int fixed;           /* of `filled`, fixed homes */
} pl_alloc_posts;

typedef struct pl_alloc_unallocated {
    const char *trainee;
    const char *program;
    pl_unallocated_reason reason;
} pl_alloc_unallocated;

/* Ids point into the instance and live as long as it does. */
typedef struct pl_alloc_summary {
    int applicants;              /* trainees with home_choices */
    pl_alloc_posts *sites;       /* (site, program) pairs with posts or homes, instance order */
    size_t n_sites;
    pl_alloc_posts *programs;    /* programs with posts or applicants, instance order */
    size_t n_programs;
    pl_alloc_posts total;
    int *choices;                /* choices[k]: applicants given their (k+1)-th choice */
    size_t n_choices;            /* the longest home_choices */
    pl_alloc_unallocated *unallocated; /* in instance order */
    size_t n_unallocated;
} pl_alloc_summary;

/* Fill rates, choices and the unallocated (with why) of `schedule`'s
 * homes.  *out belongs to the caller: pl_alloc_summary_free. */
pl_status pl_alloc_summarize(const pl_instance *instance,
                             const pl_schedule *schedule,
                             pl_alloc_summary **out);
void pl_alloc_summary_free(pl_alloc_summary *summary);

/* One line without newline, e.g. "allocation: 69/80 BT posts filled (86%),
 * choices 1st 41, 2nd 18, 3rd 10, unallocated 31", into buf (always
 * NUL-terminated).  Returns the length the full text needs, like snprintf. */
int pl_alloc_summary_line(const pl_alloc_summary *summary, char *buf,
                          size_t size);

/* ------------------------------------------------------------------ */
/* Reports and exports (placera report, placera export)                */
/* ------------------------------------------------------------------ */

typedef enum pl_report_group {
    PL_REPORT_GROUP_NONE = 0,    /* one list of every trainee */
    PL_REPORT_GROUP_PROGRAM = 1, /* by programme */
    PL_REPORT_GROUP_SITE = 2,    /* by home site */
    PL_REPORT_GROUP_AREA = 3     /* by the area of the home site */
} pl_report_group;

typedef enum pl_report_sort {
    PL_REPORT_SORT_ID = 0,      /* trainee id */
    PL_REPORT_SORT_PROGRAM = 1, /* programme id, then trainee id */
    PL_REPORT_SORT_SITE = 2     /* home site id, then trainee id */
} pl_report_sort;

typedef struct pl_report_options {
    pl_report_group group; /* default PL_REPORT_GROUP_NONE */
    pl_report_sort sort;   /* default PL_REPORT_SORT_ID */
} pl_report_options;

void pl_report_options_init(pl_report_options *options);

/* A self-contained HTML report (inline CSS and SVG, no scripts): summary,
 * a timeline per trainee, site occupancy and supervisor load.  Written
 * through a temporary file renamed over `path`; options may be NULL. */
pl_status pl_report_html(const pl_instance *instance, const pl_schedule *schedule,
                         const pl_report_options *options, const char *path,
                         pl_diags *diags);
/* The same to a stream owned by the caller. */
pl_status pl_report_html_stream(const pl_instance *instance,
                                const pl_schedule *schedule,
                                const pl_report_options *options, FILE *out);

/* RFC 5545 calendars in `dir` (created if missing, one level):
 * trainee-<id>.ics for every trainee and site-<id>.ics for every site that
 * has at least one placement, one all-day event per run.  *n_files (may be
 * NULL) receives the number of files written. */
pl_status pl_export_ics(const pl_instance *instance, const pl_schedule *schedule,
                        const char *dir, size_t *n_files, pl_diags *diags);

typedef struct pl_csv_options {
    bool bom;       /* start with a UTF-8 byte order mark (Excel); default false */
    char separator; /* ',' (default) or ';' (Swedish Excel) */
} pl_csv_options;

void pl_csv_options_init(pl_csv_options *options);

/* placements.csv (one line per trainee-period) and grid.csv (trainee ×
 * period) in `dir` (created if missing, one level); RFC 4180, CRLF line
 * ends.  options may be NULL. */
pl_status pl_export_csv(const pl_instance *instance, const pl_schedule *schedule,
                        const pl_csv_options *options, const char *dir,
                        pl_diags *diags);

/* An instance (no schedule) as the folder of spreadsheets that
 * pl_import_csv reads back to the same instance (docs/spreadsheets.md).
 * `dir` must not exist or be empty: the files are written into a temporary
 * folder next to it that is renamed into place, so nothing is overwritten.
 * The instance must be valid; a part that no cell can hold is an error
 * naming its JSON path.  options may be NULL (',' and no BOM; with ';'
 * decimals are written with a comma). */
pl_status pl_export_instance_csv(const char *instance_path,
                                 const pl_csv_options *options, const char *dir,
                                 pl_diags *diags);

/* The check of pl_outputs_check for an export into `dir`: an error naming
 * both for every input that lies in `dir` under a name the export (ics when
 * `ics`, else csv) may write; PL_ERR_USAGE then, else PL_OK. */
pl_status pl_export_outputs_check(bool ics, const char *dir,
                                  const char *const *inputs, size_t n_inputs,
                                  pl_diags *diags);

/* ------------------------------------------------------------------ */
/* Import and generate                                                 */
/* ------------------------------------------------------------------ */

/* Convert a Medical Student Scheduling Problem instance (MiniZinc .dzn, see
 * docs/mssp.md) into a placera/1 instance.  On PL_OK *json is the instance
 * as JSON text, owned by the caller (free with free()); minus its cost is
 * the MSSP score.  On error *json is NULL and `diags` says why. */
pl_status pl_import_mssp(const char *dzn_path, char **json, pl_diags *diags);

/* The same from .dzn text in memory; `name` is the file name used in
 * messages and in the instance (its directory and extension are dropped). */
pl_status pl_import_mssp_string(const char *text, size_t length,
                                const char *name, char **json,
                                pl_diags *diags);

/* Convert the MSSP authors' solution file (`schedule = array4d(...)`) for
 * the instance `dzn_path` into a placera-schedule/1 file with status
 * "feasible" and no costs.  *json as for pl_import_mssp. */
pl_status pl_import_mssp_solution(const char *dzn_path,
                                  const char *solution_path, char **json,
                                  pl_diags *diags);

/* Read a folder of spreadsheets (docs/spreadsheets.md: instance.csv,
 * trainees.csv, ...; ',' or ';' separated, UTF-8 with or without BOM, or
 * Windows-1252) into a placera/1 instance and validate it.  Problems are
 * reported as FILE:LINE:COLUMN (COLUMN counts cells), every one at once;
 * the validator's messages are moved to the cells the values came from.
 * On PL_OK *json is the instance as JSON text (caller frees). */
pl_status pl_import_csv(const char *dir, char **json, pl_diags *diags);

/* Write `text` to `path` through a temporary file in the same directory
 * renamed over it when complete; "-" or NULL writes to standard output. */
pl_status pl_write_text(const char *path, const char *text, pl_diags *diags);

/* ------------------------------------------------------------------ */
/* Files: what a command may read and write                            */
/* ------------------------------------------------------------------ */

/* Whether two names are one existing file (same device and inode, so also
 * through links and different spellings).  "-", "" and NULL are no file. */
bool pl_same_file(const char *a, const char *b);

/* The default limit on the size of an input file: 1 GiB. */
#define PL_DEFAULT_MAX_INPUT_SIZE (1ULL << 30)

/* Whether `path` may be read as an input: a regular file of at most
 * `max_bytes` (0: PL_DEFAULT_MAX_INPUT_SIZE).  A device, pipe or socket
 * (/dev/zero) is PL_ERR_IO, a larger file PL_ERR_LIMIT, each with an error
 * naming the file; a name that does not exist or is a directory is left to
 * the loader (PL_OK).  Call it before reading. */
pl_status pl_input_check(const char *path, unsigned long long max_bytes,
                         pl_diags *diags);

/* Refuse outputs that are inputs: for every output that is the same file as
 * an input (pl_same_file) an error naming both is added to `diags` and
 * PL_ERR_USAGE returned; PL_OK when none is.  Two outputs that would be one
 * file (also one not written yet: the same name in the same directory) are
 * refused too.  Call it before any work. */
pl_status pl_outputs_check(const char *const *outputs, size_t n_outputs,
                           const char *const *inputs, size_t n_inputs,
                           pl_diags *diags);

/* The temporary name for an output `path` under construction,
 * "DIR/.NAME.placera-tmp-PID" (owned by the caller; NULL when out of
 * memory).  It first removes from DIR the temporary files and directories
 * of processes that no longer run (a killed placera's leftovers). */
char *pl_tmp_path(const char *path);

/* Remove the leftovers named like pl_tmp_path's of dead processes in `dir`. */
void pl_tmp_clean_stale(const char *dir);

/* Remove a temporary file, or a temporary directory with its files. */
void pl_tmp_remove(const char *tmp);

typedef enum pl_tier {
    PL_TIER_SMALL = 0,    /* ~20 trainees, 12 months, one area */
    PL_TIER_REGION = 1,   /* ~300 trainees, 150 sites, 24 months */
    PL_TIER_NATIONAL = 2  /* ~3000 trainees, 1200 sites, 24 months */
} pl_tier;

typedef struct pl_generate_params {
    pl_tier tier;
    int trainees;             /* 0 = the tier's */
    int sites;                /* 0 = the tier's */
    int periods;              /* months; 0 = the tier's */
    unsigned long long seed;  /* same seed and sizes give the same bytes */
} pl_generate_params;

/* Fill `params` with the defaults (tier small, seed 1). */
void pl_generate_params_init(pl_generate_params *params);

/* A realistic Swedish-region instance (docs/generator.md) as placera/1 JSON
 * text; *json is owned by the caller (free()). */
pl_status pl_generate(const pl_generate_params *params, char **json,
                      pl_diags *diags);

/* ------------------------------------------------------------------ */
/* What-if (placera whatif): one scenario's results next to the base's  */
/* ------------------------------------------------------------------ */

/* A site whose utilisation (placed trainee-periods / the base's capacity
 * over the horizon, 0..1, so that a closed clinic shows fewer trainees and
 * not a fuller one) moved by at least the threshold between the schedules. */
typedef struct pl_whatif_site {
    char *site;      /* the site id */
    double base;     /* utilisation in the base schedule */
    double scenario; /* utilisation in the scenario's schedule */
} pl_whatif_site;

/* A trainee who moves in a scenario: a run of consecutive periods placed
 * differently from the base, with one before and one after. */
typedef struct pl_whatif_move {
    char *trainee;   /* the trainee id */
    char *trainee_name; /* the trainee's name for people (format.md 3.9.26), or NULL */
    int from, to;    /* periods (inclusive) of the scenario's horizon */
    char *when;      /* the periods for people: "2027-04 to 2027-06" */
    char *before;    /* "heden (pc)" in the base, or NULL: not placed (for a
                        trainee the scenario removes: its first placement) */
    char *after;     /* the same in the scenario, or NULL */
    char *before_site, *before_rotation; /* the ids of `before`, or NULL */
    char *after_site, *after_rotation;   /* the ids of `after`, or NULL */
} pl_whatif_move;

/* The figures of one column of the what-if table: the base or one
 * scenario.  Initialise with pl_whatif_column_init, release with
 * pl_whatif_column_clear; the column owns every pointer in it. */
typedef struct pl_whatif_column {
    char *label;        /* "base", the scenario's `name`, or its file's stem */
    char *file;         /* the base or scenario file */
    char *name;         /* the (patched) instance's name; NULL when invalid */
    bool valid;         /* false: the patched instance is invalid (errors) */
    char **errors;      /* formatted diagnostics of an invalid scenario */
    size_t n_errors;
    char *status;       /* optimal, feasible, infeasible, no_solution, invalid */
    bool has_schedule;  /* status is optimal or feasible */
    double cost, bound, seconds; /* NaN when unknown */
    pl_costs costs;
    long unmet;         /* periods short of min, summed */
    long unassigned;    /* active trainee-periods without a placement */
    long understaffed;  /* trainee-periods missing below capacity min */
    long posts_offered; /* Σ posts over sites and programs; 0 = no posts */
    long posts_filled;  /* of them, taken by a trainee's home */
    double preference;  /* Σ over placed periods of (site + rotation) preference, unweighted */
    bool compared;      /* the change figures below are against a base */
    long trainees_changed; /* trainees with at least one changed period */
    long periods_changed;  /* trainee-periods placed differently (or placed vs not) */
    pl_whatif_site *sites; /* utilisation changes of at least the threshold */
    size_t n_sites;
    pl_whatif_move *moves; /* who moves, by trainee in instance order */
    size_t n_moves;
} pl_whatif_column;

void pl_whatif_column_init(pl_whatif_column *column);
void pl_whatif_column_clear(pl_whatif_column *column);

/* Mark `column` invalid: status "invalid", every error of `diags` kept as
 * formatted text.  label and file are copied. */
pl_status pl_whatif_column_invalid(pl_whatif_column *column, const char *label,
                                   const char *file, const pl_diags *diags);

/* Fill `column` (label and file copied) with the figures of `schedule`, a
 * schedule of `instance`.  When `base` is non-NULL (a schedule of
 * `base_instance`), also count what changed against it, matching trainees
 * and sites by id, and list sites whose utilisation moved by at least
 * `threshold` (a fraction: 0.10 is 10 percentage points). */
pl_status pl_whatif_measure(const pl_instance *instance,
                            const pl_schedule *schedule,
                            const pl_instance *base_instance,
                            const pl_schedule *base, double threshold,
                            const char *label, const char *file,
                            pl_whatif_column *column);

/* `reference`, a schedule of another instance (the base), re-read against
 * `instance` (the scenario) by id: rows whose trainee, site or rotation is
 * gone are dropped, a supervisor that is gone is left unnamed.  *out
 * belongs to the caller (pl_schedule_free); *n_dropped (may be NULL)
 * receives the number of rows dropped. */
pl_status pl_whatif_rebase(const pl_schedule *reference,
                           const pl_instance *instance, pl_schedule **out,
                           size_t *n_dropped);

/* What `scenario` (the base patched) changes against `base`, read back
 * from the two loaded instances, one line per change in planners' words
 * ("site vc-kalix capacity for pc: closed 2027-06 to 2027-08 (was 2)",
 * "supervisor anna leaves: not there from 2027-04 on (end 2027-03)").
 * *lines (each line and the array) belongs to the caller; *n may be 0. */
pl_status pl_whatif_describe(const pl_instance *base, const pl_instance *scenario,
                             char ***lines, size_t *n);

/* One column as compact JSON text (what `--json` holds per column) and
 * back; used to pass results between processes.  *text belongs to the
 * caller (free()). */
pl_status pl_whatif_column_to_json(const pl_whatif_column *column, char **text);
pl_status pl_whatif_column_from_json(const char *text, size_t length,
                                     pl_whatif_column *column);

/* The side-by-side table for people, one column per entry (the base
 * first), written to a stream owned by the caller. */
pl_status pl_whatif_write_table(const pl_whatif_column *columns, size_t n,
                                double threshold, FILE *out);

/* The same figures as JSON (format "placera-whatif/1") written to `path`
 * through a temporary file renamed over it; "-" or NULL = standard output. */
pl_status pl_whatif_write_json(const pl_whatif_column *columns, size_t n,
                               double threshold, const char *path,
                               pl_diags *diags);

/* The same comparison as one self-contained HTML page (`--html FILE`):
 * the figures, then per trainee the base's timeline and every scenario's
 * side by side with the periods placed differently from the base marked,
 * and who moves.  instances[i] and schedules[i] belong to columns[i]
 * ([0] the base; a schedule may be NULL: no placements drawn).  Written
 * through a temporary file renamed over `path`. */
pl_status pl_whatif_write_html(const pl_instance *const *instances,
                               const pl_schedule *const *schedules,
                               const pl_whatif_column *columns, size_t n,
                               const char *path, pl_diags *diags);

#ifdef __cplusplus
}
#endif

#endif /* PLACERA_H */
