/*
 * test_csv.c — instances as spreadsheet folders (docs/spreadsheets.md):
 * `export csv INSTANCE` then `import csv` gives back the same JSON
 * (jansson's json_equal: same members, same array order, integers stay
 * integers) for every bundled instance (instances/, instances/scenarios/,
 * tests/cases/, tests/csv/), with ',' and with ';' (decimal commas); files with a byte
 * order mark and in Windows-1252 import to the same instance; bad cells,
 * bad quotes and the validator's messages point at FILE:LINE:COLUMN; an
 * export never writes into a folder that has files; texts that a
 * spreadsheet would take for formulas get a ' that the import takes off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/csv_table.h"
#include "placera.h"

static char *make_tmpdir(void)
{
    char tmpl[] = "/tmp/placera-csv-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static void print_diags(const pl_diags *diags)
{
    pl_diags_print(diags, stderr);
}

/* Export `path` to DIR/sheets with `options`, import it back; the JSON of
 * the import (caller frees) or NULL. */
static char *round_trip(const char *path, const pl_csv_options *options,
                        const char *dir)
{
    char sheets[4096];
    char *json = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(sheets, sizeof sheets, "%s/sheets", dir);
    pl_status st = pl_export_instance_csv(path, options, sheets, &diags);
    if (st != PL_OK) {
        print_diags(&diags);
        fail_msg("export of %s: %s", path, pl_strerror(st));
    }
    pl_diags_clear(&diags);
    st = pl_import_csv(sheets, &json, &diags);
    if (st != PL_OK) {
        print_diags(&diags);
        fail_msg("import of the export of %s: %s", path, pl_strerror(st));
    }
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_ERROR), 0);
    pl_diags_free(&diags);
    return json;
}

static void assert_same_instance(const char *path, const char *json)
{
    json_error_t err;
    json_t *a = json_load_file(path, 0, &err);
    json_t *b = json_loads(json, 0, &err);
    assert_non_null(a);
    assert_non_null(b);
    if (!json_equal(a, b))
        fail_msg("%s: the round trip changed the instance:\n%s", path, json);
    json_decref(a);
    json_decref(b);
}

/* Whether a JSON file is an instance (not a schedule). */
static int is_instance(const char *path)
{
    json_t *j = json_load_file(path, 0, NULL);
    int yes = j && json_is_string(json_object_get(j, "format")) &&
              !strcmp(json_string_value(json_object_get(j, "format")), "placera/1");
    json_decref(j);
    return yes;
}

static int round_trip_folder(const char *folder, const pl_csv_options *options)
{
    DIR *d = opendir(folder);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        char path[4096];
        if (len < 5 || strcmp(e->d_name + len - 5, ".json"))
            continue;
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        if (!is_instance(path))
            continue;
        char *dir = make_tmpdir();
        char *json = round_trip(path, options, dir);
        assert_same_instance(path, json);
        free(json);
        remove_tree(dir);
        free(dir);
        n++;
    }
    closedir(d);
    return n;
}

static void test_round_trip_every_instance(void **state)
{
    (void)state;
    int n = round_trip_folder("instances", NULL);
    assert_true(n >= 3);
    assert_true(round_trip_folder("instances/scenarios", NULL) >= 1); /* vgr-st-base */
    assert_true(round_trip_folder("tests/cases", NULL) >= 40);
    assert_true(round_trip_folder("tests/csv", NULL) >= 2);
}

static void write_file(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

/* What placera itself writes: a generated region and an MSSP import (with
 * empty lists of leave and an empty requirements object). */
static void test_round_trip_generated_and_imported(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), path[4096];
    char *texts[2] = {NULL, NULL};
    pl_generate_params params;
    pl_diags diags;
    pl_diags_init(&diags);
    pl_generate_params_init(&params);
    params.tier = PL_TIER_REGION;
    params.seed = 2;
    assert_int_equal(pl_generate(&params, &texts[0], &diags), PL_OK);
    assert_int_equal(pl_import_mssp("tests/fuzz/corpus/mssp/I40_12_1.dzn", &texts[1],
                                    &diags), PL_OK);
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/source-%d.json", dir, i);
        write_file(path, texts[i], strlen(texts[i]));
        char *sub = make_tmpdir();
        char *json = round_trip(path, NULL, sub);
        assert_same_instance(path, json);
        free(json);
        remove_tree(sub);
        free(sub);
        free(texts[i]);
    }
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

