/*
 * cmd_view.c - commands that look at the open dataset: show, filter, sort,
 * describe.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "date.h"
#include "format.h"
#include "catalog_int.h"
#include "session_int.h"
#include "stats.h"


/* "bmi (kg/m2)" or "bmi". */
static char *
var_title(const lt_var *v)
{
	if (v->unit != NULL)
		return lt_sprintf("%s (%s)", v->label, v->unit);
	return lt_strdup(v->label);
}

/* Prepare SQL on the catalog, turning failure into an error. */
static int
prepare(lt_session *s, const char *sql, sqlite3_stmt **st, lt_error *err)
{
	sqlite3 *db = lt_catalog_db(s->cat);

	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return lt_db_error(db, err, "reading the data");
	return 0;
}

/*
 * "SELECT col[, weight] FROM table[ WHERE filter]", the column (and the
 * weight column, if widx >= 0) quoted; group adds "GROUP BY 1".
 */
static char *
select_sql(const lt_session *s, const lt_var *v, int widx, int sum, int group)
{
	lt_buf b = LT_BUF_INIT;
	char *tab = lt_dataset_table(s->ds);

	lt_buf_puts(&b, "SELECT ");
	lt_sql_ident(&b, v->name);
	if (widx >= 0) {
		lt_buf_puts(&b, sum ? ", sum(" : ", ");
		lt_sql_ident(&b, s->ds->vars[widx].name);
		lt_buf_puts(&b, sum ? ")" : "");
	} else if (sum) {
		lt_buf_puts(&b, ", count(*)");
	}
	lt_buf_printf(&b, " FROM %s", tab);
	if (s->filter != NULL)
		lt_buf_printf(&b, " WHERE %s", lt_session_where(s));
	if (group)
		lt_buf_puts(&b, " GROUP BY 1");
	free(tab);
	return lt_buf_take(&b);
}

static int
show_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	long long total, from = s->show_next, count = lt_session_int(s, "page");
	lt_table *t;
	lt_buf b = LT_BUF_INIT, tot = LT_BUF_INIT;
	int rc;

	for (size_t i = 0; i < a->argc; i++) {
		char *end;
		long long v = strtoll(a->argv[i], &end, 10);

		if (*end != '\0' || v < 1)
			return lt_err_at(err, LT_EINVAL, a->argpos[i],
			    i == 0 ? "show starts at a row number from 1, as in \"show 100\"" :
			    "show's second number says how many rows, from 1, as in \"show 100 10\"");
		if (i == 0)
			from = v - 1;
		else
			count = v > 1000 ? 1000 : v;
	}
	t = lt_result_table(r, "rows", NULL);
	if ((rc = lt_session_page(s, from, (size_t)count, t, &total, err)) != 0)
		return rc;
	s->filtered_rows = total;
	if (from >= total && total > 0 && a->argc > 0) {
		lt_buf last = LT_BUF_INIT;

		lt_format_number(&last, (double)total, 0);
		lt_err_at(err, LT_EINVAL, a->argpos[0],
		    "there %s only %s row%s%s; the last page starts at \"show %lld\"",
		    total == 1 ? "is" : "are", lt_buf_str(&last), total == 1 ? "" : "s",
		    s->filter != NULL ? " that match the filter" : "",
		    total > count ? total - count + 1 : 1);
		lt_buf_free(&last);
		return LT_EINVAL;
	}
	if (from >= total && a->argc == 0) {
		if (from > 0)
			lt_result_note(r, "That was the last page, so this starts again at the first row.");
		from = 0;
		if ((rc = lt_session_page(s, from, (size_t)count, t, NULL, err)) != 0)
			return rc;
	}
	lt_format_number(&tot, (double)total, 0);
	if (t->nrows == 0) {
		lt_result_headline(r, "No rows match the filter; change it, or turn it off with "
		    "\"filter off\".");
	} else {
		lt_format_number(&b, (double)(from + 1), 0);
		lt_buf_puts(&b, "-");
		lt_format_number(&b, (double)(from + (long long)t->nrows), 0);
		lt_result_headline(r, "Rows %s of %s%s.", lt_buf_str(&b), lt_buf_str(&tot),
		    s->filter != NULL ? " that match the filter" : "");
	}
	s->show_next = from + (long long)t->nrows;
	lt_session_context(s, r);
	if (s->sort != NULL)
		lt_result_note(r, "Sorted by %s, %s first", s->sort,
		    s->sort_desc ? "largest" : "smallest");
	lt_buf_free(&b);
	lt_buf_free(&tot);
	return 0;
}

