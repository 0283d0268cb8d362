/*
 * dict.h - the data dictionary: what a dataset's variables are.
 *
 * Filled from a Data Package's Table Schema (datapackage.json) or by type
 * inference at import, stored in the catalog, read by the expression
 * compiler, the statistics and every renderer.
 */
#ifndef LT_DICT_H
#define LT_DICT_H

#include <stddef.h>

#include "buf.h"

/* What a variable means. */
enum lt_vtype {
	LT_VT_INTEGER,	/* whole numbers: age, counts */
	LT_VT_NUMBER,	/* real numbers: BMI, rates */
	LT_VT_CATEGORY,	/* a fixed set of values, maybe with labels */
	LT_VT_DATE,	/* ISO 8601 dates, YYYY-MM-DD */
	LT_VT_TEXT	/* free text: shown, never analysed */
};

/* How its values are stored in the SQLite row table. */
enum lt_storage {
	LT_ST_INT,	/* INTEGER */
	LT_ST_REAL,	/* REAL */
	LT_ST_TEXT	/* TEXT (categories with text values, dates, text) */
};

/* One allowed value of a categorical variable and its label. */
typedef struct lt_level {
	char *value;	/* as stored, in text form: "2", "female" */
	char *label;	/* for people: "current smoker"; never NULL */
	int code;	/* the number standing for it in the column's stored
			   codes (catalog.h), or -1 */
} lt_level;

typedef struct lt_var {
	char *name;		/* column name, as in the CSV header */
	char *label;		/* title for people; never NULL (name if unset) */
	char *description;	/* may be NULL */
	char *unit;		/* may be NULL: "kg/m2", "mmHg" */
	int type;		/* enum lt_vtype */
	int storage;		/* enum lt_storage */
	lt_level *levels;	/* categories (labels), may be empty */
	size_t nlevels;
	char **missing;		/* codes that mean missing, besides "" and "NA" */
	size_t nmissing;
	double offset;		/* stored column chunks hold value - offset: an
				   integer subtracted exactly in decimal at import,
				   so 10000000.2 is kept as 0.2 (see import.c) */
} lt_var;

/* "integer", "number", "category", "date", "text". */
const char *lt_vtype_name(int type);
/* The inverse; -1 when the name is unknown. */
int lt_vtype_parse(const char *name);
/* The level whose label or value equals s (case-insensitive), or NULL. */
const lt_level *lt_var_find_level(const lt_var *v, const char *s);
/* 1 when the variable's values are stored as codes (catalog.h). */
int lt_var_coded(const lt_var *v);
/* The label for a stored value, or NULL when the value has no label. */
const char *lt_var_label_of(const lt_var *v, const char *value);
/* The variable called name (exact match first, then case-insensitive). */
const lt_var *lt_vars_find(const lt_var *vars, size_t n, const char *name);
/* The known variable name closest to name, for "did you mean" hints. */
const char *lt_vars_suggest(const lt_var *vars, size_t n, const char *name);
/* The name among cands[0..n-1] closest to name, or NULL if none is close. */
const char *lt_suggest(const char *name, const char *const *cands, size_t n);
/* Append name to b as a quoted SQL identifier ("x""y"). */
void lt_sql_ident(lt_buf *b, const char *name);
/* Free the contents of v (not v itself). */
void lt_var_clear(lt_var *v);
/* Deep copy of src into *dst. */
void lt_var_copy(lt_var *dst, const lt_var *src);
/* Add a level (copies the strings; label NULL means value). */
void lt_var_add_level(lt_var *v, const char *value, const char *label);

#endif
