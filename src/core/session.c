/*
 * session.c - running command text against a session.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "format.h"
#include "findings.h"
#include "gen.h"
#include "catalog_int.h"
#include "session_int.h"

const lt_setting lt_settings[] = {
	{ "format", "how results are written: text for people, csv or json for programs",
	  "text", "text|csv|json", 0, 0 },
	{ "digits", "significant digits shown for statistics in text output",
	  "4", NULL, 1, 17 },
	{ "page", "rows shown by each \"show\"", "20", NULL, 1, 1000 },
};
const size_t lt_nsettings = sizeof lt_settings / sizeof lt_settings[0];

lt_session *
lt_session_new(const lt_session_opts *o, lt_error *err)
{
	lt_session *s = lt_calloc(1, sizeof *s);

	s->o = *o;
	/* the session keeps its own copies: a re-run makes a session from them */
	s->o.catalog_path = s->own_paths[0] = lt_strdup(o->catalog_path);
	s->o.bundled_dir = s->own_paths[1] = lt_strdup(o->bundled_dir);
	s->o.findings_path = s->own_paths[2] = lt_strdup(o->findings_path);
	s->filtered_rows = -1;
	s->gen = 1;
	s->cat = lt_catalog_open(o->catalog_path, o->bundled_dir, err);
	if (s->cat == NULL) {
		for (size_t i = 0; i < 3; i++)
			free(s->own_paths[i]);
		free(s);
		return NULL;
	}
	s->values = lt_calloc(lt_nsettings, sizeof *s->values);
	for (size_t i = 0; i < lt_nsettings; i++)
		s->values[i] = lt_strdup(lt_settings[i].def);
	return s;
}

void
lt_session_free(lt_session *s)
{
	if (s == NULL)
		return;
	lt_catalog_close(s->cat);
	lt_dataset_free(s->ds);
	free(s->filter);
	lt_sql_clear(&s->where);
	free(s->sort);
	free(s->sel);
	lt_session_release_clear(s);
	lt_session_forget(s);
	lt_session_log_clear(s);
	lt_findings_close(s->store);
	free(s->login);
	for (size_t i = 0; i < 3; i++)
		free(s->own_paths[i]);
	for (size_t i = 0; i < lt_nsettings; i++)
		free(s->values[i]);
	free(s->values);
	free(s);
}

const lt_dataset *
lt_session_dataset(const lt_session *s)
{
	return s->ds;
}

const char *
lt_session_filter(const lt_session *s)
{
	return s->filter;
}

lt_catalog *
lt_session_catalog(lt_session *s)
{
	return s->cat;
}

const char *
lt_session_get(const lt_session *s, const char *name)
{
	for (size_t i = 0; i < lt_nsettings; i++)
		if (strcmp(lt_settings[i].name, name) == 0)
			return s->values[i];
	return NULL;
}

int
lt_session_int(const lt_session *s, const char *name)
{
	const char *v = lt_session_get(s, name);

	return v != NULL ? atoi(v) : 0;
}

int
lt_session_set(lt_session *s, const char *name, const char *value, lt_error *err)
{
	for (size_t i = 0; i < lt_nsettings; i++) {
		const lt_setting *st = &lt_settings[i];

		if (strcmp(st->name, name) != 0)
			continue;
		if (st->choices != NULL) {
			size_t n = strlen(value);
			const char *p = st->choices;
			int ok = 0;

			while (*p != '\0') {
				size_t k = strcspn(p, "|");

				if (k == n && strncmp(p, value, n) == 0)
					ok = 1;
				p += k + (p[k] == '|');
			}
			if (!ok)
				return lt_err(err, LT_EINVAL, "%s can be %s, not \"%s\"",
				    name, st->choices, value);
		} else {
			char *end;
			long v = strtol(value, &end, 10);

			if (*value == '\0' || *end != '\0' || v < st->min || v > st->max)
				return lt_err(err, LT_EINVAL,
				    "%s takes a whole number from %d to %d, not \"%s\"",
				    name, st->min, st->max, value);
		}
		free(s->values[i]);
		s->values[i] = lt_strdup(value);
		return 0;
	}
	return lt_err(err, LT_ENOENT, "there is no setting called \"%s\"; type \"set\" to see them all",
	    name);
}

const char *
lt_session_where(const lt_session *s)
{
	return s->filter != NULL ? lt_buf_str(&s->where.where) : NULL;
}

