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
#include "protect.h"
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

/*
 * How many rows the filter selects, for a headline: the count protected
 * as the filter's "rows that match" key number is (sdc_pass.c), into b.
 * None is a small count too ("0" against "hidden" would tell whether a
 * person matches), and a small count says so whatever else it is, so
 * that a few and none read the same. Returns 0 when it may be shown,
 * else 1 with b saying why it is hidden.
 */
static int
filter_count(lt_session *s, long long n, lt_buf *b)
{
	double shown;
	int state = lt_session_filter_state(s, n, &shown);
	char *why;

	lt_buf_reset(b);
	if (state == LT_SDC_SHOWN) {
		lt_format_number(b, shown, 0);
		return 0;
	}
	why = lt_sdc_why(lt_session_profile(s), state);
	lt_buf_puts(b, why != NULL ? why : "too few people");
	free(why);
	return 1;
}

static int
filter_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_sql sql, old_where;
	char *old_filter;
	long long n;
	lt_buf num = LT_BUF_INIT, all = LT_BUF_INIT;
	int rc, hidden;

	if (a->raw[0] == '\0') {
		if (s->filter == NULL) {
			lt_result_headline(r, "No filter is on: every row is used.");
			lt_result_fact(r, "next", "Try", "filter age >= 65 and smoking = \"current\"");
			return 0;
		}
		if ((rc = lt_session_count(s, &n, err)) != 0)
			return rc;
		s->filtered_rows = n;
		if (filter_count(s, n, &num))
			lt_result_headline(r, "The filter %s is on; how many rows it selects is "
			    "hidden (%s).", s->filter, lt_buf_str(&num));
		else
			lt_result_headline(r, "The filter %s selects %s rows.", s->filter,
			    lt_buf_str(&num));
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
	lt_format_number(&all, (double)s->ds->rows, 0);
	if ((hidden = filter_count(s, n, &num)))
		lt_result_headline(r, "Filter on: %s. How many rows match is hidden (%s).",
		    s->filter, lt_buf_str(&num));
	else
		lt_result_headline(r, "Filter on: %s of %s rows match %s.", lt_buf_str(&num),
		    lt_buf_str(&all), s->filter);
	lt_result_number(r, "rows", "Rows that match", (double)n, NULL);
	if (hidden)
		lt_result_hide_item(r, r->nitems - 1, lt_buf_str(&num));
	else if (n == 0)
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
	const char *gname;	/* by GROUP: its column's name */
	const char *single;	/* headline when exactly one column */
} describe_tables;

/*
 * The protection of one summary: its protected n and missing counts, why
 * its statistics are hidden (a group of too few people; NULL: shown), and
 * whether minima and maxima may be shown.
 */
typedef struct guard {
	const lt_sdc_cell *n, *missing;
	char *stat_why;
	char *extreme_why;	/* NULL when minima and maxima may be shown */
} guard;

/* The guard of a summary of n people (true count), with its protected cells. */
static void
guard_init(lt_session *s, guard *gd, const lt_sdc_cell *n, const lt_sdc_cell *missing,
    double true_n)
{
	const lt_sdc_profile *p = lt_protect_active(s);

	gd->n = n;
	gd->missing = missing;
	/* A count hidden only to protect another leaves the statistics be. */
	gd->stat_why = lt_protect_stat_why(s, true_n);
	gd->extreme_why = p != NULL && p->no_extremes ? lt_sdc_why(p, LT_SDC_EXTREME) : NULL;
}

static void
guard_free(guard *gd)
{
	free(gd->stat_why);
	free(gd->extreme_why);
}

