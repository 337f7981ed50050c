/*
 * cmd_help.c — printing a command's help (the texts live in each
 * command's file, cmd_NAME.c) and `placera help format`, which says where
 * the formats are documented.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

/* The options every command takes (main.c and cmd_args.c handle them). */
static const cmd_option common_options[] = {
    {"--max-input-size BYTES", "refuse larger inputs (default 1G; K, M, G, T)"},
    {"-h, --help", "show this help"},
    {NULL, NULL},
};

/* The usage lines: "usage: " before the first form, spaces before the
 * others. */
static void print_usage(const cmd_help *help, FILE *out)
{
    const char *line = help->usage;
    for (int i = 0; *line; i++) {
        size_t n = strcspn(line, "\n");
        fprintf(out, "%s%.*s\n", i ? "       " : "usage: ", (int)n, line);
        line += n;
        if (*line)
            line++;
    }
}

#define LINE 79     /* the longest line help prints */
#define NAME_COL 22 /* the widest option name before its text moves down */

/* Print `text` from column `at` on, broken at spaces into lines of at most
 * LINE characters, each further line indented by `indent`; then a newline. */
static void wrap(const char *text, size_t at, size_t indent, FILE *out)
{
    size_t col = at;
    bool first = true;
    while (*text) {
        size_t n = strcspn(text, " ");
        if (!first && col + 1 + n > LINE) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        fprintf(out, "%.*s", (int)n, text);
        col += n;
        first = false;
        text += n;
        while (*text == ' ')
            text++;
    }
    fputc('\n', out);
}

static size_t widest(const cmd_option *options, size_t width)
{
    for (size_t i = 0; options[i].name; i++) {
        size_t n = strlen(options[i].name);
        if (n > width && n <= NAME_COL)
            width = n;
    }
    return width;
}

/* One option a line: its name, then its text from column 4 + width on (on
 * the next line when the name is wider). */
static void print_options(const cmd_option *options, int width, FILE *out)
{
    for (size_t i = 0; options[i].name; i++) {
        size_t indent = 4 + (size_t)width;
        if (strlen(options[i].name) > (size_t)width)
            fprintf(out, "  %s\n%*s", options[i].name, (int)indent, "");
        else
            fprintf(out, "  %-*s  ", width, options[i].name);
        wrap(options[i].text, indent, indent, out);
    }
}

void cmd_help_print(const cmd_help *help, FILE *out)
{
    int width = (int)widest(common_options, widest(help->options, 0));
    print_usage(help, out);
    fputc('\n', out);
    wrap(help->summary, 0, 0, out);
    fprintf(out, "\noptions:\n");
    print_options(help->options, width, out);
    print_options(common_options, width, out);
    fprintf(out, "\nread: ");
    wrap(help->docs, 6, 6, out);
    fprintf(out, "the file formats: docs/format.md (placera help format)\n"
                 "exit status: 0 done, 1 no result (or the check failed), "
                 "2 bad usage or input\n");
}

void cmd_help_list_line(const cmd_help *help, FILE *out)
{
    fprintf(out, "  %-9s ", help->name);
    wrap(help->summary, 12, 12, out);
}

int cmd_usage(const cmd_help *help)
{
    print_usage(help, stderr);
    fprintf(stderr, "(placera %s --help explains every option)\n", help->name);
    return 2;
}

/* The sections of docs/format.md, as its headings name them
 * (tests/sh/help.sh compares the two). */
static const char *const format_sections[] = {
    "1. Conventions",
    "2. The instance",
    "   2.1 horizon",
    "   2.2 rotations",
    "   2.3 sites",
    "   2.4 supervisors",
    "   2.5 programs",
    "   2.6 trainees",
    "   2.7 allocation (the annual allocation of homes)",
    "   2.8 main supervisors",
    "   2.9 weights",
    "3. What a schedule must satisfy (hard) and what it costs (soft)",
    "   3.1 Eligibility",
    "   3.2 Capacity and supervision",
    "   3.3 Blocks",
    "   3.4 Amounts",
    "   3.5 Order",
    "   3.6 Choices",
    "   3.7 Pinned placements",
    "   3.8 The objective: cost, minimized",
    "   3.9 Precise points",
    "4. The schedule (output)",
    "5. What-if",
    "   5.1 Scenarios",
    "   5.2 Reference schedule",
    "6. The command line",
    "7. Choices placera made where the contract is silent",
    NULL,
};

void cmd_help_format(FILE *out)
{
    fprintf(out, "The file formats (instance, scenario, schedule), the rules a schedule keeps,\n"
                 "what it costs and the command line are documented in docs/format.md of\n"
                 "placera's source, in these sections:\n\n");
    for (size_t i = 0; format_sections[i]; i++)
        fprintf(out, "  %s\n", format_sections[i]);
    fprintf(out, "\nAlso: docs/examples.md (from an instance to a checked schedule),\n"
                 "docs/spreadsheets.md (an instance as CSV files), docs/rules.md (where each\n"
                 "rule lives in the model and the checker), docs/explanations.md (why a\n"
                 "requirement is unmet).\n");
}
