/*
 * main.c — the placera command: dispatch to a subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "placera.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv, const cmd_common *common);
    const char *synopsis;
} command;

static const command commands[] = {
    {"solve", cmd_solve,
     "solve INSTANCE [-o FILE] [--time-limit SEC] [--gap REL]\n"
     "                      [--reference SCHEDULE [--keep-until T]]\n"
     "                      [--format json|csv|text] [--write-lp FILE] [--write-mps FILE]\n"
     "                      [--memory-limit MB] [--allocation-only] [--progress] [--quiet]"},
    {"validate", cmd_validate, "validate INSTANCE"},
    {"whatif", cmd_whatif,
     "whatif BASE SCENARIO... [--schedule FILE [--keep-until T]] [--json FILE]\n"
     "                      [--html FILE] [--time-limit SEC] [--jobs N] [--keep DIR]\n"
     "                      [--threshold PP] [--quiet]"},
    {"patch", cmd_patch, "patch BASE SCENARIO... [-o FILE] [--quiet]"},
    {"rescore", cmd_rescore,
     "rescore INSTANCE SCHEDULE [-o FILE] [--reference SCHEDULE [--keep-until T]]\n"
     "                      [--format json|csv|text] [--quiet]"},
    {"check", cmd_check, "check INSTANCE SCHEDULE [--reference SCHEDULE [--keep-until T]]"},
    {"report", cmd_report, "report INSTANCE SCHEDULE -o FILE.html [--group program|site|area] [--sort id|program|site]\n"
     "                      [--reference SCHEDULE [--keep-until T]]"},
    {"export", cmd_export,
     "export ics|csv INSTANCE SCHEDULE [-o DIR] [--bom] [--semicolon] [--reference SCHEDULE [--keep-until T]]\n"
     "                      (or: export csv INSTANCE -o DIR [--bom] [--semicolon]: the instance as spreadsheets)"},
    {"import", cmd_import,
     "import mssp FILE.dzn [-o INSTANCE.json]\n"
     "                      (or: import mssp --solution SOL.dzn FILE.dzn [-o SCHEDULE.json])\n"
     "                      (or: import csv DIR [-o INSTANCE.json]: spreadsheets as an instance)"},
    {"generate", cmd_generate,
     "generate [--tier small|region|national] [--trainees N] [--sites N] [--periods N]\n"
     "                      [--seed N] [-o FILE]"},
};

static void usage(FILE *out)
{
    fprintf(out, "placera %s — placement and rotation scheduling for doctors in training\n\n"
                 "usage:\n", PL_VERSION);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  placera %s\n", commands[i].synopsis);
    fprintf(out, "\nevery command also takes --max-input-size BYTES (default 1G; K, M, G, T suffixes)\n");
    fprintf(out, "\nexit status: 0 success, 1 no schedule or check failed, 2 bad usage or input\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("placera %s\n", PL_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name))
            continue;
        if (argc == 3 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
            printf("usage: placera %s\n", commands[i].synopsis); /* placera CMD --help */
            return 0;
        }
        cmd_common common;
        int n = cmd_take_common(argc - 1, argv + 1, &common);
        return n < 0 ? 2 : commands[i].run(n, argv + 1, &common);
    }
    fprintf(stderr, "placera: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