/* One row of the numbers table (group NULL when not grouped). */
static void
number_row(describe_tables *dt, lt_result *r, const lt_var *v, const char *group,
    const lt_summary *sm, const guard *gd)
{
	const double vals[] = { sm->mean, sm->sd, sm->min, sm->median, sm->max };
	const double more[] = { sm->se, sm->ci_lo, sm->ci_hi, sm->q1, sm->q3, sm->iqr,
	    sm->skew, sm->kurt };
	lt_table *t;
	size_t row;

	if (dt->num == NULL) {
		dt->num = lt_result_table_with(r, "numbers", "Numbers", number_cols);
		dt->num->protected = 1;
	}
	t = dt->num;
	row = lt_table_row(t);
	lt_table_text(t, row, 0, v->name);
	lt_table_text(t, row, 1, group != NULL ? group : "all");
	lt_protect_put(t, row, 2, gd->n);
	lt_protect_put(t, row, 3, gd->missing);
	for (size_t k = 0; k < 5; k++)
		lt_protect_num(t, row, 4 + k, vals[k], gd->stat_why != NULL ? gd->stat_why :
		    k == 2 || k == 4 ? gd->extreme_why : NULL);
	lt_table_text(t, row, 9, v->unit != NULL ? v->unit : "");
	/* The standard error and interval give n back: hidden with a hidden n. */
	for (size_t k = 0; k < 8; k++)
		lt_protect_num(t, row, 10 + k, more[k], gd->stat_why != NULL ? gd->stat_why :
		    k < 3 && !LT_SHOWN(gd->n) ? gd->n->why : NULL);
}