const lt_cmd_entry lt_cmd_show_entry = {
	.name = "show",
	.args = "[FROM [COUNT]]",
	.summary = "show rows of the open dataset, a page at a time",
	.help = "Shows a page of rows (the \"page\" setting, 20 at first) that match the "
	    "filter, in the current sort order. With no number it shows the next page; "
	    "FROM starts at that row (1 is the first) and COUNT says how many rows to show. "
	    "Labelled values are shown by their labels; NA marks a missing value.",
	.example = "show 100 5",
	.max_args = 2,
	.flags = LT_CMD_NEEDS_DATASET,
	.exec = show_exec,
};

static int
filter_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_sql sql, old_where;
	char *old_filter;
	long long n;
	lt_buf num = LT_BUF_INIT, all = LT_BUF_INIT;
	int rc;

	if (a->raw[0] == '\0') {
		if (s->filter == NULL) {
			lt_result_headline(r, "No filter is on: every row is used.");
			lt_result_fact(r, "next", "Try", "filter age >= 65 and smoking = \"current\"");
			return 0;
		}
		if ((rc = lt_session_count(s, &n, err)) != 0)
			return rc;
		s->filtered_rows = n;
		lt_format_number(&num, (double)n, 0);
		lt_result_headline(r, "The filter %s selects %s rows.", s->filter, lt_buf_str(&num));
		lt_session_context(s, r);
		lt_buf_free(&num);
		return 0;
	}
	if (strcasecmp(a->raw, "off") == 0) {
		free(s->filter);
		s->filter = NULL;
		lt_sql_clear(&s->where);
		s->filtered_rows = -1;
		s->show_next = 0;
		lt_session_changed(s);
		lt_result_headline(r, "Filter off: every row is used again.");
		lt_session_context(s, r);
		return 0;
	}
	memset(&sql, 0, sizeof sql);
	if ((rc = lt_expr_compile(a->raw, s->ds->vars, s->ds->nvars, &sql, err)) != 0) {
		if (err->pos >= 0)
			err->pos += a->rawpos;
		return rc;
	}
	old_filter = s->filter;
	old_where = s->where;
	s->filter = lt_strdup(a->raw);
	s->where = sql;
	s->show_next = 0;
	lt_session_changed(s);
	if ((rc = lt_session_count(s, &n, err)) != 0 ||
	    (rc = lt_session_order(s, err)) != 0) {
		/* stopped or failed: the filter that was on stays on */
		free(s->filter);
		lt_sql_clear(&s->where);
		s->filter = old_filter;
		s->where = old_where;
		lt_session_changed(s);
		return rc;
	}
	free(old_filter);
	lt_sql_clear(&old_where);
	s->filtered_rows = n;
	lt_format_number(&num, (double)n, 0);
	lt_format_number(&all, (double)s->ds->rows, 0);
	lt_result_headline(r, "Filter on: %s of %s rows match %s.", lt_buf_str(&num),
	    lt_buf_str(&all), s->filter);
	lt_result_number(r, "rows", "Rows that match", (double)n, NULL);
	if (n == 0)
		lt_result_caveat(r, "No rows match, so there is nothing to look at; change the "
		    "filter or turn it off with \"filter off\".");
	lt_result_method(r, "Rows with a missing value in a compared column do not match; "
	    "use \"is missing\" to find them.");
	lt_session_context(s, r);
	lt_buf_free(&num);
	lt_buf_free(&all);
	return 0;
}

const lt_cmd_entry lt_cmd_filter_entry = {
	.name = "filter",
	.args = "[EXPRESSION | off]",
	.summary = "choose which rows to look at",
	.help = "Keeps only the rows that match EXPRESSION for every command that follows, "
	    "until \"filter off\". Compare columns with = != < <= > >=, combine with and, or, "
	    "not and parentheses, test lists with in (...), ranges with between A and B, and "
	    "gaps with is missing. Labelled values can be named by their label, as in "
	    "smoking = \"current\". With no expression, shows the filter that is on.",
	.example = "filter age >= 65 and smoking = \"current\"",
	.max_args = -1,
	.complete = LT_COMPLETE_EXPR,
	.flags = LT_CMD_NEEDS_DATASET | LT_CMD_RAW | LT_CMD_STATE,
	.exec = filter_exec,
};