void
lt_session_bind_filter(lt_session *s, sqlite3_stmt *st, int first)
{
	if (s->filter == NULL)
		return;
	for (size_t i = 0; i < s->where.nparams; i++) {
		const lt_param *p = &s->where.params[i];
		int k = first + (int)i;

		if (p->storage == LT_ST_INT)
			sqlite3_bind_int64(st, k, p->i);
		else if (p->storage == LT_ST_REAL)
			sqlite3_bind_double(st, k, p->d);
		else
			sqlite3_bind_text(st, k, p->s, -1, SQLITE_STATIC);
	}
}

int
lt_session_count(lt_session *s, long long *n, lt_error *err)
{
	char *tab, *sql;
	sqlite3_stmt *st;
	sqlite3 *db = lt_catalog_db(s->cat);
	int rc;

	if (s->filter == NULL) {
		*n = s->ds->rows;
		return 0;
	}
	tab = lt_dataset_table(s->ds);
	sql = lt_sprintf("SELECT count(*) FROM %s WHERE %s", tab, lt_session_where(s));
	free(tab);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return lt_db_error(db, err, "counting rows");
	lt_session_bind_filter(s, st, 1);
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return lt_db_error(db, err, "counting rows");
	return 0;
}

void
lt_session_context(lt_session *s, lt_result *r)
{
	if (s->ds == NULL)
		return;
	lt_result_set_context(r, s->ds->name, s->filter);
	if (strcmp(s->ds->name, s->ds->title) == 0)
		lt_result_note(r, "Dataset: %s", s->ds->name);
	else
		lt_result_note(r, "Dataset: %s (%s)", s->ds->name, s->ds->title);
	if (s->filter != NULL && s->filtered_rows >= 0) {
		lt_buf b = LT_BUF_INIT;
		double n;

		/* protected like the filter's own "rows that match" */
		if (lt_session_filter_state(s, s->filtered_rows, &n) != LT_SDC_SHOWN) {
			lt_result_note(r, "Filter: %s (how many rows match is hidden, to "
			    "protect people's privacy)", s->filter);
			return;
		}
		lt_format_number(&b, n, 0);
		lt_result_note(r, "Filter: %s (%s row%s match)", s->filter, lt_buf_str(&b),
		    n == 1 ? "" : "s");
		lt_buf_free(&b);
	}
}

/*
 * The rows the active filter selects, as 0-based positions in file order
 * (rowids run 1..rows), found once through SQL and kept until the dataset
 * or filter changes: "describe" of fifteen columns under a filter asks
 * fifteen times. *rows is NULL when there is no filter (every row).
 */
static int
selection(lt_session *s, const size_t **rows, size_t *n, lt_error *err)
{
	const lt_dataset *d = s->ds;
	sqlite3 *db = lt_catalog_db(s->cat);
	sqlite3_stmt *st;
	size_t cap = 0, m = 0, *sel = NULL;
	char *tab, *sql;
	int rc;

	*rows = NULL;
	*n = (size_t)d->rows;
	if (s->filter == NULL)
		return 0;
	if (s->sel_gen == s->gen) {
		*rows = s->sel;
		*n = s->nsel;
		return 0;
	}
	tab = lt_dataset_table(d);
	sql = lt_sprintf("SELECT rowid FROM %s WHERE %s ORDER BY rowid", tab, lt_session_where(s));
	free(tab);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return lt_db_error(db, err, "reading the data");
	lt_session_bind_filter(s, st, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long r = sqlite3_column_int64(st, 0);

		if (r < 1 || r > d->rows) {
			sqlite3_finalize(st);
			free(sel);
			return lt_err(err, LT_EDB, "the stored columns of %s are out of step "
			    "with its rows; import it again", d->name);
		}
		sel = lt_grow(sel, &cap, m + 1, sizeof *sel);
		sel[m++] = (size_t)(r - 1);
	}
	if (rc != SQLITE_DONE) {
		rc = lt_db_error(db, err, "reading the data");
		sqlite3_finalize(st);
		free(sel);
		return rc;
	}
	sqlite3_finalize(st);
	free(s->sel);
	s->sel = sel;
	s->nsel = m;
	s->sel_gen = s->gen;
	*rows = sel;
	*n = m;
	return 0;
}

