/*
 * validate_trainee.h — internal: the pieces of one trainee's validation
 * shared between validate_trainees.c and validate_trainee_extras.c.
 */
#ifndef PL_VALIDATE_TRAINEE_H
#define PL_VALIDATE_TRAINEE_H

#include "instance/validate.h"

void pli_vtrainee_completed(pl_loader *L, pl_trainee *t, json_t *obj);
void pli_vtrainee_previous(pl_loader *L, pl_trainee *t, json_t *obj);
void pli_vtrainee_preferences(pl_loader *L, pl_trainee *t, json_t *obj);
void pli_vtrainee_fixed(pl_loader *L, pl_trainee *t, json_t *arr);

#endif /* PL_VALIDATE_TRAINEE_H */