static void test_round_trip_semicolon(void **state)
{
    (void)state;
    pl_csv_options options;
    pl_csv_options_init(&options);
    options.separator = ';';
    options.bom = true;
    assert_true(round_trip_folder("instances", &options) >= 3);
    assert_true(round_trip_folder("tests/csv", &options) >= 1);

    /* decimals are written with a comma, and the separator is ';' */
    char *dir = make_tmpdir(), path[4096], line[4096];
    char *json = round_trip("tests/csv/everything.json", &options, dir);
    free(json);
    snprintf(path, sizeof path, "%s/sheets/instance.csv", dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    int found = 0;
    while (fgets(line, sizeof line, f))
        found |= strstr(line, "weights.fairness;\"0,5\"") != NULL;
    fclose(f);
    assert_true(found);
    remove_tree(dir);
    free(dir);
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *n = fread(buf, 1, 1 << 20, f);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

/* Export norrbotten to DIR/sheets; rewrite one file with `rewrite`;
 * import; it must give back the instance, with `note` among the notes. */
static void reimport_rewritten(const char *file, char *(*rewrite)(const char *, size_t, size_t *),
                               const char *note)
{
    char *dir = make_tmpdir(), sheets[2048], path[4096];
    char *json = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(sheets, sizeof sheets, "%s/sheets", dir);
    assert_int_equal(pl_export_instance_csv("instances/norrbotten-bt.json", NULL, sheets,
                                            &diags), PL_OK);
    snprintf(path, sizeof path, "%s/%s", sheets, file);
    size_t n, m;
    char *text = read_file(path, &n);
    char *changed = rewrite(text, n, &m);
    write_file(path, changed, m);
    pl_diags_clear(&diags);
    pl_status st = pl_import_csv(sheets, &json, &diags);
    if (st != PL_OK)
        print_diags(&diags);
    assert_int_equal(st, PL_OK);
    assert_same_instance("instances/norrbotten-bt.json", json);
    int noted = note == NULL;
    for (size_t i = 0; i < diags.count; i++)
        if (diags.items[i].severity == PL_SEV_NOTE && note &&
            strstr(diags.items[i].message, note) && strstr(diags.items[i].file, file))
            noted = 1;
    assert_true(noted);
    free(json);
    free(text);
    free(changed);
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

static char *add_bom(const char *text, size_t n, size_t *m)
{
    char *out = malloc(n + 3);
    memcpy(out, "\xEF\xBB\xBF", 3);
    memcpy(out + 3, text, n);
    *m = n + 3;
    return out;
}

static char *to_cp1252(const char *text, size_t n, size_t *m)
{
    iconv_t cd = iconv_open("WINDOWS-1252", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *out = malloc(n + 1), *o = out, *in = (char *)text;
    size_t in_left = n, out_left = n;
    assert_true(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
    iconv_close(cd);
    *m = (size_t)(o - out);
    assert_true(*m < n); /* å, ä, ö became one byte each */
    return out;
}

static char *to_semicolons(const char *text, size_t n, size_t *m)
{
    /* sites.csv of norrbotten: its quoted names hold commas, not ';' */
    char *out = malloc(n + 1);
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = text[i];
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == ',')
            out[i] = ';';
    }
    *m = n;
    return out;
}

static void test_bom_file_imports(void **state)
{
    (void)state;
    reimport_rewritten("trainees.csv", add_bom, NULL);
}

static void test_windows_1252_file_imports(void **state)
{
    (void)state;
    reimport_rewritten("sites.csv", to_cp1252, "Windows-1252");
}

static void test_one_file_with_semicolons(void **state)
{
    (void)state;
    reimport_rewritten("sites.csv", to_semicolons, NULL);
}

/* ---- the reader on text ---- */

static void test_reader_lines_and_quotes(void **state)
{
    (void)state;
    const char *text = "a,b,c\r\n"
                       "1,\"two, with comma\",3\r\n"
                       "\r\n"
                       ",,\r\n"
                       "4,\"multi\nline\",\" spaced \"\n"
                       "  7 ,8\n";
    pl_csv_table t;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_csv_table_parse(text, strlen(text), "x.csv", &t, &diags), PL_OK);
    assert_int_equal(t.separator, ',');
    assert_int_equal(t.n_cols, 3);
    assert_int_equal(t.n_rows, 3); /* the blank and the empty-cells lines are dropped */
    assert_int_equal(t.rows[0].line, 2);
    assert_string_equal(t.rows[0].cells[1], "two, with comma");
    assert_int_equal(t.rows[1].line, 5);
    assert_string_equal(t.rows[1].cells[1], "multi\nline");
    assert_string_equal(t.rows[1].cells[2], " spaced ");
    assert_int_equal(t.rows[2].line, 7);
    assert_string_equal(t.rows[2].cells[0], "7");
    assert_int_equal(t.rows[2].n, 2);
    pli_csv_table_free(&t);
    pl_diags_free(&diags);
}

static void test_reader_semicolon_detected(void **state)
{
    (void)state;
    const char *text = "id;name;area\nx;\"Kalix, norra\";Kalix\n";
    pl_csv_table t;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_csv_table_parse(text, strlen(text), "x.csv", &t, &diags), PL_OK);
    assert_int_equal(t.separator, ';');
    assert_int_equal(t.n_cols, 3);
    assert_string_equal(t.rows[0].cells[1], "Kalix, norra");
    pli_csv_table_free(&t);
    pl_diags_free(&diags);
}

static void test_reader_bad_quote_position(void **state)
{
    (void)state;
    const char *text = "a,b,c\n1,2,3\n4,x\"y,6\n";
    pl_csv_table t;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_csv_table_parse(text, strlen(text), "q.csv", &t, &diags),
                     PL_ERR_INVALID);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_int_equal(diags.items[0].column, 2);
    pli_csv_table_free(&t);
    pl_diags_clear(&diags);

    const char *open = "a,b\n1,\"never closed\n";
    assert_int_equal(pli_csv_table_parse(open, strlen(open), "q.csv", &t, &diags),
                     PL_ERR_INVALID);
    assert_int_equal(diags.items[0].line, 2);
    assert_non_null(strstr(diags.items[0].message, "never closed"));
    pli_csv_table_free(&t);
    pl_diags_free(&diags);
}