int
lt_session_numeric(lt_session *s, int idx, double **x, double **w, size_t *n,
    lt_error *err)
{
	const lt_dataset *d = s->ds;
	int widx = d->weight != NULL ? lt_dataset_var_index(d, d->weight) : -1;
	const size_t *sel;
	size_t total, wn, m;
	int rc;

	*x = *w = NULL;
	*n = 0;
	if (widx == idx)
		widx = -1;
	if ((rc = selection(s, &sel, &m, err)) != 0)
		return rc;
	if ((rc = lt_catalog_column(s->cat, d, idx, x, &total, err)) != 0)
		return rc;
	if (widx >= 0) {
		if ((rc = lt_catalog_column(s->cat, d, widx, w, &wn, err)) != 0) {
			free(*x);
			*x = NULL;
			return rc;
		}
		/* Weights are used as they are, not centred like values. */
		for (size_t i = 0; i < wn; i++)
			(*w)[i] += d->vars[widx].offset;
	}
	/* Keep the rows the filter selects, in order (sel[i] >= i). */
	for (size_t i = 0; sel != NULL && i < m; i++) {
		(*x)[i] = (*x)[sel[i]];
		if (*w != NULL)
			(*w)[i] = (*w)[sel[i]];
	}
	*n = m;
	return 0;
}

/*
 * lt_session_groups for a column stored as codes: its groups are its
 * levels, in order, whether or not the selected rows hold them (as the
 * SQL way below lists every labelled value first).
 */
static int
coded_groups(lt_session *s, int gidx, size_t **codes, char ***labels, size_t *ngroups,
    size_t *n, lt_error *err)
{
	const lt_var *g = &s->ds->vars[gidx];
	const size_t *sel;
	size_t map[256], m, total;
	unsigned char *c;
	int rc;

	if ((rc = selection(s, &sel, &m, err)) != 0 ||
	    (rc = lt_catalog_codes(s->cat, s->ds, gidx, &c, &total, err)) != 0)
		return rc;
	for (size_t k = 0; k < 256; k++)
		map[k] = LT_NO_GROUP;
	for (size_t j = 0; j < g->nlevels; j++)
		if (g->levels[j].code >= 0 && g->levels[j].code < LT_CODE_MISSING)
			map[g->levels[j].code] = j;
	*codes = lt_malloc((m ? m : 1) * sizeof **codes);
	for (size_t i = 0; i < m; i++)
		(*codes)[i] = map[c[sel != NULL ? sel[i] : i]];
	free(c);
	*labels = lt_calloc(g->nlevels + 1, sizeof **labels);
	for (size_t j = 0; j < g->nlevels; j++)
		(*labels)[j] = lt_strdup(g->levels[j].label);
	*ngroups = g->nlevels;
	*n = m;
	return 0;
}

static int
too_many_groups(const lt_var *g, int pos, lt_error *err)
{
	return lt_err_at(err, LT_EINVAL, pos,
	    "%s has more than %d different values, too many to count or compare one by "
	    "one; \"describe %s\" summarises it", g->name, LT_MAX_GROUPS, g->name);
}

/*
 * lt_session_groups for a column of whole numbers, from its stored chunks:
 * labelled values first, in their own order, then the others from the
 * smallest up (as the SQL way below). Returns 1, doing nothing, when the
 * values span too wide a range to index; -1 with err set on error.
 */
static int
whole_groups(lt_session *s, int gidx, int pos, size_t **codes, char ***labels,
    size_t *ngroups, size_t *n, lt_error *err)
{
	const lt_var *g = &s->ds->vars[gidx];
	double *x, *w, lo = INFINITY, hi = -INFINITY;
	size_t m, range, nv = g->nlevels, *group;
	char **vals;

	if (g->nlevels > LT_MAX_GROUPS ||
	    lt_session_numeric(s, gidx, &x, &w, &m, err) != 0)
		return g->nlevels > LT_MAX_GROUPS ? 1 : -1;
	free(w);
	for (size_t i = 0; i < m; i++)
		if (!isnan(x[i])) {
			if (x[i] < lo)
				lo = x[i];
			if (x[i] > hi)
				hi = x[i];
		}
	if (lo > hi)
		lo = hi = 0;
	if (hi - lo >= 65536) {
		free(x);
		return 1;
	}
	range = (size_t)(hi - lo) + 1;
	group = lt_malloc(range * sizeof *group);
	for (size_t v = 0; v < range; v++)
		group[v] = LT_NO_GROUP;
	for (size_t i = 0; i < m; i++)
		if (!isnan(x[i]))
			group[(size_t)(x[i] - lo)] = 0;	/* present */
	/* Name every value present: a level's index, or a new group in order. */
	vals = lt_calloc(LT_MAX_GROUPS + 1, sizeof *vals);
	for (size_t j = 0; j < g->nlevels; j++)
		vals[j] = lt_strdup(g->levels[j].label);
	for (size_t v = 0; v < range; v++) {
		char text[32];
		size_t j;

		if (group[v] == LT_NO_GROUP)
			continue;
		snprintf(text, sizeof text, "%.0f", lo + (double)v + g->offset);
		for (j = 0; j < g->nlevels && strcmp(g->levels[j].value, text) != 0; j++)
			;
		if (j == g->nlevels) {
			if (nv == LT_MAX_GROUPS) {
				free(group);
				free(x);
				lt_strv_free(vals);
				too_many_groups(g, pos, err);
				return -1;
			}
			j = nv;
			vals[nv++] = lt_strdup(text);
		}
		group[v] = j;
	}
	*codes = lt_malloc((m ? m : 1) * sizeof **codes);
	for (size_t i = 0; i < m; i++)
		(*codes)[i] = isnan(x[i]) ? LT_NO_GROUP : group[(size_t)(x[i] - lo)];
	free(group);
	free(x);
	*labels = vals;
	*ngroups = nv;
	*n = m;
	return 0;
}