static int
sort_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	int idx, desc = 0, rc, old_desc;
	char *old_sort;

	if (strcasecmp(a->argv[0], "off") == 0 && a->argc == 1) {
		free(s->sort);
		s->sort = NULL;
		s->show_next = 0;
		lt_session_changed(s);
		lt_result_headline(r, "Rows are in their original order again.");
		return 0;
	}
	if ((rc = lt_session_var(s, a->argv[0], a->argpos[0], &idx, err)) != 0)
		return rc;
	if (a->argc == 2) {
		if (strcasecmp(a->argv[1], "desc") == 0)
			desc = 1;
		else if (strcasecmp(a->argv[1], "asc") != 0)
			return lt_err_at(err, LT_EINVAL, a->argpos[1],
			    "sort takes asc (smallest first) or desc (largest first), not \"%s\"",
			    a->argv[1]);
	}
	old_sort = s->sort;
	old_desc = s->sort_desc;
	s->sort = lt_strdup(s->ds->vars[idx].name);
	s->sort_desc = desc;
	s->show_next = 0;
	lt_session_changed(s);
	if ((rc = lt_session_order(s, err)) != 0) {
		/* stopped or failed: the order that was there stays */
		free(s->sort);
		s->sort = old_sort;
		s->sort_desc = old_desc;
		lt_session_changed(s);
		return rc;
	}
	free(old_sort);
	lt_result_headline(r, "Rows are sorted by %s, %s first; missing values come last.",
	    s->sort, desc ? "largest" : "smallest");
	return 0;
}

const lt_cmd_entry lt_cmd_sort_entry = {
	.name = "sort",
	.args = "COLUMN [asc|desc] | off",
	.summary = "put rows in order of a column",
	.help = "Orders the rows that \"show\" pages through by COLUMN, smallest first (asc) "
	    "or largest first (desc). \"sort off\" goes back to the file's order.",
	.example = "sort bmi desc",
	.min_args = 1,
	.max_args = 2,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET | LT_CMD_STATE,
	.exec = sort_exec,
};