static void test_reader_undefined_cp1252_byte(void **state)
{
    (void)state;
    /* 0x81 is neither UTF-8 here nor defined in Windows-1252 */
    const char *text = "a,b\nok,\x81x\n";
    pl_csv_table t;
    pl_diags diags;
    pl_diags_init(&diags);
    assert_int_equal(pli_csv_table_parse(text, strlen(text), "w.csv", &t, &diags),
                     PL_ERR_INVALID);
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_ERROR), 1);
    assert_int_equal(diags.items[diags.count - 1].line, 2);
    pli_csv_table_free(&t);
    pl_diags_free(&diags);
}

/* ---- errors of an import point at cells ---- */

static const char *find_diag(const pl_diags *diags, const char *file, int line,
                             int column, const char *words)
{
    for (size_t i = 0; i < diags->count; i++) {
        const pl_diag *d = &diags->items[i];
        size_t fl = d->file ? strlen(d->file) : 0, n = strlen(file);
        if (d->severity == PL_SEV_ERROR && fl >= n && !strcmp(d->file + fl - n, file) &&
            d->line == line && d->column == column && strstr(d->message, words))
            return d->message;
    }
    return NULL;
}

/* Replace the first `from` in DIR/file by `to`. */
static void edit(const char *dir, const char *file, const char *from, const char *to)
{
    char path[4096];
    size_t n;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *text = read_file(path, &n);
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t before = (size_t)(at - text), fl = strlen(from), tl = strlen(to);
    char *out = malloc(n - fl + tl + 1);
    memcpy(out, text, before);
    memcpy(out + before, to, tl);
    memcpy(out + before + tl, at + fl, n - before - fl);
    write_file(path, out, n - fl + tl);
    free(out);
    free(text);
}