/* Order group values: numerically when both are numbers, else as text. */
static int
cmp_value(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	char *ex, *ey;
	double dx = strtod(x, &ex), dy = strtod(y, &ey);

	if (*x != '\0' && *ex == '\0' && *y != '\0' && *ey == '\0')
		return (dx > dy) - (dx < dy);
	return strcmp(x, y);
}

int
lt_session_groups(lt_session *s, int gidx, int pos, size_t **codes, char ***labels,
    size_t *ngroups, size_t *n, lt_error *err)
{
	const lt_var *g = &s->ds->vars[gidx];
	char **vals, *tab;
	size_t nv = 0, m = 0, cap = 0, *map;
	lt_buf sql = LT_BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	*codes = NULL;
	*labels = NULL;
	*ngroups = *n = 0;
	if (lt_var_coded(g) && g->nlevels <= LT_MAX_GROUPS)
		return coded_groups(s, gidx, codes, labels, ngroups, n, err);
	if ((g->type == LT_VT_INTEGER || (g->type == LT_VT_CATEGORY &&
	    g->storage == LT_ST_INT)) &&
	    (rc = whole_groups(s, gidx, pos, codes, labels, ngroups, n, err)) <= 0)
		return rc < 0 ? err->code : 0;
	vals = lt_calloc(LT_MAX_GROUPS + 1, sizeof *vals);
	tab = lt_dataset_table(s->ds);
	/* Labelled values first, in their own order, so groups read as designed. */
	for (size_t k = 0; k < g->nlevels && nv < LT_MAX_GROUPS; k++)
		vals[nv++] = lt_strdup(g->levels[k].value);
	lt_buf_puts(&sql, "SELECT ");
	lt_sql_ident(&sql, g->name);
	lt_buf_printf(&sql, " FROM %s", tab);
	if (s->filter != NULL)
		lt_buf_printf(&sql, " WHERE %s", lt_session_where(s));
	lt_buf_puts(&sql, " ORDER BY rowid");
	free(tab);
	rc = sqlite3_prepare_v2(lt_catalog_db(s->cat), lt_buf_str(&sql), -1, &st, NULL);
	lt_buf_free(&sql);
	if (rc != SQLITE_OK) {
		lt_strv_free(vals);
		return lt_db_error(lt_catalog_db(s->cat), err, "reading the groups");
	}
	lt_session_bind_filter(s, st, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		size_t k;

		*codes = lt_grow(*codes, &cap, m + 1, sizeof **codes);
		if (v == NULL) {
			(*codes)[m++] = LT_NO_GROUP;
			continue;
		}
		for (k = 0; k < nv && strcmp(vals[k], v) != 0; k++)
			;
		if (k == nv) {
			if (nv == LT_MAX_GROUPS) {
				sqlite3_finalize(st);
				free(*codes);
				*codes = NULL;
				lt_strv_free(vals);
				return too_many_groups(g, pos, err);
			}
			vals[nv++] = lt_strdup(v);
		}
		(*codes)[m++] = k;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*codes);
		*codes = NULL;
		lt_strv_free(vals);
		return lt_db_error(lt_catalog_db(s->cat), err, "reading the groups");
	}
	/* Unlabelled values are sorted; codes follow them. */
	if (g->nlevels == 0 && nv > 1) {
		char **sorted = lt_calloc(nv + 1, sizeof *sorted);

		memcpy(sorted, vals, nv * sizeof *vals);
		qsort(sorted, nv, sizeof *sorted, cmp_value);
		map = lt_calloc(nv, sizeof *map);
		for (size_t k = 0; k < nv; k++)
			for (size_t j = 0; j < nv; j++)
				if (sorted[j] == vals[k])
					map[k] = j;
		for (size_t i = 0; i < m; i++)
			if ((*codes)[i] != LT_NO_GROUP)
				(*codes)[i] = map[(*codes)[i]];
		free(map);
		free(vals);
		vals = sorted;
	}
	for (size_t k = 0; k < nv; k++) {
		const char *label = lt_var_label_of(g, vals[k]);

		if (label != NULL) {
			free(vals[k]);
			vals[k] = lt_strdup(label);
		}
	}
	*labels = vals;
	*ngroups = nv;
	*n = m;
	return 0;
}

