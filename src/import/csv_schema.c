/*
 * csv_schema.c — the files and columns of an instance's spreadsheet folder
 * (docs/spreadsheets.md; format.md section 2 for what each member means).
 * The columns that say whose row it is (id, site, trainee, ...) are handled
 * by each file's importer and exporter; the lists here are the members of
 * the row's object.
 */
#include <string.h>
#include <strings.h>

#include "import/csv_schema.h"

const char *const pli_csv_file_names[PL_CSV_N_FILES] = {
    "instance.csv", "rotations.csv", "sites.csv", "capacity.csv",
    "posts.csv", "supervisors.csv", "programs.csv", "requirements.csv",
    "choices.csv", "trainees.csv", "leave.csv", "pins.csv",
    "preferences.csv"};

bool pli_csv_file_required(pl_csv_file file)
{
    return file == PL_CSV_INSTANCE || file == PL_CSV_ROTATIONS ||
           file == PL_CSV_SITES || file == PL_CSV_PROGRAMS ||
           file == PL_CSV_TRAINEES;
}

const pl_csv_field pli_csv_rotation_fields[] = {
    {"name", "name", PL_CSV_STRING, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_site_fields[] = {
    {"name", "name", PL_CSV_STRING, 0},
    {"area", "area", PL_CSV_STRING, 0},
    {"priority", "priority", PL_CSV_NUMBER, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {"capacity", "capacity", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"posts", "posts", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"ranking", "ranking", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_supervisor_fields[] = {
    {"name", "name", PL_CSV_STRING, 0},
    {"site", "site", PL_CSV_ID, 0},
    {"rotations", "rotations", PL_CSV_IDS, 0},
    {"programs", "programs", PL_CSV_IDS, 0},
    {"max_trainees", "max_trainees", PL_CSV_INT, 0},
    {"mentees", "mentees", PL_CSV_INT, 0},
    {"start", "start", PL_CSV_TIME, 0},
    {"end", "end", PL_CSV_TIME, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {"unavailable", "unavailable", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_program_fields[] = {
    {"max_per_site", "max_per_site", PL_CSV_INT, 0},
    {"mentor", "mentor", PL_CSV_BOOL, 0},
    {"choices", "choices", PL_CSV_EMPTY, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {"requirements", "requirements", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_rule_fields[] = {
    {"min", "min", PL_CSV_INT, PL_CSV_NULLABLE},
    {"max", "max", PL_CSV_INT, PL_CSV_NULLABLE},
    {"block_min", "block_min", PL_CSV_INT, PL_CSV_NULLABLE},
    {"block_max", "block_max", PL_CSV_INT, PL_CSV_NULLABLE},
    {"sites", "sites", PL_CSV_IDS, PL_CSV_NULLABLE},
    {"at_home", "at_home", PL_CSV_BOOL, PL_CSV_NULLABLE},
    {"after", "after", PL_CSV_IDS, PL_CSV_NULLABLE},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_choice_fields[] = {
    {"rotations", "rotations", PL_CSV_IDS, 0},
    {"pick", "pick", PL_CSV_INT, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_trainee_fields[] = {
    {"name", "name", PL_CSV_STRING, 0},
    {"program", "program", PL_CSV_ID, 0},
    {"start", "start", PL_CSV_TIME, 0},
    {"end", "end", PL_CSV_TIME, 0},
    {"home", "home", PL_CSV_ID, 0},
    {"home_choices", "home_choices", PL_CSV_IDS, 0},
    {"areas", "areas", PL_CSV_STRINGS, 0},
    {"mentor_id", "mentor_id", PL_CSV_ID, 0},
    {"max_per_site", "max_per_site", PL_CSV_INT, PL_CSV_NULLABLE},
    {"mentor", "mentor", PL_CSV_BOOL, PL_CSV_NULLABLE},
    {"choices", "choices", PL_CSV_EMPTY, PL_CSV_NULLABLE},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {"unavailable", "unavailable", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"requirements", "requirements", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"fixed", "fixed", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"preferences", "preferences", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"completed", "completed", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {"weights", "weights", PL_CSV_EMPTY, PL_CSV_OPTIONAL},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_range_fields[] = {
    {"from", "from", PL_CSV_TIME, 0},
    {"to", "to", PL_CSV_TIME, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {NULL, NULL, 0, 0}};

const pl_csv_field pli_csv_pin_fields[] = {
    {"site", "site", PL_CSV_ID, 0},
    {"rotation", "rotation", PL_CSV_ID, 0},
    {"from", "from", PL_CSV_TIME, 0},
    {"to", "to", PL_CSV_TIME, 0},
    {"comment", "$comment", PL_CSV_STRING, 0},
    {NULL, NULL, 0, 0}};

/* trainees.csv: previous.site, previous.rotation, previous.periods */
const pl_csv_field pli_csv_previous_fields[] = {
    {"site", "site", PL_CSV_ID, 0},
    {"rotation", "rotation", PL_CSV_ID, 0},
    {"periods", "periods", PL_CSV_INT, 0},
    {NULL, NULL, 0, 0}};

const char *pli_csv_after_prefix(const char *header, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncasecmp(header, prefix, n) == 0 ? header + n : NULL;
}

static bool user_key(const char *key)
{
    return !strncmp(key, "x-", 2);
}

bool pli_csv_setting_type(const char *key, pl_csv_type *type)
{
    static const struct {
        const char *key;
        pl_csv_type type;
    } known[] = {
        {"format", PL_CSV_STRING}, {"name", PL_CSV_STRING},
        {"$comment", PL_CSV_STRING}, {"horizon.start", PL_CSV_TIME},
        {"horizon.unit", PL_CSV_STRING}, {"horizon.step", PL_CSV_INT},
        {"horizon.length", PL_CSV_INT}, {"horizon.open_end", PL_CSV_BOOL},
        {"allocation.stable", PL_CSV_BOOL}, {"weights", PL_CSV_EMPTY},
        {"allocation", PL_CSV_EMPTY}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!strcmp(key, known[i].key)) {
            *type = known[i].type;
            return true;
        }
    const char *dot = strchr(key, '.');
    const char *last = dot ? dot + 1 : key;
    if (user_key(last)) {
        *type = PL_CSV_ANY;
        return !dot || !strncmp(key, "horizon.", 8) || !strncmp(key, "weights.", 8) ||
               !strncmp(key, "allocation.", 11);
    }
    if (!strcmp(last, "$comment") && dot) {
        *type = PL_CSV_STRING;
        return !strncmp(key, "horizon.", 8) || !strncmp(key, "weights.", 8) ||
               !strncmp(key, "allocation.", 11);
    }
    if (!strncmp(key, "weights.", 8) && last[0]) {
        *type = PL_CSV_NUMBER;
        return true;
    }
    return false;
}
