/*
 * dict.c - helpers over the data dictionary.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dict.h"

static const char *const vtype_names[] = {
	[LT_VT_INTEGER] = "integer",
	[LT_VT_NUMBER] = "number",
	[LT_VT_CATEGORY] = "category",
	[LT_VT_DATE] = "date",
	[LT_VT_TEXT] = "text",
};

const char *
lt_vtype_name(int type)
{
	if (type < 0 || type > LT_VT_TEXT)
		return "unknown";
	return vtype_names[type];
}

int
lt_vtype_parse(const char *name)
{
	for (int i = 0; name != NULL && i <= LT_VT_TEXT; i++)
		if (strcasecmp(name, vtype_names[i]) == 0)
			return i;
	return -1;
}

int
lt_var_coded(const lt_var *v)
{
	for (size_t i = 0; i < v->nlevels; i++)
		if (v->levels[i].code >= 0)
			return 1;
	return 0;
}

const lt_level *
lt_var_find_level(const lt_var *v, const char *s)
{
	for (size_t i = 0; i < v->nlevels; i++)
		if (strcasecmp(v->levels[i].label, s) == 0)
			return &v->levels[i];
	for (size_t i = 0; i < v->nlevels; i++)
		if (strcasecmp(v->levels[i].value, s) == 0)
			return &v->levels[i];
	return NULL;
}

const char *
lt_var_label_of(const lt_var *v, const char *value)
{
	for (size_t i = 0; i < v->nlevels; i++)
		if (strcmp(v->levels[i].value, value) == 0)
			return v->levels[i].label;
	return NULL;
}

const lt_var *
lt_vars_find(const lt_var *vars, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(vars[i].name, name) == 0)
			return &vars[i];
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(vars[i].name, name) == 0)
			return &vars[i];
	return NULL;
}

/* Levenshtein distance, case-insensitive, capped for long strings. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), *row, best;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	row = lt_malloc((lb + 1) * sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = (a[i - 1] | 32) == (b[j - 1] | 32) ? 0 : 1;
			size_t v = diag + cost;

			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

/* Keep cand as *best if it is closer to name than what *best holds. */
static void
closer(const char *name, const char *cand, const char **best, size_t *bestd)
{
	size_t d = edit_distance(name, cand);

	if (d < *bestd) {
		*bestd = d;
		*best = cand;
	}
}

const char *
lt_vars_suggest(const lt_var *vars, size_t n, const char *name)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t i = 0; i < n; i++)
		closer(name, vars[i].name, &best, &bestd);
	return bestd <= strlen(name) / 3 + 1 ? best : NULL;
}

const char *
lt_suggest(const char *name, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t i = 0; i < n; i++)
		closer(name, cands[i], &best, &bestd);
	return bestd <= strlen(name) / 3 + 1 ? best : NULL;
}

void
lt_sql_ident(lt_buf *b, const char *name)
{
	lt_buf_putc(b, '"');
	for (const char *p = name; *p != '\0'; p++) {
		if (*p == '"')
			lt_buf_putc(b, '"');
		lt_buf_putc(b, *p);
	}
	lt_buf_putc(b, '"');
}

void
lt_var_add_level(lt_var *v, const char *value, const char *label)
{
	v->levels = lt_realloc(v->levels, (v->nlevels + 1) * sizeof *v->levels);
	v->levels[v->nlevels].value = lt_strdup(value);
	v->levels[v->nlevels].label = lt_strdup(label != NULL ? label : value);
	v->levels[v->nlevels].code = -1;
	v->nlevels++;
}

void
lt_var_clear(lt_var *v)
{
	if (v == NULL)
		return;
	free(v->name);
	free(v->label);
	free(v->description);
	free(v->unit);
	for (size_t i = 0; i < v->nlevels; i++) {
		free(v->levels[i].value);
		free(v->levels[i].label);
	}
	free(v->levels);
	for (size_t i = 0; i < v->nmissing; i++)
		free(v->missing[i]);
	free(v->missing);
	memset(v, 0, sizeof *v);
}

void
lt_var_copy(lt_var *dst, const lt_var *src)
{
	memset(dst, 0, sizeof *dst);
	dst->name = lt_strdup(src->name);
	dst->label = lt_strdup(src->label);
	dst->description = lt_strdup(src->description);
	dst->unit = lt_strdup(src->unit);
	dst->type = src->type;
	dst->storage = src->storage;
	dst->offset = src->offset;
	for (size_t i = 0; i < src->nlevels; i++) {
		lt_var_add_level(dst, src->levels[i].value, src->levels[i].label);
		dst->levels[i].code = src->levels[i].code;
	}
	if (src->nmissing > 0) {
		dst->missing = lt_calloc(src->nmissing, sizeof *dst->missing);
		for (size_t i = 0; i < src->nmissing; i++)
			dst->missing[i] = lt_strdup(src->missing[i]);
		dst->nmissing = src->nmissing;
	}
}