int
lt_session_var(lt_session *s, const char *name, int pos, int *idx, lt_error *err)
{
	const char *hint;

	*idx = lt_dataset_var_index(s->ds, name);
	if (*idx >= 0)
		return 0;
	hint = lt_vars_suggest(s->ds->vars, s->ds->nvars, name);
	if (hint != NULL)
		return lt_err_at(err, LT_ENOENT, pos,
		    "%s has no column \"%s\" (did you mean \"%s\"?)", s->ds->name, name, hint);
	return lt_err_at(err, LT_ENOENT, pos,
	    "%s has no column \"%s\"; type \"info\" to see its columns", s->ds->name, name);
}

int
lt_args_parse(const lt_cmd_entry *e, const lt_words *w, const char *text,
    lt_args *a, lt_error *err)
{
	size_t nopts = 0;

	memset(a, 0, sizeof *a);
	a->format = -1;
	while (e->opts != NULL && e->opts[nopts].name != NULL)
		nopts++;
	a->nopts = nopts;
	a->optv = lt_calloc(nopts + 1, sizeof *a->optv);
	a->argv = lt_calloc(w->n + 1, sizeof *a->argv);
	a->argpos = lt_calloc(w->n + 1, sizeof *a->argpos);
	if (e->flags & LT_CMD_RAW) {
		int from = w->n > 1 ? w->pos[1] : w->end;
		int to = w->end;

		while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t'))
			to--;
		/* A trailing "--format F" is an option, not part of the text. */
		if (w->n >= 3 && !w->quoted[w->n - 2] && strcmp(w->w[w->n - 2], "--format") == 0) {
			if ((a->format = lt_format_parse(w->w[w->n - 1])) < 0)
				return lt_err_at(err, LT_EINVAL, w->pos[w->n - 1],
				    "--format takes text, csv or json");
			to = w->pos[w->n - 2];
			while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t'))
				to--;
		}
		a->raw = lt_strndup(text + from, (size_t)(to - from));
		a->rawpos = from;
		return 0;
	}
	for (size_t i = 1; i < w->n; i++) {
		const char *word = w->w[i];
		const char *val = NULL, *eq;
		size_t k, nlen;

		if (!w->quoted[i] && word[0] == '-' && ((word[1] >= 'a' && word[1] <= 'z') ||
		    (word[1] >= 'A' && word[1] <= 'Z')))
			return lt_err_at(err, LT_EINVAL, w->pos[i],
			    "%s has no option \"%s\"; options of lantern itself, such as -q, go "
			    "before the command", e->name, word);
		if (w->quoted[i] || strncmp(word, "--", 2) != 0 || word[2] == '\0') {
			a->argpos[a->argc] = w->pos[i];
			a->argv[a->argc++] = lt_strdup(word);
			continue;
		}
		eq = strchr(word, '=');
		nlen = eq != NULL ? (size_t)(eq - word - 2) : strlen(word + 2);
		if (nlen == 6 && strncmp(word + 2, "format", 6) == 0) {
			val = eq != NULL ? eq + 1 : i + 1 < w->n ? w->w[++i] : NULL;
			if (val == NULL)
				return lt_err_at(err, LT_EINVAL, w->pos[i],
				    "--format needs a value: text, csv or json");
			if ((a->format = lt_format_parse(val)) < 0)
				return lt_err_at(err, LT_EINVAL, w->pos[i],
				    "--format takes text, csv or json, not \"%s\"", val);
			continue;
		}
		for (k = 0; k < nopts; k++)
			if (strlen(e->opts[k].name) == nlen &&
			    strncmp(e->opts[k].name, word + 2, nlen) == 0)
				break;
		if (k == nopts)
			return lt_err_at(err, LT_EINVAL, w->pos[i],
			    "%s has no option \"%.*s\"; type \"help %s\" to see its options",
			    e->name, (int)nlen + 2, word, e->name);
		if (e->opts[k].arg != NULL) {
			if (eq != NULL)
				val = eq + 1;
			else if (i + 1 < w->n)
				val = w->w[++i];
			else
				return lt_err_at(err, LT_EINVAL, w->pos[i],
				    "--%s needs a value (%s)", e->opts[k].name, e->opts[k].arg);
		} else if (eq != NULL) {
			return lt_err_at(err, LT_EINVAL, w->pos[i],
			    "--%s takes no value", e->opts[k].name);
		} else {
			val = "yes";
		}
		if (a->optv[k] != NULL && !e->opts[k].repeat)
			return lt_err_at(err, LT_EINVAL, w->pos[i],
			    "--%s is given twice", e->opts[k].name);
		{
			size_t n = 0;

			while (a->optv[k] != NULL && a->optv[k][n] != NULL)
				n++;
			a->optv[k] = lt_realloc(a->optv[k], (n + 2) * sizeof **a->optv);
			a->optv[k][n] = lt_strdup(val);
			a->optv[k][n + 1] = NULL;
		}
	}
	if (a->argc < (size_t)e->min_args || (e->max_args >= 0 && a->argc > (size_t)e->max_args)) {
		int pos = a->argc > 0 && e->max_args >= 0 && a->argc > (size_t)e->max_args ?
		    a->argpos[e->max_args] : w->end;
		const char *what = a->argc < (size_t)e->min_args ? "needs more words" :
		    "has too many words";

		/* Say it the way people do: with an example, not a grammar. */
		if (e->example != NULL)
			return lt_err_at(err, LT_EINVAL, pos, "%s %s, as in \"%s\"; type \"help %s\" "
			    "for more", e->name, what, e->example, e->name);
		return lt_err_at(err, LT_EINVAL, pos, "%s %s; type \"help %s\" for more",
		    e->name, what, e->name);
	}
	return 0;
}

