/*
 * gen.h - lantern's deterministic generators of synthetic data.
 *
 * The bundled cohort is made here, with GSL's random number generators
 * (mt19937) and a fixed seed, so the same rows come out on every machine.
 * Relationships are built in on purpose, documented in the dataset's
 * metadata, so that tutorials discover real effects and tests can check them.
 */
#ifndef LT_GEN_H
#define LT_GEN_H

#include <stdio.h>

#include "error.h"

/* Generators by name: "cohort", "cohort-counts". */
typedef struct lt_gen_entry {
	const char *name;
	const char *help;	/* one line */
	int (*write)(FILE *out, long rows, unsigned long seed, lt_error *err);
} lt_gen_entry;

extern const lt_gen_entry lt_gen_table[];
extern const size_t lt_gen_count;

/* The generator called name, or NULL. */
const lt_gen_entry *lt_gen_find(const char *name);

/*
 * Write a synthetic person-level cohort of rows people as CSV (header first)
 * to out. Returns 0, or an LT_E* code with *err filled.
 */
int lt_gen_cohort(FILE *out, long rows, unsigned long seed, lt_error *err);
/*
 * Write the aggregated table derived from the cohort made with the same rows
 * and seed: counts of people by region x age band x sex x conditions, with
 * a "count" column used as a frequency weight.
 */
int lt_gen_cohort_counts(FILE *out, long rows, unsigned long seed, lt_error *err);

#endif
