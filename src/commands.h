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

int cmd_solve(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int, char **);
int cmd_export(int, char **);
int cmd_import(int argc, char **argv);
int cmd_generate(int argc, char **argv);
int cmd_whatif(int argc, char **argv);

/* cmd_args.c: a finite number >= 0 written whole in `text` into *out;
 * false (and *out unchanged) otherwise. */
bool cmd_parse_number(const char *text, double *out);

/* cmd_args.c: false, with a message naming both files on standard error,
 * when an output is one of the inputs (pl_outputs_check); true otherwise.
 * Every command that writes calls it before any work. */
bool cmd_outputs_ok(const char *command, const char *const *outputs,
                    size_t n_outputs, const char *const *inputs, size_t n_inputs);

#endif /* PL_COMMANDS_H */