static void test_bad_cells_all_at_once(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), sheets[4096];
    char *json = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(sheets, sizeof sheets, "%s/sheets", dir);
    assert_int_equal(pl_export_instance_csv("instances/norrbotten-bt.json", NULL, sheets,
                                            &diags), PL_OK);
    /* trainees.csv line 3 is elias; column 10 is max_per_site */
    edit(sheets, "trainees.csv", "elias,,BT,,,hc-kalix,,Kalix | Luleå,,",
         "elias,,BT,,,hc-kalix,,Kalix | Luleå,,many");
    /* requirements.csv line 2, column 5 (min) */
    edit(sheets, "requirements.csv", "BT,,primary-care,,3,", "BT,,primary-care,,three,");
    /* leave.csv: a trainee that does not exist, line 2 column 1 */
    edit(sheets, "leave.csv", "alva,,2027-07", "alma,,2027-07");
    pl_diags_clear(&diags);
    assert_int_equal(pl_import_csv(sheets, &json, &diags), PL_ERR_INVALID);
    assert_null(json);
    assert_non_null(find_diag(&diags, "trainees.csv", 3, 10, "max_per_site"));
    assert_non_null(find_diag(&diags, "requirements.csv", 2, 5, "whole number"));
    assert_non_null(find_diag(&diags, "leave.csv", 2, 1, "no trainee \"alma\""));
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_ERROR), 3);
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

static void test_validator_messages_at_cells(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), sheets[4096];
    char *json = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(sheets, sizeof sheets, "%s/sheets", dir);
    assert_int_equal(pl_export_instance_csv("instances/norrbotten-bt.json", NULL, sheets,
                                            &diags), PL_OK);
    /* a program that does not exist: trainees.csv line 4 (saga), column 3 */
    edit(sheets, "trainees.csv", "saga,,BT,", "saga,,BTX,");
    /* a July capacity above... a negative capacity: capacity.csv line 5, column 11 (2027-07) */
    edit(sheets, "capacity.csv", "3,3,3,3,3,3,2,", "3,3,3,3,3,3,-2,");
    pl_diags_clear(&diags);
    assert_int_equal(pl_import_csv(sheets, &json, &diags), PL_ERR_INVALID);
    assert_non_null(find_diag(&diags, "trainees.csv", 4, 3, "BTX"));
    assert_non_null(find_diag(&diags, "capacity.csv", 5, 11, ""));
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

static void test_unknown_column_and_missing_file(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), sheets[2048], path[4096];
    char *json = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(sheets, sizeof sheets, "%s/sheets", dir);
    assert_int_equal(pl_export_instance_csv("instances/norrbotten-bt.json", NULL, sheets,
                                            &diags), PL_OK);
    edit(sheets, "sites.csv", "id,name,area,priority", "id,name,area,prio");
    snprintf(path, sizeof path, "%s/programs.csv", sheets);
    unlink(path);
    pl_diags_clear(&diags);
    assert_int_equal(pl_import_csv(sheets, &json, &diags), PL_ERR_INVALID);
    assert_non_null(find_diag(&diags, "sites.csv", 1, 4, "unknown column \"prio\""));
    assert_non_null(find_diag(&diags, "programs.csv", 0, 0, "missing"));
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

/* Planners' note columns where rows have no object (capacity.csv) are
 * ignored with a warning; an empty setting is not given; months as Excel
 * writes them read as the months they are. */
static void test_notes_and_empty_settings(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), sheets[2048];
    char *json = NULL;
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(sheets, sizeof sheets, "%s/sheets", dir);
    assert_int_equal(pl_export_instance_csv("instances/norrbotten-bt.json", NULL, sheets,
                                            &diags), PL_OK);
    edit(sheets, "capacity.csv", "2027-12\r\n", "2027-12,x-note\r\n");
    edit(sheets, "capacity.csv", "hc-heden,primary-care,max,3,,,,,,,,,,,,\r\n",
         "hc-heden,primary-care,max,3,,,,,,,,,,,,,ring Eva först\r\n");
    edit(sheets, "instance.csv", "weights.priority,1\r\n", "weights.priority,1\r\nweights.idle,\r\n");
    /* months as Excel saves them: jul-27 (Swedish), Oct-27 (English) */
    edit(sheets, "capacity.csv", ",2027-07,", ",jul-27,");
    edit(sheets, "leave.csv", "wilma,,2027-03,2027-10", "wilma,,2027-03,Oct-27");
    pl_diags_clear(&diags);
    assert_int_equal(pl_import_csv(sheets, &json, &diags), PL_OK);
    assert_same_instance("instances/norrbotten-bt.json", json);
    int warned = 0;
    for (size_t i = 0; i < diags.count; i++)
        warned += diags.items[i].severity == PL_SEV_WARNING && diags.items[i].line == 1 &&
                  diags.items[i].column == 17 && strstr(diags.items[i].message, "x-note");
    assert_int_equal(warned, 1);
    free(json);
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