/* The tables describe fills: one row per column described. */
static const lt_coldef number_cols[] = {
	{ "column", "Column", LT_RC_TEXT }, { "group", "Group", LT_RC_TEXT },
	{ "n", "N", LT_RC_COUNT }, { "missing", "Missing", LT_RC_COUNT },
	{ "mean", "Mean", LT_RC_NUMBER }, { "sd", "SD", LT_RC_NUMBER },
	{ "min", "Min", LT_RC_NUMBER }, { "median", "Median", LT_RC_NUMBER },
	{ "max", "Max", LT_RC_NUMBER }, { "unit", "Unit", LT_RC_TEXT },
	{ "se", "SE", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "ci_low", "95% CI low", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "ci_high", "95% CI high", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "q1", "Q1", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "q3", "Q3", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "iqr", "IQR", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "skewness", "Skewness", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "kurtosis", "Excess kurtosis", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};
static const lt_coldef date_cols[] = {
	{ "column", "Column", LT_RC_TEXT }, { "n", "N", LT_RC_COUNT },
	{ "missing", "Missing", LT_RC_COUNT }, { "earliest", "Earliest", LT_RC_TEXT },
	{ "median", "Median", LT_RC_TEXT }, { "latest", "Latest", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};
static const lt_coldef category_cols[] = {
	{ "column", "Column", LT_RC_TEXT }, { "n", "N", LT_RC_COUNT },
	{ "missing", "Missing", LT_RC_COUNT }, { "levels", "Values", LT_RC_COUNT },
	{ "most_common", "Most common", LT_RC_TEXT },
	{ "most_common_pct", "%", LT_RC_PERCENT }, { NULL, NULL, 0 }
};

typedef struct describe_tables {
	lt_table *num, *cat, *date;
	lt_buf small;		/* columns with few values, for one caveat */
	size_t nsmall;
	int missing_seen;
	int numbers;		/* a mean and SD were computed */
	size_t *codes;		/* by GROUP: each row's group, else NULL */
	char **labels;		/* the groups' labels */
	size_t ngroups;
	const char *single;	/* headline when exactly one column */
} describe_tables;

/* The summary of the rows of group g (codes parallel to x and w). */
static void
group_summary(const double *x, const double *w, size_t n, const size_t *codes,
    size_t g, lt_summary *out)
{
	double *gx = lt_malloc((n ? n : 1) * sizeof *gx);
	double *gw = w != NULL ? lt_malloc((n ? n : 1) * sizeof *gw) : NULL;
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (codes[i] == g) {
			gx[m] = x[i];
			if (gw != NULL)
				gw[m] = w[i];
			m++;
		}
	lt_stats_summary(gx, gw, m, out);
	free(gx);
	free(gw);
}

/* Set a number cell, or leave it missing when the value is NaN. */
static void
put_num(lt_table *t, size_t row, size_t col, double v)
{
	if (!isnan(v))
		lt_table_num(t, row, col, v);
}

/* One row of the numbers table (group NULL when not grouped). */
static void
number_row(describe_tables *dt, lt_result *r, const lt_var *v, const char *group,
    const lt_summary *sm)
{
	const double vals[] = { sm->mean, sm->sd, sm->min, sm->median, sm->max };
	const double more[] = { sm->se, sm->ci_lo, sm->ci_hi, sm->q1, sm->q3, sm->iqr,
	    sm->skew, sm->kurt };
	lt_table *t;
	size_t row;

	if (dt->num == NULL)
		dt->num = lt_result_table_with(r, "numbers", "Numbers", number_cols);
	t = dt->num;
	row = lt_table_row(t);
	lt_table_text(t, row, 0, v->name);
	lt_table_text(t, row, 1, group != NULL ? group : "all");
	lt_table_num(t, row, 2, sm->n);
	lt_table_num(t, row, 3, sm->missing);
	for (size_t k = 0; k < 5; k++)
		put_num(t, row, 4 + k, vals[k]);
	lt_table_text(t, row, 9, v->unit != NULL ? v->unit : "");
	for (size_t k = 0; k < 8; k++)
		put_num(t, row, 10 + k, more[k]);
}

/* "BMI by sex: the average is highest for male (27.5) and lowest for ..." */
static void
group_headline(lt_session *s, lt_result *r, const lt_var *v, const describe_tables *dt,
    const double *means, size_t hi, size_t lo)
{
	lt_buf b = LT_BUF_INIT;
	char *title = var_title(v);
	int digits = lt_session_int(s, "digits");

	lt_buf_printf(&b, "%s: the average is highest for %s (", title, dt->labels[hi]);
	lt_format_number(&b, means[hi], digits);
	lt_buf_printf(&b, "). It is lowest for %s (", dt->labels[lo]);
	lt_format_number(&b, means[lo], digits);
	lt_buf_puts(&b, ").");
	lt_result_headline(r, "%s", lt_buf_str(&b));
	lt_result_caveat(r, "These are averages of the groups as they are; a difference between "
	    "them may be chance, and may come from other things that differ between the groups. "
	    "\"compare\" tests it.");
	free(title);
	lt_buf_free(&b);
}

/* The key numbers of one column, in the numbers layer, with a headline. */
static void
number_items(lt_session *s, lt_result *r, const lt_var *v, const lt_summary *sm)
{
	lt_buf b = LT_BUF_INIT;
	char *title = var_title(v);
	int digits = lt_session_int(s, "digits");

	lt_buf_printf(&b, "%s: the average is ", title);
	lt_format_number(&b, sm->mean, digits);
	lt_buf_puts(&b, ", from ");
	lt_format_number(&b, sm->n, 0);
	if (s->ds->weight != NULL || strcmp(s->ds->kind, LT_KIND_INDIVIDUAL) == 0)
		lt_buf_puts(&b, sm->n == 1 ? " person." : " people.");
	else
		lt_buf_puts(&b, sm->n == 1 ? " row." : " rows.");
	if (!isnan(sm->ci_lo)) {
		lt_buf_puts(&b, " The true average is likely between ");
		lt_format_number(&b, sm->ci_lo, digits);
		lt_buf_puts(&b, " and ");
		lt_format_number(&b, sm->ci_hi, digits);
		lt_buf_puts(&b, ".");
	}
	lt_buf_puts(&b, " Half the values are below ");
	lt_format_number(&b, sm->median, digits);
	lt_buf_puts(&b, ".");
	lt_result_headline(r, "%s", lt_buf_str(&b));
	lt_result_number(r, "n", "N", sm->n, NULL);
	lt_result_number(r, "missing", "Missing", sm->missing, NULL);
	lt_result_number(r, "mean", "Mean", sm->mean, v->unit);
	lt_result_number(r, "ci_low", "95% CI of the mean, from", sm->ci_lo, v->unit);
	lt_result_number(r, "ci_high", "95% CI of the mean, to", sm->ci_hi, v->unit);
	lt_result_number(r, "sd", "Standard deviation", sm->sd, v->unit);
	lt_result_number(r, "se", "Standard error", sm->se, v->unit);
	lt_result_number(r, "min", "Smallest", sm->min, v->unit);
	lt_result_number(r, "q1", "Lower quartile (Q1)", sm->q1, v->unit);
	lt_result_number(r, "median", "Median", sm->median, v->unit);
	lt_result_number(r, "q3", "Upper quartile (Q3)", sm->q3, v->unit);
	lt_result_number(r, "max", "Largest", sm->max, v->unit);
	lt_result_number(r, "iqr", "Interquartile range", sm->iqr, v->unit);
	lt_result_number(r, "skewness", "Skewness", sm->skew, NULL);
	lt_result_number(r, "kurtosis", "Excess kurtosis", sm->kurt, NULL);
	if (!isnan(sm->skew) && fabs(sm->skew) >= 1)
		lt_result_caveat(r, "The values are lopsided (skewness %.1f): a few very %s values "
		    "pull the mean %s, so the median may describe a typical value better.",
		    sm->skew, sm->skew > 0 ? "large" : "small", sm->skew > 0 ? "up" : "down");
	free(title);
	lt_buf_free(&b);
}

static int
describe_numeric(lt_session *s, int idx, describe_tables *dt, lt_result *r, lt_error *err)
{
	const lt_var *v = &s->ds->vars[idx];
	double *x, *w;
	size_t n, row;
	lt_summary sm;
	lt_table *t;
	int rc;

	if ((rc = lt_session_numeric(s, idx, &x, &w, &n, err)) != 0)
		return rc;
	lt_stats_summary(x, w, n, &sm);
	lt_summary_shift(&sm, v->offset);
	if (v->type == LT_VT_DATE) {
		lt_buf b = LT_BUF_INIT;

		if (dt->date == NULL) {
			dt->date = lt_result_table_with(r, "dates", "Dates", date_cols);
		}
		t = dt->date;
		row = lt_table_row(t);
		lt_table_text(t, row, 0, v->name);
		lt_table_num(t, row, 1, sm.n);
		lt_table_num(t, row, 2, sm.missing);
		if (sm.n > 0) {
			char first[16], mid[16], last[16];

			lt_date_format(&b, (long)(sm.min));
			snprintf(first, sizeof first, "%s", lt_buf_str(&b));
			lt_buf_reset(&b);
			lt_date_format(&b, (long)(floor(sm.median)));
			snprintf(mid, sizeof mid, "%s", lt_buf_str(&b));
			lt_buf_reset(&b);
			lt_date_format(&b, (long)(sm.max));
			snprintf(last, sizeof last, "%s", lt_buf_str(&b));
			lt_table_text(t, row, 3, first);
			lt_table_text(t, row, 4, mid);
			lt_table_text(t, row, 5, last);
			if (dt->single != NULL) {
				lt_buf_reset(&b);
				lt_format_number(&b, sm.n, 0);
				lt_result_headline(r, "%s: from %s to %s, with half of the dates before "
				    "%s (%s values).", v->label, first, last, mid, lt_buf_str(&b));
			}
		}
		lt_buf_free(&b);
	} else {
		dt->numbers = 1;
		if (dt->codes != NULL) {
			size_t hi = 0, lo = 0, seen = 0;
			double *means = lt_calloc(dt->ngroups + 1, sizeof *means);

			for (size_t g = 0; g < dt->ngroups; g++) {
				lt_summary gs;

				group_summary(x, w, n, dt->codes, g, &gs);
				lt_summary_shift(&gs, v->offset);
				number_row(dt, r, v, dt->labels[g], &gs);
				means[g] = gs.mean;
				if (isnan(gs.mean))
					continue;
				if (seen++ == 0 || gs.mean > means[hi])
					hi = g;
				if (seen == 1 || gs.mean < means[lo])
					lo = g;
			}
			if (dt->single != NULL && seen >= 2)
				group_headline(s, r, v, dt, means, hi, lo);
			free(means);
		} else if (dt->single == NULL) {
			number_row(dt, r, v, NULL, &sm);
		} else if (sm.n > 0) {
			number_items(s, r, v, &sm);
		} else {
			/* No value: say so (an empty filter has its own headline). */
			if (s->filtered_rows != 0) {
				lt_result_headline(r, "No row has a value for %s here, so there is "
				    "nothing to average.", v->name);
				lt_result_number(r, "n", "N", 0, NULL);
				lt_result_number(r, "missing", "Missing", sm.missing, NULL);
			}
			dt->numbers = 0;
		}
	}
	if (sm.missing > 0)
		dt->missing_seen = 1;
	if (sm.n > 0 && sm.n < 30) {
		lt_buf_printf(&dt->small, "%s%s", dt->nsmall > 0 ? ", " : "", v->name);
		dt->nsmall++;
	}
	free(x);
	free(w);
	return 0;
}

static int
describe_category(lt_session *s, int idx, describe_tables *dt, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	const lt_var *v = &d->vars[idx];
	int widx = d->weight != NULL ? lt_dataset_var_index(d, d->weight) : -1;
	char *sql, *top = NULL;
	double n = 0, missing = 0, topn = -1;
	long long levels = 0;
	sqlite3_stmt *st;
	lt_table *t;
	size_t row;
	int rc;

	sql = select_sql(s, v, widx, 1, 1);
	rc = prepare(s, sql, &st, err);
	free(sql);
	if (rc != 0)
		return rc;
	lt_session_bind_filter(s, st, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double c = sqlite3_column_double(st, 1);

		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			missing += c;
			continue;
		}
		n += c;
		levels++;
		if (c > topn) {
			const char *val = (const char *)sqlite3_column_text(st, 0);
			const char *label = lt_var_label_of(v, val);

			topn = c;
			free(top);
			top = lt_strdup(label != NULL ? label : val);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(top);
		return lt_db_error(lt_catalog_db(s->cat), err, "reading the data");
	}
	if (dt->cat == NULL) {
		dt->cat = lt_result_table_with(r, "categories", "Categories and text",
		    category_cols);
	}
	t = dt->cat;
	row = lt_table_row(t);
	lt_table_text(t, row, 0, v->name);
	lt_table_num(t, row, 1, n);
	lt_table_num(t, row, 2, missing);
	lt_table_num(t, row, 3, (double)levels);
	if (top != NULL && v->type != LT_VT_TEXT) {
		lt_table_text(t, row, 4, top);
		lt_table_num(t, row, 5, 100.0 * topn / n);
	} else {
		lt_table_text(t, row, 4, "");	/* free text: no "most common" */
		lt_table_text(t, row, 5, "");
	}
	if (dt->single != NULL && top != NULL && v->type != LT_VT_TEXT) {
		lt_buf b = LT_BUF_INIT;

		lt_buf_printf(&b, "%s: the most common value is %s (", v->label, top);
		lt_format_number(&b, 100.0 * topn / n, 3);
		lt_buf_puts(&b, "% of ");
		lt_format_number(&b, n, 0);
		lt_buf_printf(&b, ")");
		lt_result_headline(r, "%s.", lt_buf_str(&b));
		lt_buf_free(&b);
	}
	if (missing > 0)
		dt->missing_seen = 1;
	free(top);
	return 0;
}

static int
describe_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	describe_tables dt = { 0 };
	int *cols = lt_calloc(d->nvars + a->argc + 1, sizeof *cols), rc = 0, gidx = -1;
	size_t ncols = 0, nwords = a->argc, ngrouped;

	/* "describe A B by G": the words before "by" are columns. */
	for (size_t i = 0; i < a->argc; i++)
		if (strcasecmp(a->argv[i], "by") == 0) {
			if (i + 2 != a->argc) {
				rc = lt_err_at(err, LT_EINVAL, a->argpos[i],
				    "by takes one column to group by, as in \"describe bmi by sex\"");
				goto out;
			}
			if ((rc = lt_session_var(s, a->argv[i + 1], a->argpos[i + 1], &gidx,
			    err)) != 0)
				goto out;
			if ((rc = lt_session_groups(s, gidx, a->argpos[i + 1], &dt.codes,
			    &dt.labels, &dt.ngroups, &ngrouped, err)) != 0)
				goto out;
			nwords = i;
		}
	for (size_t i = 0; i < nwords; i++)
		if ((rc = lt_session_var(s, a->argv[i], a->argpos[i], &cols[ncols++], err)) != 0)
			goto out;
	if (nwords == 0)
		for (size_t i = 0; i < d->nvars; i++)
			if ((int)i != gidx)
				cols[ncols++] = (int)i;
	if (ncols == 1)
		dt.single = d->vars[cols[0]].name;
	if ((rc = lt_session_count(s, &s->filtered_rows, err)) != 0)
		goto out;
	for (size_t i = 0; i < ncols && rc == 0; i++) {
		const lt_var *v = &d->vars[cols[i]];

		int number = v->nlevels == 0 && (v->type == LT_VT_INTEGER ||
		    v->type == LT_VT_NUMBER);

		if (d->weight != NULL && strcmp(v->name, d->weight) == 0 && nwords == 0)
			continue;
		if (gidx >= 0 && !number) {
			if (nwords == 0)
				continue;	/* describe by G: the number columns */
			rc = lt_err_at(err, LT_EINVAL, a->argpos[i],
			    "describe ... by works on number columns, and %s is not one; "
			    "count it by group with \"crosstab %s by %s\"", v->name, v->name,
			    d->vars[gidx].name);
			break;
		}
		if (number || v->type == LT_VT_DATE)
			rc = describe_numeric(s, cols[i], &dt, r, err);
		else
			rc = describe_category(s, cols[i], &dt, r, err);
	}
	if (rc != 0)
		goto out;
	if (r->headline == NULL && s->filtered_rows == 0) {
		lt_result_headline(r, "No rows match the filter, so there is nothing to summarise; "
		    "change it, or turn it off with \"filter off\".");
	} else if (r->headline == NULL) {
		lt_buf b = LT_BUF_INIT;

		lt_format_number(&b, (double)s->filtered_rows, 0);
		lt_result_headline(r, "A summary of %zu column%s of %s, over %s row%s%s.", ncols,
		    ncols == 1 ? "" : "s", d->name, lt_buf_str(&b), s->filtered_rows == 1 ? "" : "s",
		    s->filter != NULL ? " that match the filter" : "");
		lt_buf_free(&b);
	}
	if (dt.nsmall > 0)
		lt_result_caveat(r, "Fewer than 30 values in %s: with so few, the numbers could "
		    "easily come out differently in another sample.", lt_buf_str(&dt.small));
	if (dt.missing_seen)
		lt_result_caveat(r, "Some values are missing; the statistics use only the rows "
		    "that have a value, which can mislead if the gaps are not random.");
	if (gidx >= 0 && !dt.numbers) {
		rc = lt_err(err, LT_EINVAL, "%s has no number columns to summarise by group; "
		    "count categories by group with crosstab", d->name);
		goto out;
	}
	if (dt.numbers) {
		lt_result_method(r, "Mean and standard deviation (dividing by n - 1); the median "
		    "is the middle value and Q1, Q3 the quartiles (quantile type 7, as R's "
		    "default).");
		lt_result_method(r, "The 95%% confidence interval of the mean uses the t "
		    "distribution; skewness and excess kurtosis are G1 and G2, as SPSS and Excel "
		    "compute them (Joanes and Gill, 1998).");
	}
	if (d->weight != NULL)
		lt_result_method(r, "Each row counts as \"%s\" people (a frequency weight).",
		    d->weight);
	lt_session_context(s, r);
out:
	lt_buf_free(&dt.small);
	free(dt.codes);
	lt_strv_free(dt.labels);
	free(cols);
	return rc;
}

const lt_cmd_entry lt_cmd_describe_entry = {
	.name = "describe",
	.args = "[COLUMN...]",
	.summary = "summarise columns: counts, averages, spread",
	.help = "Summarises each COLUMN (every column when none is named) over the rows the "
	    "filter selects. For numbers: how many values and how many are missing, the mean, "
	    "standard deviation, smallest, median and largest. For categories: how many "
	    "different values and the most common one. Dates give the earliest and latest.",
	.example = "describe bmi sbp",
	.max_args = -1,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.exec = describe_exec,
};
