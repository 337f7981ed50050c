/*
 * geography.c — the generator's map: Swedish regions cut into areas (a town
 * and its surroundings), each with one hospital and some vårdcentraler.  The
 * first area of each region holds the county hospital (länssjukhus), which
 * offers every hospital rotation; local hospitals (lasarett) offer internal
 * medicine, surgery, emergency and psychiatry, some also orthopaedics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/gen.h"

const char *const pli_gen_rotation_id[G_NROT] = {
    "internal-medicine", "surgery", "emergency", "orthopaedics", "psychiatry", "primary-care"};
const char *const pli_gen_rotation_name[G_NROT] = {
    "Internmedicin", "Kirurgi", "Akutsjukvård", "Ortopedi", "Psykiatri", "Allmänmedicin"};
const char *const pli_gen_program_id[P_NPROG] = {"AT", "BT", "ST-psykiatri", "ST-ortopedi",
                                                "introduktion"};

static const char *const towns[][2] = {
    {"lulea", "Luleå"}, {"kalix", "Kalix"}, {"pitea", "Piteå"}, {"gallivare", "Gällivare"},
    {"kiruna", "Kiruna"}, {"umea", "Umeå"}, {"skelleftea", "Skellefteå"},
    {"lycksele", "Lycksele"}, {"ostersund", "Östersund"}, {"sundsvall", "Sundsvall"},
    {"ornskoldsvik", "Örnsköldsvik"}, {"solleftea", "Sollefteå"}, {"gavle", "Gävle"},
    {"hudiksvall", "Hudiksvall"}, {"falun", "Falun"}, {"mora", "Mora"},
    {"karlstad", "Karlstad"}, {"arvika", "Arvika"}, {"torsby", "Torsby"}, {"orebro", "Örebro"},
    {"karlskoga", "Karlskoga"}, {"lindesberg", "Lindesberg"}, {"vasteras", "Västerås"},
    {"koping", "Köping"}, {"uppsala", "Uppsala"}, {"enkoping", "Enköping"}, {"solna", "Solna"},
    {"huddinge", "Huddinge"}, {"sodertalje", "Södertälje"}, {"norrtalje", "Norrtälje"},
    {"eskilstuna", "Eskilstuna"}, {"nykoping", "Nyköping"}, {"linkoping", "Linköping"},
    {"norrkoping", "Norrköping"}, {"motala", "Motala"}, {"jonkoping", "Jönköping"},
    {"varnamo", "Värnamo"}, {"eksjo", "Eksjö"}, {"vaxjo", "Växjö"}, {"ljungby", "Ljungby"},
    {"kalmar", "Kalmar"}, {"vastervik", "Västervik"}, {"visby", "Visby"},
    {"karlskrona", "Karlskrona"}, {"lund", "Lund"}, {"malmo", "Malmö"},
    {"helsingborg", "Helsingborg"}, {"kristianstad", "Kristianstad"}, {"halmstad", "Halmstad"},
    {"varberg", "Varberg"}, {"goteborg", "Göteborg"}, {"boras", "Borås"},
    {"trollhattan", "Trollhättan"}, {"skovde", "Skövde"}};
#define N_TOWNS ((int)(sizeof towns / sizeof towns[0]))

int pli_gen_month(const gen_world *w, int p)
{
    return (w->start_month - 1 + p) % 12 + 1;
}

pl_status pli_gen_geography(gen_world *w, int n_sites)
{
    int n_areas = (n_sites + 6) / 12;
    if (n_areas < 1)
        n_areas = 1;
    if (n_areas < 2 && n_sites >= 6)
        n_areas = 2;
    if (n_sites < 2 * n_areas)
        n_areas = n_sites / 2 > 0 ? n_sites / 2 : 1;
    int n_regions = (n_areas + 2) / 5;
    if (n_regions < 1)
        n_regions = 1;
    if (n_regions > 21)
        n_regions = 21;
    if (n_sites < 2)
        n_sites = 2;

    w->n_areas = n_areas;
    w->n_regions = n_regions;
    w->n_sites = n_sites;
    w->areas = calloc((size_t)n_areas, sizeof *w->areas);
    w->sites = calloc((size_t)n_sites, sizeof *w->sites);
    if (!w->areas || !w->sites)
        return PL_ERR_NOMEM;
    for (int s = 0; s < n_sites; s++) {
        w->sites[s].demand = calloc((size_t)G_NROT * w->length, sizeof(int));
        if (!w->sites[s].demand)
            return PL_ERR_NOMEM;
    }

    /* Hospitals: sites 0 .. n_areas-1, one per area. */
    int region_first_area = 0;
    for (int a = 0; a < n_areas; a++) {
        gen_area *area = &w->areas[a];
        int region = (int)((long)a * n_regions / n_areas);
        int t = a % N_TOWNS, lap = a / N_TOWNS;
        if (a == 0 || region != w->areas[a - 1].region)
            region_first_area = a;
        area->region = region;
        if (lap == 0) {
            snprintf(area->id, sizeof area->id, "%s", towns[t][0]);
            snprintf(area->name, sizeof area->name, "%s", towns[t][1]);
        } else {
            snprintf(area->id, sizeof area->id, "%s%d", towns[t][0], lap + 1);
            snprintf(area->name, sizeof area->name, "%s %d", towns[t][1], lap + 1);
        }
        gen_site *h = &w->sites[a];
        h->area = a;
        h->region = region;
        h->hospital = true;
        h->county = a == region_first_area;
        area->hospital = a;
        area->county = region_first_area;
        snprintf(h->id, sizeof h->id, "sh-%s", area->id);
        if (h->county)
            snprintf(h->name, sizeof h->name, "Länssjukhuset %s", area->name);
        else
            snprintf(h->name, sizeof h->name, "%s lasarett", area->name);
        h->offers[G_IM] = h->offers[G_SU] = h->offers[G_EM] = h->offers[G_PSY] = true;
        h->offers[G_OR] = h->county || pli_rng_chance(&w->rng, 0.4);
    }

    /* Vårdcentraler: the rest, spread evenly over the areas. */
    int n_vc = n_sites - n_areas, s = n_areas;
    for (int a = 0; a < n_areas; a++) {
        gen_area *area = &w->areas[a];
        int count = n_vc / n_areas + (a < n_vc % n_areas ? 1 : 0);
        area->first_vc = s;
        area->n_vc = count;
        for (int k = 0; k < count; k++, s++) {
            gen_site *v = &w->sites[s];
            v->area = a;
            v->region = area->region;
            snprintf(v->id, sizeof v->id, "vc-%s-%d", area->id, k + 1);
            snprintf(v->name, sizeof v->name, "Vårdcentralen %s %d", area->name, k + 1);
            v->offers[G_PC] = true;
        }
    }
    return PL_OK;
}

void pli_gen_free(gen_world *w)
{
    for (int s = 0; w->sites && s < w->n_sites; s++)
        free(w->sites[s].demand);
    free(w->sites);
    free(w->areas);
    free(w->trainees);
    memset(w, 0, sizeof *w);
}