void
lt_args_clear(lt_args *a)
{
	for (size_t i = 0; i < a->argc; i++)
		free(a->argv[i]);
	free(a->argv);
	free(a->argpos);
	for (size_t k = 0; k < a->nopts; k++)
		lt_strv_free(a->optv[k]);
	free(a->optv);
	free((char *)a->raw);
}

/* Run one split command. */
/* Results handed to the caller instead of an emit function. */
typedef struct collected {
	lt_result **v;
	size_t n, cap;
} collected;

/*
 * For a command that takes columns: the error for the first argument that
 * is neither a column of the open dataset, nor a word of the command's
 * own (by, with, on, per, the kind of plot...), nor a number; else 0.
 */
static int
unknown_columns(lt_session *s, const lt_cmd_entry *e, const lt_args *a, lt_error *err)
{
	static const char *const words[] = { "by", "with", "on", "per", "over", "and", "off",
	    "asc", "desc", "hist", "bar", "box", "scatter", "line", NULL };
	int idx;

	if (e->complete != LT_COMPLETE_COLUMN || s->ds == NULL)
		return 0;
	for (size_t i = 0; i < a->argc; i++) {
		const char *w = a->argv[i];
		char *end;
		size_t k;

		for (k = 0; words[k] != NULL && strcasecmp(words[k], w) != 0; k++)
			;
		if (words[k] != NULL || (strtod(w, &end), *end == '\0' && end != w))
			continue;
		if (lt_session_var(s, w, a->argpos[i], &idx, err) != 0)
			return err->code;
	}
	return 0;
}