static void test_export_never_overwrites(void **state)
{
    (void)state;
    char *dir = make_tmpdir(), path[4096];
    pl_diags diags;
    pl_diags_init(&diags);
    snprintf(path, sizeof path, "%s/keep.txt", dir);
    write_file(path, "mine\n", 5);
    assert_int_equal(pl_export_instance_csv("instances/norrbotten-bt.json", NULL, dir,
                                            &diags), PL_ERR_IO);
    assert_int_equal(pl_diags_count_severity(&diags, PL_SEV_ERROR), 1);
    /* the folder holds only what it held, and nothing was left next to it */
    DIR *d = opendir(dir);
    int entries = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        entries += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    assert_int_equal(entries, 1);
    pl_diags_free(&diags);
    remove_tree(dir);
    free(dir);
}

/* Whether `text` has `line` as a whole line. */
static int has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; p; p = strchr(p, '\n')) {
        if (*p == '\n')
            p++;
        if (!strncmp(p, line, n) && (p[n] == '\r' || p[n] == '\n'))
            return 1;
    }
    return 0;
}

/* Texts a spreadsheet would take for formulas (= + - @ first) are written
 * with a ' in front, numbers (-1, -2) as they are, a text that begins with '
 * before such a character with one more; the import takes one ' off, so the
 * instance comes back the same, also with ';' (tests/csv/formulas.json). */
static void test_formulas_neutralised(void **state)
{
    (void)state;
    static const char *const src = "tests/csv/formulas.json";
    pl_csv_options semicolon;
    pl_csv_options_init(&semicolon);
    semicolon.separator = ';';
    const pl_csv_options *options[] = {NULL, &semicolon};
    for (size_t k = 0; k < 2; k++) {
        char *dir = make_tmpdir(), path[4096], want[256];
        char *json = round_trip(src, options[k], dir);
        assert_same_instance(src, json);
        const char s = k ? ';' : ',';
        size_t n;
        snprintf(path, sizeof path, "%s/sheets/trainees.csv", dir);
        char *trainees = read_file(path, &n);
        snprintf(want, sizeof want,
                 "'-a1%c'=SUM(1)%cBT%c%c%c'-s1%c%c'-north | south%c'-u1%c%c%c%c"
                 "''=already quoted%c-1%c\"\"\"\\tTab\"\"\"%c",
                 s, s, s, s, s, s, s, s, s, s, s, s, s, s, s);
        if (!has_line(trainees, want))
            fail_msg("trainees.csv has no line %s:\n%s", want, trainees);
        snprintf(want, sizeof want, "b2%c'''-two quotes%cBT", s, s);
        assert_non_null(strstr(trainees, want));
        snprintf(want, sizeof want, "%c'not a formula", s); /* as it is */
        assert_non_null(strstr(trainees, want));
        snprintf(path, sizeof path, "%s/sheets/preferences.csv", dir);
        char *prefs = read_file(path, &n);
        snprintf(want, sizeof want, "'-a1%cs2%c%c-2", s, s, s); /* a number as it is */
        assert_true(has_line(prefs, want));
        free(prefs);
        free(trainees);
        free(json);
        remove_tree(dir);
        free(dir);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_every_instance),
        cmocka_unit_test(test_round_trip_generated_and_imported),
        cmocka_unit_test(test_round_trip_semicolon),
        cmocka_unit_test(test_bom_file_imports),
        cmocka_unit_test(test_windows_1252_file_imports),
        cmocka_unit_test(test_one_file_with_semicolons),
        cmocka_unit_test(test_reader_lines_and_quotes),
        cmocka_unit_test(test_reader_semicolon_detected),
        cmocka_unit_test(test_reader_bad_quote_position),
        cmocka_unit_test(test_reader_undefined_cp1252_byte),
        cmocka_unit_test(test_bad_cells_all_at_once),
        cmocka_unit_test(test_validator_messages_at_cells),
        cmocka_unit_test(test_unknown_column_and_missing_file),
        cmocka_unit_test(test_notes_and_empty_settings),
        cmocka_unit_test(test_export_never_overwrites),
        cmocka_unit_test(test_formulas_neutralised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
