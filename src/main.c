/*
 * main.c — the placera command: dispatch to a subcommand; `placera --help`
 * lists the commands, `placera CMD --help` and `placera help CMD` print a
 * command's help (kept in its file), `placera help format` where the
 * formats are documented.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

typedef struct command {
    int (*run)(int argc, char **argv, const cmd_common *common);
    const cmd_help *help; /* in the command's file */
} command;

static const command commands[] = {
    {cmd_solve, &cmd_solve_help},
    {cmd_validate, &cmd_validate_help},
    {cmd_whatif, &cmd_whatif_help},
    {cmd_patch, &cmd_patch_help},
    {cmd_rescore, &cmd_rescore_help},
    {cmd_check, &cmd_check_help},
    {cmd_report, &cmd_report_help},
    {cmd_export, &cmd_export_help},
    {cmd_import, &cmd_import_help},
    {cmd_generate, &cmd_generate_help},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out, "placera %s — placement and rotation scheduling for doctors in training\n\n"
                 "usage: placera COMMAND ARGUMENTS...\n\ncommands:\n", PL_VERSION);
    for (size_t i = 0; i < N_COMMANDS; i++)
        cmd_help_list_line(commands[i].help, out);
    fprintf(out, "\n  placera COMMAND --help   what COMMAND does, every option, the doc to read\n"
                 "                           (also: placera help COMMAND)\n"
                 "  placera help format      where the file formats are documented\n"
                 "  placera --version        the version\n");
    fprintf(out, "\nevery command also takes --max-input-size BYTES (default 1G; K, M, G, T suffixes)\n");
    fprintf(out, "\nexit status: 0 success, 1 no schedule or check failed, 2 bad usage or input\n");
}

static const command *find(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(name, commands[i].help->name))
            return &commands[i];
    return NULL;
}

static bool is_help(const char *arg)
{
    return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

/* `placera help [COMMAND|format]`. */
static int help(int argc, char **argv)
{
    const command *c = argc == 3 ? find(argv[2]) : NULL;
    if (argc == 2) {
        usage(stdout);
        return 0;
    }
    if (argc == 3 && !strcmp(argv[2], "format")) {
        cmd_help_format(stdout);
        return 0;
    }
    if (c) {
        cmd_help_print(c->help, stdout);
        return 0;
    }
    if (argc == 3)
        fprintf(stderr, "placera help: no help on '%s' (a command, or format)\n", argv[2]);
    else
        fprintf(stderr, "placera help: one topic at a time (a command, or format)\n");
    usage(stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (is_help(argv[1])) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "help"))
        return help(argc, argv);
    if (!strcmp(argv[1], "--version")) {
        printf("placera %s\n", PL_VERSION);
        return 0;
    }
    const command *c = find(argv[1]);
    if (c) {
        if (argc == 3 && is_help(argv[2])) { /* placera CMD --help */
            cmd_help_print(c->help, stdout);
            return 0;
        }
        cmd_common common;
        int n = cmd_take_common(argc - 1, argv + 1, &common);
        return n < 0 ? 2 : c->run(n, argv + 1, &common);
    }
    fprintf(stderr, "placera: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