static int
run_one(lt_session *s, const char *text, const lt_words *w, lt_emit_fn emit,
    void *ud, collected *keep, int *quit, lt_error *err)
{
	const lt_cmd_entry *e = lt_cmd_find(w->w[0]);
	lt_args a;
	lt_result *r;
	int rc, fmt;

	if (e == NULL && strcmp(w->w[0], "run") == 0)
		return lt_err_at(err, LT_EINVAL, w->pos[0], "run works from your terminal, as "
		    "\"lantern run FILE\"; here, type the commands themselves");
	if (e == NULL && strcmp(w->w[0], "shell") == 0)
		return lt_err_at(err, LT_EINVAL, w->pos[0], "shell starts from your terminal, as "
		    "\"lantern shell\"; inside it, type \"help\" to see the commands");
	if (e == NULL) {
		const char *best = NULL;

		for (size_t i = 0; i < lt_cmd_count && best == NULL; i++)
			if (strncasecmp(lt_cmd_table[i]->name, w->w[0], 2) == 0)
				best = lt_cmd_table[i]->name;
		if (best != NULL)
			return lt_err_at(err, LT_EINVAL, w->pos[0],
			    "there is no command \"%s\" (did you mean \"%s\"?); type \"help\" to see them all",
			    w->w[0], best);
		return lt_err_at(err, LT_EINVAL, w->pos[0],
		    "there is no command \"%s\"; type \"help\" to see them all", w->w[0]);
	}
	if ((e->flags & LT_CMD_NEEDS_DATASET) && s->ds == NULL)
		return lt_err_at(err, LT_EINVAL, w->pos[0],
		    "%s works on an open dataset; open one first, for example \"open cohort\"",
		    e->name);
	if ((rc = lt_args_parse(e, w, text, &a, err)) != 0) {
		lt_args_clear(&a);
		return rc;
	}
	r = lt_result_new(NULL);
	free(r->command);
	r->command = lt_strndup(text + w->start, (size_t)(w->end - w->start));
	while (r->command[0] != '\0' && strchr(" \t", r->command[strlen(r->command) - 1]))
		r->command[strlen(r->command) - 1] = '\0';
	/*
	 * An error about too few people would say something about them, so a
	 * command does not run on a selection too small to describe; a
	 * mistyped column is still named, as it says nothing about anyone.
	 */
	if (lt_sdc_blocks(s, e->name))
		rc = unknown_columns(s, e, &a, err);
	else
		rc = e->exec(s, &a, r, err);
	if (rc == 0) {
		lt_sdc_result(s, r);	/* the one choke point: nothing leaves unprotected */
		lt_session_remember(s, e, r);	/* what "post" would share */
		lt_session_log(s, e, &a, w);	/* what tutorials check */
		/* a guide ran its chart and analysis: they count as run too */
		for (size_t i = 0; strcmp(e->name, "guide") == 0 && i < 2; i++) {
			static const char *const keys[] = { "guide_chart", "guide_analysis" };

			for (size_t k = 0; k < r->nitems; k++)
				if (r->items[k].is_text && strcmp(r->items[k].key, keys[i]) == 0)
					lt_session_log_text(s, r->items[k].text);
		}
	}
	fmt = a.format >= 0 ? a.format : lt_format_parse(lt_session_get(s, "format"));
	lt_args_clear(&a);
	if (rc == 0) {
		if (r->quit && quit != NULL)
			*quit = 1;
		if (emit != NULL && emit(ud, r, fmt) != 0)
			rc = -1;
		if (keep != NULL) {
			keep->v = lt_grow(keep->v, &keep->cap, keep->n + 1, sizeof *keep->v);
			keep->v[keep->n++] = r;
			return rc;
		}
	}
	lt_result_free(r);
	return rc;
}

static int
run_all(lt_session *s, const char *text, lt_emit_fn emit, void *ud, collected *keep,
    int *quit, lt_error *err)
{
	size_t off = 0;
	lt_words w;
	int r, rc = 0, stop = 0;

	lt_err_clear(err);
	if (quit == NULL)
		quit = &stop;
	*quit = 0;
	while (rc == 0 && !*quit &&
	    (r = lt_words_next(text, &off, &w, err)) != 0) {
		if (r < 0)
			return err->code;
		rc = run_one(s, text, &w, emit, ud, keep, quit, err);
		lt_words_clear(&w);
	}
	return rc < 0 ? 0 : rc;
}

int
lt_session_run(lt_session *s, const char *text, lt_emit_fn emit, void *ud,
    int *quit, lt_error *err)
{
	return run_all(s, text, emit, ud, NULL, quit, err);
}

int
lt_session_collect(lt_session *s, const char *text, lt_result ***out, size_t *n,
    int *quit, lt_error *err)
{
	collected keep = { NULL, 0, 0 };
	int rc = run_all(s, text, NULL, NULL, &keep, quit, err);

	*out = keep.v;
	*n = keep.n;
	return rc;
}

/* Candidates from a list that start with prefix. */
static void
add_matches(char ***out, size_t *n, size_t *cap, const char *prefix, const char *cand)
{
	if (cand == NULL || strncmp(cand, prefix, strlen(prefix)) != 0)
		return;
	*out = lt_grow(*out, cap, *n + 2, sizeof **out);
	(*out)[(*n)++] = lt_strdup(cand);
	(*out)[*n] = NULL;
}

