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

int cmd_solve(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int, char **);
int cmd_export(int, char **);
int cmd_import(int argc, char **argv);
int cmd_generate(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_patch(int argc, char **argv);
int cmd_rescore(int argc, char **argv);

/* cmd_args.c: a finite number >= 0 written whole in `text` into *out;
 * false (and *out unchanged) otherwise. */
bool cmd_parse_number(const char *text, double *out);

/* cmd_args.c: the schedule's figures recomputed from the instance
 * (pl_rescore, `change` against `reference` from keep_until on) in place
 * of *schedule, when it has placements to recompute.  Returns 0, 1 after
 * printing the check's messages when a hard rule is broken (they name
 * `path`), or 2 when memory ran out. */
#include "placera.h"
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
