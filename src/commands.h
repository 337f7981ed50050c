/*
 * commands.h — the subcommands of the placera command line.
 *
 * Each takes the arguments after its name (argv[0] is the subcommand) and
 * returns the process exit status: 0 success, 1 no schedule / check failed,
 * 2 bad usage or bad input.  Commands use only include/placera.h.
 */
#ifndef PL_COMMANDS_H
#define PL_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "placera.h"

/* Options every command takes (main.c takes them out of argv). */
typedef struct cmd_common {
    unsigned long long max_input_size; /* bytes: --max-input-size */
} cmd_common;

/* The ranges of numeric options: --time-limit up to a year of seconds,
 * --gap up to 1000 (relative), --memory-limit up to 16 TiB in megabytes. */
#define CMD_MAX_SECONDS 31536000
#define CMD_MAX_GAP 1000
#define CMD_MAX_MEGABYTES 16777216

/* The largest --max-input-size: 1 PiB. */
#define CMD_MAX_INPUT_SIZE (1ULL << 50)

/* One option of a command for its --help: as typed, with its value
 * ("--time-limit SEC"), and what it does in one line. */
typedef struct cmd_option {
    const char *name;
    const char *text;
} cmd_option;

/* A command's help, kept in its own file (cmd_NAME.c): `placera NAME
 * --help` prints all of it on standard output, bad usage the usage lines
 * on standard error (cmd_help.c). */
typedef struct cmd_help {
    const char *name;
    const char *summary;        /* what the command does, one sentence */
    const char *usage;          /* its forms, one a line, each "placera NAME ..." */
    const cmd_option *options;  /* every option it takes, {NULL, NULL} last */
    const char *docs;           /* the docs to read: "docs/solver.md" */
} cmd_help;

extern const cmd_help cmd_solve_help;
extern const cmd_help cmd_validate_help;
extern const cmd_help cmd_check_help;
extern const cmd_help cmd_patch_help;
extern const cmd_help cmd_rescore_help;
extern const cmd_help cmd_report_help;
extern const cmd_help cmd_export_help;
extern const cmd_help cmd_import_help;
extern const cmd_help cmd_generate_help;
extern const cmd_help cmd_whatif_help;

/* cmd_help.c: the whole help of a command: usage, what it does, every
 * option (also the common ones) one a line, the docs to read. */
void cmd_help_print(const cmd_help *help, FILE *out);

/* cmd_help.c: one line of `placera --help`'s list: the command's name
 * and what it does (broken into lines of at most 79 characters). */
void cmd_help_list_line(const cmd_help *help, FILE *out);

/* cmd_help.c: bad usage: the usage lines and where the options are
 * explained, on standard error; returns 2 (the exit status). */
int cmd_usage(const cmd_help *help);

/* cmd_help.c: `placera help format`: where the formats are documented
 * and the sections of docs/format.md. */
void cmd_help_format(FILE *out);

int cmd_solve(int argc, char **argv, const cmd_common *common);
int cmd_validate(int argc, char **argv, const cmd_common *common);
int cmd_check(int argc, char **argv, const cmd_common *common);
int cmd_report(int argc, char **argv, const cmd_common *common);
int cmd_export(int argc, char **argv, const cmd_common *common);
int cmd_import(int argc, char **argv, const cmd_common *common);
int cmd_generate(int argc, char **argv, const cmd_common *common);
int cmd_whatif(int argc, char **argv, const cmd_common *common);
int cmd_patch(int argc, char **argv, const cmd_common *common);
int cmd_rescore(int argc, char **argv, const cmd_common *common);

/* cmd_args.c: take the common options out of argv (argv[0] is the
 * command), set *common (defaults for what is not given) and return the
 * new argc; -1 with a message for a bad value. */
int cmd_take_common(int argc, char **argv, cmd_common *common);

/* cmd_args.c: a finite number >= 0 written whole in `text` into *out;
 * false (and *out unchanged) otherwise. */
bool cmd_parse_number(const char *text, double *out);

/* cmd_args.c: --format's value (json, csv or text) into *out; false with
 * a message naming `command` otherwise. */
bool cmd_parse_format(const char *command, const char *text, pl_format *out);

/* cmd_args.c: the same within [lo, hi]. */
bool cmd_parse_range(const char *text, double lo, double hi, double *out);

/* cmd_args.c: a size in bytes, 1 to CMD_MAX_INPUT_SIZE, with an optional
 * suffix K, M, G or T (powers of 1024). */
bool cmd_parse_size(const char *text, unsigned long long *out);

/* cmd_args.c: before any work, whether the files are fit: every input a
 * regular file within --max-input-size (pl_input_check), no output one of
 * the inputs (pl_outputs_check).  False with messages on standard error. */
bool cmd_files_ok(const char *command, const cmd_common *common,
                  const char *const *outputs, size_t n_outputs,
                  const char *const *inputs, size_t n_inputs);

/* cmd_args.c: the schedule's figures recomputed from the instance
 * (pl_rescore, `change` against `reference` from keep_until on) in place
 * of *schedule, when it has placements to recompute.  Returns 0, 1 after
 * printing the check's messages when a hard rule is broken (they name
 * `path`), or 2 when memory ran out. */
/* The check's messages as `placera check` prints them, naming `path`. */
void cmd_print_check(const pl_diags *list, const char *path);
int cmd_recompute(const pl_instance *instance, pl_schedule **schedule,
                  const pl_schedule *reference, int keep_until, const char *path,
                  const char *who);

/* Load the instance, the schedule (strictly) and the reference (may be
 * NULL; leniently), and recompute the schedule's figures (cmd_recompute):
 * what `report` and `export` show.  Returns 0 with *inst and *sched set,
 * else 1 or 2 (after saying why) with both NULL. */
int cmd_load_scored(const char *inst_path, const char *sched_path, const char *ref_path,
                    const char *keep, const char *who, pl_instance **inst,
                    pl_schedule **sched);

#endif /* PL_COMMANDS_H */