char **
lt_session_complete(lt_session *s, const char *line)
{
	static const char *const expr_words[] = {
		"and", "or", "not", "in", "is", "missing", "between", "off", NULL
	};
	size_t off = 0, n = 0, cap = 0, nwords;
	lt_words w;
	lt_error err;
	const char *word, *p;
	const lt_cmd_entry *e;
	char **out = lt_calloc(1, sizeof *out);
	int kind;

	/* The command being typed starts after the last ";" or newline. */
	for (p = line + strlen(line); p > line && p[-1] != ';' && p[-1] != '\n'; p--)
		;
	word = line + strlen(line);
	while (word > p && strchr(" \t\"'(,", word[-1]) == NULL)
		word--;
	/* The words before the one being completed (and before its quote). */
	{
		const char *stop = word > p && (word[-1] == '"' || word[-1] == '\'') ?
		    word - 1 : word;
		char *before = lt_strndup(p, (size_t)(stop - p));

		if (lt_words_next(before, &off, &w, &err) <= 0)
			memset(&w, 0, sizeof w);
		free(before);
	}
	nwords = w.n;
	if (nwords == 0) {
		for (size_t i = 0; i < lt_cmd_count; i++)
			add_matches(&out, &n, &cap, word, lt_cmd_table[i]->name);
		lt_words_clear(&w);
		return out;
	}
	e = lt_cmd_find(w.w[0]);
	/* After "COLUMN =" or "COLUMN !=", offer the column's labels. */
	if (e != NULL && e->complete == LT_COMPLETE_EXPR && s->ds != NULL && nwords >= 3) {
		const char *op = w.w[nwords - 1];
		const lt_var *v = lt_dataset_var(s->ds, w.w[nwords - 2]);

		if (v != NULL && v->nlevels > 0 && (strcmp(op, "=") == 0 ||
		    strcmp(op, "==") == 0 || strcmp(op, "!=") == 0 || strcmp(op, "<>") == 0)) {
			int in_quotes = word > line && word[-1] == '"';

			for (size_t i = 0; i < v->nlevels; i++) {
				const char *lab = v->levels[i].label;
				char *cand = !in_quotes && strchr(lab, ' ') != NULL ?
				    lt_sprintf("\"%s\"", lab) : lt_strdup(lab);

				add_matches(&out, &n, &cap, word, cand);
				free(cand);
			}
			lt_words_clear(&w);
			return out;
		}
	}
	lt_words_clear(&w);
	if (e == NULL)
		return out;
	kind = e->complete;
	if (strncmp(word, "--", 2) == 0) {
		for (size_t i = 0; e->opts != NULL && e->opts[i].name != NULL; i++) {
			char *o = lt_sprintf("--%s", e->opts[i].name);

			add_matches(&out, &n, &cap, word, o);
			free(o);
		}
		add_matches(&out, &n, &cap, word, "--format");
		return out;
	}
	if (kind == LT_COMPLETE_FILE) {
		free(out);
		return NULL;
	}
	switch (kind) {
	case LT_COMPLETE_DATASET: {
		char **names = lt_catalog_names(s->cat);

		for (char **q = names; *q != NULL; q++)
			add_matches(&out, &n, &cap, word, *q);
		lt_strv_free(names);
		break;
	}
	case LT_COMPLETE_EXPR:
		for (size_t i = 0; expr_words[i] != NULL; i++)
			add_matches(&out, &n, &cap, word, expr_words[i]);
		/* FALLTHROUGH */
	case LT_COMPLETE_COLUMN:
		for (size_t i = 0; s->ds != NULL && i < s->ds->nvars; i++)
			add_matches(&out, &n, &cap, word, s->ds->vars[i].name);
		break;
	case LT_COMPLETE_COMMAND:
		for (size_t i = 0; i < lt_cmd_count; i++)
			add_matches(&out, &n, &cap, word, lt_cmd_table[i]->name);
		break;
	case LT_COMPLETE_SETTING:
		for (size_t i = 0; i < lt_nsettings; i++)
			add_matches(&out, &n, &cap, word, lt_settings[i].name);
		break;
	case LT_COMPLETE_GENERATOR:
		for (size_t i = 0; i < lt_gen_count; i++)
			add_matches(&out, &n, &cap, word, lt_gen_table[i].name);
		break;
	}
	return out;
}