/* "BMI by sex: the average is highest for male (27.5) and lowest for ..." */
static void
group_headline(lt_session *s, lt_result *r, const lt_var *v, const describe_tables *dt,
    const double *means, size_t hi, size_t lo)
{
	lt_buf b = LT_BUF_INIT;
	char *title = var_title(v);
	int digits = lt_session_digits(s);

	lt_buf_printf(&b, "%s: the average is highest for %s (", title, dt->labels[hi]);
	lt_format_number(&b, lt_session_round(s, means[hi]), digits);
	lt_buf_printf(&b, "). It is lowest for %s (", dt->labels[lo]);
	lt_format_number(&b, lt_session_round(s, means[lo]), digits);
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
number_items(lt_session *s, lt_result *r, const lt_var *v, const lt_summary *sm,
    const guard *gd)
{
	lt_buf b = LT_BUF_INIT;
	char *title = var_title(v);
	int digits = lt_session_digits(s);
	double n = gd->n->value;

	if (gd->stat_why != NULL) {
		lt_result_headline(r, "Too few people have a value for %s here to show its "
		    "average.", v->name);
		goto numbers;
	}
	lt_buf_printf(&b, "%s: the average is ", title);
	lt_format_number(&b, lt_session_round(s, sm->mean), digits);
	if (!LT_SHOWN(gd->n)) {
		lt_buf_puts(&b, ".");
	} else {
		lt_buf_puts(&b, ", from ");
		lt_format_number(&b, n, 0);
		if (s->ds->weight != NULL || strcmp(s->ds->kind, LT_KIND_INDIVIDUAL) == 0)
			lt_buf_puts(&b, n == 1 ? " person." : " people.");
		else
			lt_buf_puts(&b, n == 1 ? " row." : " rows.");
	}
	if (!isnan(sm->ci_lo) && LT_SHOWN(gd->n)) {
		lt_buf_puts(&b, " The true average is likely between ");
		lt_format_number(&b, lt_session_round(s, sm->ci_lo), digits);
		lt_buf_puts(&b, " and ");
		lt_format_number(&b, lt_session_round(s, sm->ci_hi), digits);
		lt_buf_puts(&b, ".");
	}
	lt_buf_puts(&b, " Half the values are below ");
	lt_format_number(&b, lt_session_round(s, sm->median), digits);
	lt_buf_puts(&b, ".");
	lt_result_headline(r, "%s", lt_buf_str(&b));
numbers:
	{
		const char *st = gd->stat_why;
		const char *nw = st != NULL ? st : gd->n->why;	/* SE and CI give n back */
		const char *ew = st != NULL ? st : gd->extreme_why;

		lt_protect_count(r, "n", "N", gd->n);
		lt_protect_count(r, "missing", "Missing", gd->missing);
		lt_protect_number(r, "mean", "Mean", sm->mean, v->unit, st);
		lt_protect_number(r, "ci_low", "95% CI of the mean, from", sm->ci_lo, v->unit, nw);
		lt_protect_number(r, "ci_high", "95% CI of the mean, to", sm->ci_hi, v->unit, nw);
		lt_protect_number(r, "sd", "Standard deviation", sm->sd, v->unit, st);
		lt_protect_number(r, "se", "Standard error", sm->se, v->unit, nw);
		lt_protect_number(r, "min", "Smallest", sm->min, v->unit, ew);
		lt_protect_number(r, "q1", "Lower quartile (Q1)", sm->q1, v->unit, st);
		lt_protect_number(r, "median", "Median", sm->median, v->unit, st);
		lt_protect_number(r, "q3", "Upper quartile (Q3)", sm->q3, v->unit, st);
		lt_protect_number(r, "max", "Largest", sm->max, v->unit, ew);
		lt_protect_number(r, "iqr", "Interquartile range", sm->iqr, v->unit, st);
		lt_protect_number(r, "skewness", "Skewness", sm->skew, NULL, st);
		lt_protect_number(r, "kurtosis", "Excess kurtosis", sm->kurt, NULL, st);
	}
	if (gd->stat_why == NULL && !isnan(sm->skew) && fabs(sm->skew) >= 1)
		lt_result_caveat(r, "The values are lopsided (skewness %.1f): a few very %s values "
		    "pull the mean %s, so the median may describe a typical value better.",
		    sm->skew, sm->skew > 0 ? "large" : "small", sm->skew > 0 ? "up" : "down");
	free(title);
	lt_buf_free(&b);
}

/*
 * Protect the counts of a described column: with a value and missing, a
 * row per group when grouped (key "describe COLUMN [by GROUP]").
 */
static int
protect_counts(lt_session *s, const lt_var *v, describe_tables *dt, const double *counts,
    size_t rows, lt_sdc_tab *out, lt_error *err)
{
	static const char *const cl[] = { "(value)", "(missing)" };
	static const char *const all[] = { "all" };
	char *key = dt->codes != NULL ? lt_sprintf("describe %s by %s", v->name, dt->gname) :
	    lt_sprintf("describe %s", v->name);
	int rc;

	rc = lt_protect_tab(s, key, dt->codes != NULL ? (const char *const *)dt->labels : all,
	    cl, counts, rows, 2, out, err);
	free(key);
	return rc;
}

static int
describe_numeric(lt_session *s, int idx, describe_tables *dt, lt_result *r, lt_error *err)
{
	const lt_var *v = &s->ds->vars[idx];
	double *x, *w, counts[2];
	size_t n, row;
	lt_summary sm;
	lt_sdc_tab pt = { 0 };
	guard gd;
	lt_table *t;
	int rc;

	if ((rc = lt_session_numeric(s, idx, &x, &w, &n, err)) != 0)
		return rc;
	lt_stats_summary(x, w, n, &sm);
	lt_summary_shift(&sm, v->offset);
	counts[0] = sm.n;
	counts[1] = sm.missing;
	if (dt->codes == NULL || v->type == LT_VT_DATE) {
		describe_tables one = *dt;

		one.codes = NULL;
		if ((rc = protect_counts(s, v, &one, counts, 1, &pt, err)) != 0)
			goto out;
		guard_init(s, &gd, &pt.cells[0], &pt.cells[1], sm.n);
	}
	if (v->type == LT_VT_DATE) {
		lt_buf b = LT_BUF_INIT;

		if (dt->date == NULL) {
			dt->date = lt_result_table_with(r, "dates", "Dates", date_cols);
			dt->date->protected = 1;
		}
		t = dt->date;
		row = lt_table_row(t);
		lt_table_text(t, row, 0, v->name);
		lt_protect_put(t, row, 1, gd.n);
		lt_protect_put(t, row, 2, gd.missing);
		if (sm.n > 0) {
			char first[16], mid[16], last[16];
			const char *ewhy = gd.stat_why != NULL ? gd.stat_why : gd.extreme_why;

			lt_date_format(&b, (long)(sm.min));
			snprintf(first, sizeof first, "%s", lt_buf_str(&b));
			lt_buf_reset(&b);
			lt_date_format(&b, (long)(floor(sm.median)));
			snprintf(mid, sizeof mid, "%s", lt_buf_str(&b));
			lt_buf_reset(&b);
			lt_date_format(&b, (long)(sm.max));
			snprintf(last, sizeof last, "%s", lt_buf_str(&b));
			if (ewhy != NULL) {
				lt_table_hide(t, row, 3, ewhy);
				lt_table_hide(t, row, 5, ewhy);
			} else {
				lt_table_text(t, row, 3, first);
				lt_table_text(t, row, 5, last);
			}
			if (gd.stat_why != NULL)
				lt_table_hide(t, row, 4, gd.stat_why);
			else
				lt_table_text(t, row, 4, mid);
			if (dt->single != NULL && gd.stat_why != NULL) {
				lt_result_headline(r, "Too few people have a date in %s here to "
				    "describe them.", v->name);
			} else if (dt->single != NULL && ewhy != NULL) {
				lt_buf_reset(&b);
				lt_format_number(&b, gd.n->value, 0);
				lt_result_headline(r, "%s: half of the dates are before %s (%s "
				    "values).", v->label, mid, lt_buf_str(&b));
			} else if (dt->single != NULL) {
				lt_buf_reset(&b);
				lt_format_number(&b, gd.n->value, 0);
				lt_result_headline(r, "%s: from %s to %s, with half of the dates before "
				    "%s (%s values).", v->label, first, last, mid, lt_buf_str(&b));
			}
		}
		lt_buf_free(&b);
		guard_free(&gd);
	} else {
		dt->numbers = 1;
		if (dt->codes != NULL) {
			size_t hi = 0, lo = 0, seen = 0;
			double *means = lt_calloc(dt->ngroups + 1, sizeof *means);
			double *gc = lt_calloc(2 * dt->ngroups + 1, sizeof *gc);
			lt_summary *gs = lt_calloc(dt->ngroups + 1, sizeof *gs);

			for (size_t g = 0; g < dt->ngroups; g++) {
				lt_stats_group_summary(x, w, n, dt->codes, g, &gs[g]);
				lt_summary_shift(&gs[g], v->offset);
				gc[2 * g] = gs[g].n;
				gc[2 * g + 1] = gs[g].missing;
			}
			rc = protect_counts(s, v, dt, gc, dt->ngroups, &pt, err);
			for (size_t g = 0; g < dt->ngroups && rc == 0; g++) {
				guard gg;

				guard_init(s, &gg, &pt.cells[2 * g], &pt.cells[2 * g + 1], gs[g].n);
				number_row(dt, r, v, dt->labels[g], &gs[g], &gg);
				means[g] = gg.stat_why == NULL ? gs[g].mean : NAN;
				guard_free(&gg);
				if (isnan(means[g]))
					continue;
				if (seen++ == 0 || means[g] > means[hi])
					hi = g;
				if (seen == 1 || means[g] < means[lo])
					lo = g;
			}
			if (rc == 0 && dt->single != NULL && seen >= 2)
				group_headline(s, r, v, dt, means, hi, lo);
			free(means);
			free(gc);
			free(gs);
			if (rc != 0)
				goto out;
		} else if (dt->single == NULL) {
			number_row(dt, r, v, NULL, &sm, &gd);
		} else if (sm.n > 0) {
			number_items(s, r, v, &sm, &gd);
		} else {
			/* No value: say so (an empty filter has its own headline). */
			if (s->filtered_rows != 0) {
				lt_result_headline(r, "No row has a value for %s here, so there is "
				    "nothing to average.", v->name);
				lt_result_number(r, "n", "N", 0, NULL);
				if (LT_SHOWN(gd.missing))
					lt_result_number(r, "missing", "Missing", gd.missing->value,
					    NULL);
			}
			dt->numbers = 0;
		}
		if (dt->codes == NULL)
			guard_free(&gd);
	}
	if (sm.missing > 0)
		dt->missing_seen = 1;
	if (sm.n > 0 && sm.n < 30) {
		lt_buf_printf(&dt->small, "%s%s", dt->nsmall > 0 ? ", " : "", v->name);
		dt->nsmall++;
	}
out:
	lt_sdc_tab_free(&pt);
	free(x);
	free(w);
	return rc;
}

/*
 * A category: its counts are freq's (the same key and labels, so the same
 * protection); free text: with a value and missing only.
 */
static int
describe_category(lt_session *s, int idx, describe_tables *dt, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	const lt_var *v = &d->vars[idx];
	int widx = d->weight != NULL ? lt_dataset_var_index(d, d->weight) : -1;
	char *sql, **lab = NULL;
	double n = 0, missing = 0, *cnt = NULL, pn, pm, topn = -1;
	size_t levels = 0, cap = 0, top = 0, nlab = 0;
	const char *why = NULL;
	sqlite3_stmt *st;
	lt_sdc_vec pv = { 0 };
	lt_table *t;
	size_t row;
	int rc;

	if (lt_var_coded(v) && v->nlevels <= LT_MAX_GROUPS) {
		/* Stored as codes: count them, no SQL (the values present, in order). */
		size_t *g, k, m, wn;
		char **labels;
		double *w = NULL, *u = NULL, *c;

		if ((rc = lt_session_groups(s, idx, -1, &g, &labels, &k, &m, err)) != 0)
			return rc;
		if (widx >= 0 && (rc = lt_session_numeric(s, widx, &w, &u, &wn, err)) != 0) {
			free(g);
			lt_strv_free(labels);
			return rc;
		}
		c = lt_calloc(k + 1, sizeof *c);
		for (size_t i = 0; i < m; i++)
			c[g[i] == LT_NO_GROUP ? k : g[i]] += w != NULL ?
			    w[i] + d->vars[widx].offset : 1;
		missing = c[k];
		lab = lt_calloc(k + 2, sizeof *lab);
		cnt = lt_calloc(k + 2, sizeof *cnt);
		cap = k + 1;
		for (size_t j = 0; j < k; j++)
			if (c[j] > 0) {
				n += c[j];
				lab[levels] = lt_strdup(labels[j]);
				cnt[levels++] = c[j];
			}
		nlab = levels;
		free(c);
		free(g);
		free(w);
		free(u);
		lt_strv_free(labels);
	} else {
		sql = select_sql(s, v, widx, 1, 1);
		rc = prepare(s, sql, &st, err);
		free(sql);
		if (rc != 0)
			return rc;
		lt_session_bind_filter(s, st, 1);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			double c = sqlite3_column_double(st, 1);
			const char *val, *label;

			if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
				missing += c;
				continue;
			}
			n += c;
			val = (const char *)sqlite3_column_text(st, 0);
			label = lt_var_label_of(v, val);
			lab = lt_grow(lab, &cap, levels + 2, sizeof *lab);
			cnt = lt_realloc(cnt, (cap + 1) * sizeof *cnt);
			lab[levels] = lt_strdup(label != NULL ? label : val);
			cnt[levels++] = c;
			nlab = levels;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			rc = lt_db_error(lt_catalog_db(s->cat), err, "reading the data");
			goto out;
		}
	}
	rc = 0;
	if (v->type != LT_VT_TEXT) {
		char *key = lt_sprintf("freq %s", v->name);

		lab = lt_grow(lab, &cap, levels + 2, sizeof *lab);
		cnt = lt_realloc(cnt, (cap + 1) * sizeof *cnt);
		lab[levels] = lt_strdup("(missing)");
		cnt[levels] = missing;
		nlab = levels + 1;
		rc = lt_protect_vec(s, key, (const char *const *)lab, cnt, levels + 1, &pv, err);
		free(key);
		if (rc != 0)
			goto out;
		for (size_t i = 0; i < levels; i++)
			if (LT_SHOWN(&pv.cells[i]) && pv.cells[i].value > topn) {
				topn = pv.cells[i].value;
				top = i;
			}
		pm = LT_SHOWN(&pv.cells[levels]) ? pv.cells[levels].value : NAN;
		pn = LT_SHOWN(&pv.total) ? pv.total.value - pm : NAN;
		why = !LT_SHOWN(&pv.total) ? pv.total.why : pv.cells[levels].why;
	} else {
		double two[2] = { n, missing };
		static const char *const tl[] = { "(value)", "(missing)" };
		char *key = lt_sprintf("describe %s", v->name);

		rc = lt_protect_vec(s, key, tl, two, 2, &pv, err);
		free(key);
		if (rc != 0)
			goto out;
		pn = LT_SHOWN(&pv.cells[0]) ? pv.cells[0].value : NAN;
		pm = LT_SHOWN(&pv.cells[1]) ? pv.cells[1].value : NAN;
		why = pv.cells[0].why;
	}
	if (dt->cat == NULL) {
		dt->cat = lt_result_table_with(r, "categories", "Categories and text",
		    category_cols);
		dt->cat->protected = 1;
	}
	t = dt->cat;
	row = lt_table_row(t);
	lt_table_text(t, row, 0, v->name);
	lt_protect_num(t, row, 1, pn, isnan(pn) ? why : NULL);
	lt_protect_num(t, row, 2, pm, isnan(pm) ? pv.cells[pv.n - 1].why : NULL);
	lt_table_num(t, row, 3, (double)levels);
	if (topn > 0 && v->type != LT_VT_TEXT) {
		lt_table_text(t, row, 4, lab[top]);
		lt_protect_num(t, row, 5, pn > 0 ? 100.0 * topn / pn : NAN, isnan(pn) ? why : NULL);
	} else {
		lt_table_text(t, row, 4, "");	/* free text: no "most common" */
		lt_table_text(t, row, 5, "");
	}
	if (dt->single != NULL && topn > 0 && pn > 0 && v->type != LT_VT_TEXT) {
		lt_buf b = LT_BUF_INIT;

		lt_buf_printf(&b, "%s: the most common value is %s (", v->label, lab[top]);
		lt_format_number(&b, 100.0 * topn / pn, 3);
		lt_buf_puts(&b, "% of ");
		lt_format_number(&b, pn, 0);
		lt_buf_printf(&b, ")");
		lt_result_headline(r, "%s.", lt_buf_str(&b));
		lt_buf_free(&b);
	} else if (dt->single != NULL && topn > 0 && v->type != LT_VT_TEXT) {
		lt_result_headline(r, "%s: the most common value is %s.", v->label, lab[top]);
	} else if (dt->single != NULL && levels > 0 && v->type != LT_VT_TEXT) {
		lt_result_headline(r, "Too few people have each value of %s here to show the "
		    "most common one.", v->name);
	}
	if (missing > 0)
		dt->missing_seen = 1;
out:
	lt_sdc_vec_free(&pv);
	for (size_t i = 0; i < nlab; i++)
		free(lab[i]);
	free(lab);
	free(cnt);
	return rc;
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
			dt.gname = d->vars[gidx].name;
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
		double rows;

		/* The rows are a count like any other: protected. */
		if ((rc = lt_protect_one(s, "rows", (double)s->filtered_rows, &rows, err)) != 0)
			goto out;
		if (isnan(rows)) {
			lt_result_headline(r, "A summary of %zu column%s of %s, over a few rows%s.",
			    ncols, ncols == 1 ? "" : "s", d->name,
			    s->filter != NULL ? " that match the filter" : "");
		} else {
			lt_format_number(&b, rows, 0);
			lt_result_headline(r, "A summary of %zu column%s of %s, over %s row%s%s.",
			    ncols, ncols == 1 ? "" : "s", d->name, lt_buf_str(&b), rows == 1 ? "" :
			    "s", s->filter != NULL ? " that match the filter" : "");
		}
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
	if (lt_protect_active(s) != NULL) {
		lt_protect_method(s, r);
		if (lt_session_profile(s)->no_extremes)
			lt_result_method(r, "The smallest and largest values are not shown: each "
			    "is one person's own value.");
	}
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
