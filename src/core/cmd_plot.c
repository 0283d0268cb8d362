/*
 * cmd_plot.c - the plot command: histograms, bar charts, box plots,
 * scatter plots and line charts as result documents.
 *
 * Each kind fills a table with the chart's data (so JSON and CSV carry the
 * numbers, and disclosure control can act on them) and adds a chart that
 * the text renderer draws (chart.c). The table's columns are detail
 * columns: in text, the chart stands for them. Filter and frequency
 * weights are honoured: weighted rows count as that many people.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "chart.h"
#include "date.h"
#include "format.h"
#include "protect.h"
#include "stats.h"
#include "session_int.h"

#define MAX_BINS	100	/* the most --bins may ask for */

extern const lt_cmd_entry lt_cmd_plot_entry;

/* People or rows, for headlines. */
static const char *
units(const lt_session *s)
{
	return s->ds->weight != NULL || strcmp(s->ds->kind, LT_KIND_INDIVIDUAL) == 0 ?
	    "people" : "rows";
}

/* "body mass index (kg/m2)": a column's label for a sentence. Caller frees. */
static char *
name_of(const lt_var *v, int lower)
{
	char *s;

	if (v->unit != NULL && *v->unit != '\0')
		s = lt_sprintf("%s (%s)", v->label, v->unit);
	else
		s = lt_strdup(v->label);
	if (lower && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
		s[0] = (char)(s[0] - 'A' + 'a');
	return s;
}

/* A count for a headline ("19,575"), in b. */
static const char *
count(lt_buf *b, double n)
{
	lt_buf_reset(b);
	lt_format_number(b, n, 0);
	return lt_buf_str(b);
}

/* The column called name, which must hold numbers (or dates when dates). */
static int
number_var(lt_session *s, const char *name, int pos, int dates, int *idx, lt_error *err)
{
	const lt_var *v;
	int rc;

	if ((rc = lt_session_var(s, name, pos, idx, err)) != 0)
		return rc;
	v = &s->ds->vars[*idx];
	if (v->nlevels > 0 || (v->type != LT_VT_INTEGER && v->type != LT_VT_NUMBER &&
	    !(dates && v->type == LT_VT_DATE)))
		return lt_err_at(err, LT_EINVAL, pos,
		    "%s is not a number column, so it cannot be drawn on a number axis; "
		    "try \"plot bar %s\" for categories", v->name, v->name);
	return 0;
}

/* The weight of row i (1 without weights; 0 for a missing weight). */
static double
weight(const double *w, size_t i)
{
	return w == NULL ? 1 : isfinite(w[i]) && w[i] > 0 ? w[i] : 0;
}

/* The caveat for rows left out because a value was missing. */
static void
missing_note(lt_result *r, double missing, const char *what)
{
	lt_buf b = LT_BUF_INIT;

	if (isnan(missing))
		lt_result_caveat(r, "Any %s with a missing value were left out; how many is "
		    "hidden, to protect privacy.", what);
	else if (missing > 0)
		lt_result_caveat(r, "%s %s with a missing value %s left out.",
		    count(&b, missing), what, missing == 1 ? "was" : "were");
	lt_buf_free(&b);
}

/*
 * Protect counts[0..n-1] with the count of rows left out for a missing
 * value as counts[n] (so n + 1 of them), under key. Fills t's column col
 * from row 0 with the protected counts (hidden ones hidden), sets *shown
 * to the count of rows with a value to report (the protected total less
 * the protected missing count; NAN when either is hidden) and *missing to
 * the protected missing count (NAN when hidden).
 */
static int
protect_counts(lt_session *s, const char *key, const char *const *labels,
    const double *counts, size_t n, lt_table *t, size_t col, double *shown,
    double *missing, lt_error *err)
{
	const char **lab = lt_calloc(n + 2, sizeof *lab);
	lt_sdc_vec v;
	int rc;

	for (size_t i = 0; i < n; i++)
		lab[i] = labels[i];
	lab[n] = "(missing)";
	rc = lt_protect_vec(s, key, lab, counts, n + 1, &v, err);
	free(lab);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		lt_protect_put(t, i, col, &v.cells[i]);
	t->protected = 1;
	*missing = LT_SHOWN(&v.cells[n]) ? v.cells[n].value : NAN;
	*shown = LT_SHOWN(&v.total) && !isnan(*missing) ? v.total.value - *missing : NAN;
	lt_sdc_vec_free(&v);
	return 0;
}

/* "for 19,575 people", or "" when that count is hidden, in b. */
static const char *
for_count(lt_buf *b, double n, const char *what)
{
	lt_buf_reset(b);
	if (!isnan(n)) {
		lt_buf_puts(b, " for ");
		lt_format_number(b, n, 0);
		lt_buf_printf(b, " %s", what);
	}
	return lt_buf_str(b);
}

static const lt_coldef hist_cols[] = {
	{ "from", "From", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "to", "To", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "count", "Count", LT_RC_COUNT | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/* plot hist COLUMN [--bins N] */
/*
 * A chart of fewer people than a statistic may describe is not drawn: its
 * axis (bin edges, the first and last date) comes from their own values.
 * Returns 1, with the result saying why, when that is so.
 */
static int
too_few(lt_session *s, lt_result *r, double people, const char *what)
{
	char *why = lt_protect_stat_why(s, people);

	if (why == NULL)
		return 0;
	lt_result_headline(r, "This %s is not drawn: it would show %s, and its axis would "
	    "show their own values.", what, why);
	lt_result_caveat(r, "Charts of very few people are withheld to protect their privacy; "
	    "type \"privacy\" to see the rules.");
	lt_session_context(s, r);
	free(why);
	return 1;
}

static int
plot_hist(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const char *bins = lt_args_opt(&lt_cmd_plot_entry, a, "bins");
	double *x = NULL, *w = NULL, *edges = NULL, *cnt = NULL, total = 0, missing = 0;
	size_t n, k, want = 0;
	lt_buf b = LT_BUF_INIT;
	char *xl = NULL, *xu = NULL, *key = NULL, **labels = NULL;
	const lt_sdc_profile *prof = lt_protect_active(s);
	size_t merged = 0;
	lt_table *t;
	int idx, rc;

	if (bins != NULL) {
		char *end;
		long v = strtol(bins, &end, 10);

		if (*end != '\0' || v < 1 || v > MAX_BINS)
			return lt_err(err, LT_EINVAL, "--bins takes a whole number from 1 to %d, "
			    "as in \"plot hist bmi --bins 10\"", MAX_BINS);
		want = (size_t)v;
	}
	if ((rc = number_var(s, a->argv[1], a->argpos[1], 0, &idx, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, idx, &x, &w, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		x[i] += s->ds->vars[idx].offset;
	edges = lt_calloc((want > LT_CHART_MAX_BINS ? want : LT_CHART_MAX_BINS) + 2,
	    sizeof *edges);
	k = lt_chart_bins(x, n, want, edges);
	cnt = lt_calloc(k + 2, sizeof *cnt);
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i])) {
			missing += weight(w, i);
			continue;
		}
		cnt[lt_chart_bin_of(edges, k, x[i])] += weight(w, i);
		total += weight(w, i);
	}
	if (too_few(s, r, total, "histogram"))
		goto out;
	/*
	 * Without extremes, an end bin of a few people would point at the
	 * smallest or largest value: it is merged into its neighbour until it
	 * holds enough people to be shown.
	 */
	if (prof != NULL && prof->no_extremes && prof->hide_below > 0) {
		while (k > 1 && lt_sdc_count_hidden(prof, cnt[0])) {
			cnt[1] += cnt[0];
			memmove(cnt, cnt + 1, (k - 1) * sizeof *cnt);
			memmove(edges + 1, edges + 2, (k - 1) * sizeof *edges);
			k--;
			merged++;
		}
		while (k > 1 && lt_sdc_count_hidden(prof, cnt[k - 1])) {
			cnt[k - 2] += cnt[k - 1];
			edges[k - 1] = edges[k];
			k--;
			merged++;
		}
	}
	t = lt_result_table_with(r, "bins", "Histogram", hist_cols);
	labels = lt_calloc(k + 1, sizeof *labels);
	for (size_t j = 0; j < k; j++) {
		size_t row = lt_table_row(t);

		lt_table_num(t, row, 0, edges[j]);
		lt_table_num(t, row, 1, edges[j + 1]);
		lt_buf_reset(&b);
		lt_buf_printf(&b, "[%.17g,%.17g)", edges[j], edges[j + 1]);
		labels[j] = lt_strdup(lt_buf_str(&b));
	}
	/*
	 * Without extremes, the outer edges are not shown either: they sit
	 * next to the smallest and largest values (a bin of width 1 has them
	 * exactly). The end bins are drawn open: "below 120", "175 and above".
	 */
	if (prof != NULL && prof->no_extremes && k > 0) {
		char *why = lt_sdc_why(prof, LT_SDC_EXTREME);

		lt_table_hide(t, 0, 0, why);
		lt_table_hide(t, k - 1, 1, why);
		free(why);
	}
	/*
	 * The bins are counts, protected with the missing count. The labels
	 * hold the edges, so another binning is other categories: the guard
	 * compares bins with the same edges only.
	 */
	key = lt_sprintf("plot hist %s", s->ds->vars[idx].name);
	cnt[k] = missing;
	rc = protect_counts(s, key, (const char *const *)labels, cnt, k, t, 2, &total,
	    &missing, err);
	if (rc != 0)
		goto out;
	xl = name_of(&s->ds->vars[idx], 1);
	xu = name_of(&s->ds->vars[idx], 0);
	lt_result_headline(r, "A histogram of %s%s.", xl, for_count(&b, total, units(s)));
	lt_buf_reset(&b);
	lt_buf_printf(&b, "%c%s", units(s)[0] - 'a' + 'A', units(s) + 1);
	lt_result_chart(r, LT_CHART_HIST, NULL, xu, lt_buf_str(&b), r->ntables - 1);
	missing_note(r, missing, units(s));
	lt_result_method(r, "%zu bins of equal width with round edges%s; each bin holds values "
	    "from its lower edge up to (not including) its upper edge, the last bin both "
	    "edges.", k + merged, want ? "" : ", about as many as Sturges' or Freedman-Diaconis' rule "
	    "suggests (at most 20)");
	if (lt_protect_active(s) != NULL)
		lt_result_method(r, "Bin counts are protected like any count (disclosure "
		    "control); a hidden bin is drawn as a gap.");
	if (prof != NULL && prof->no_extremes)
		lt_result_method(r, "The first bin has no lower edge and the last no upper "
		    "edge, because those edges would show the smallest and largest values.");
	if (merged > 0)
		lt_result_method(r, "Then the first or last bins were joined with their "
		    "neighbours until each held at least %d people, so that no bin points at the "
		    "smallest or largest value.", prof->hide_below);
	lt_session_context(s, r);
out:
	free(x);
	free(w);
	free(edges);
	free(cnt);
	free(xl);
	free(xu);
	free(key);
	lt_strv_free(labels);
	lt_buf_free(&b);
	return rc;
}

/*
 * The weight of each row the filter selects (the order of
 * lt_session_groups), or NULL when every row counts once.
 */
static int
row_weights(lt_session *s, double **w, lt_error *err)
{
	const lt_dataset *d = s->ds;
	double *unused = NULL;
	size_t n;
	int widx, rc;

	*w = NULL;
	if (d->weight == NULL)
		return 0;
	widx = lt_dataset_var_index(d, d->weight);
	if ((rc = lt_session_numeric(s, widx, w, &unused, &n, err)) != 0)
		return rc;
	free(unused);
	for (size_t i = 0; i < n; i++)
		(*w)[i] += d->vars[widx].offset;
	return 0;
}

static const lt_coldef bar_cols[] = {
	{ "value", "Value", LT_RC_TEXT | LT_RC_DETAIL },
	{ "count", "Count", LT_RC_COUNT | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/* plot bar COLUMN */
static int
plot_bar(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	double *w = NULL, *cnt = NULL, total = 0, missing = 0;
	size_t *g = NULL, k, n;
	char **labels = NULL, *xl = NULL, *xu = NULL, *key = NULL;
	lt_buf b = LT_BUF_INIT;
	lt_table *t;
	int idx, rc;

	if ((rc = lt_session_var(s, a->argv[1], a->argpos[1], &idx, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, idx, a->argpos[1], &g, &labels, &k, &n, err)) != 0)
		return rc;
	if ((rc = row_weights(s, &w, err)) != 0)
		goto out;
	cnt = lt_calloc(k + 2, sizeof *cnt);
	for (size_t i = 0; i < n; i++) {
		if (g[i] == LT_NO_GROUP)
			missing += weight(w, i);
		else {
			cnt[g[i]] += weight(w, i);
			total += weight(w, i);
		}
	}
	t = lt_result_table_with(r, "counts", "Counts", bar_cols);
	t->protected = 1;
	/*
	 * The bars are freq's counts: the same key and labels, the same
	 * protection, and like freq, values from the data whose count is
	 * hidden are not named but drawn as one bar of "other values".
	 */
	key = lt_sprintf("freq %s", s->ds->vars[idx].name);
	cnt[k] = missing;
	{
		const char **lab = lt_calloc(k + 2, sizeof *lab);
		int unnamed = lt_protect_unnamed(s, &s->ds->vars[idx]);
		size_t nother = 0;
		lt_sdc_vec v;

		for (size_t j = 0; j < k; j++)
			lab[j] = labels[j];
		lab[k] = "(missing)";
		rc = lt_protect_vec(s, key, lab, cnt, k + 1, &v, err);
		free(lab);
		if (rc != 0)
			goto out;
		for (size_t j = 0; j < k; j++) {
			size_t row;

			if (unnamed && !LT_SHOWN(&v.cells[j])) {
				nother++;
				continue;
			}
			row = lt_table_row(t);
			lt_table_text(t, row, 0, labels[j]);
			lt_protect_put(t, row, 1, &v.cells[j]);
		}
		if (nother > 0) {
			char *why = lt_protect_other_why(s, v.cells, k);
			size_t row = lt_table_row(t);

			lt_table_text(t, row, 0, LT_PROTECT_OTHER);
			lt_table_hide(t, row, 1, why);
			free(why);
		}
		missing = LT_SHOWN(&v.cells[k]) ? v.cells[k].value : NAN;
		total = LT_SHOWN(&v.total) && !isnan(missing) ? v.total.value - missing : NAN;
		lt_sdc_vec_free(&v);
	}
	xl = name_of(&s->ds->vars[idx], 1);
	xu = name_of(&s->ds->vars[idx], 0);
	lt_result_headline(r, "A bar chart of %s%s.", xl, for_count(&b, total, units(s)));
	lt_buf_reset(&b);
	lt_buf_printf(&b, "%c%s", units(s)[0] - 'a' + 'A', units(s) + 1);
	lt_result_chart(r, LT_CHART_BAR, NULL, xu, lt_buf_str(&b), r->ntables - 1);
	missing_note(r, missing, units(s));
	lt_result_method(r, "Each bar's length is its count next to the largest count.");
	if (lt_protect_active(s) != NULL)
		lt_result_method(r, "The counts are protected like freq's (disclosure control); "
		    "a hidden bar is drawn as a gap.");
	lt_session_context(s, r);
out:
	free(key);
	free(g);
	free(w);
	free(cnt);
	free(xl);
	free(xu);
	lt_strv_free(labels);
	lt_buf_free(&b);
	return rc;
}

static const lt_coldef box_cols[] = {
	{ "group", "Group", LT_RC_TEXT | LT_RC_DETAIL },
	{ "n", "N", LT_RC_COUNT | LT_RC_DETAIL },
	{ "min", "Min", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "q1", "Q1", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "median", "Median", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "q3", "Q3", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "max", "Max", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/* The same without individual values: whiskers at the 5th and 95th percentiles. */
static const lt_coldef box_cols_p[] = {
	{ "group", "Group", LT_RC_TEXT | LT_RC_DETAIL },
	{ "n", "N", LT_RC_COUNT | LT_RC_DETAIL },
	{ "p5", "5th percentile", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "q1", "Q1", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "median", "Median", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "q3", "Q3", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "p95", "95th percentile", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/* A value and its weight, for sorting. */
typedef struct pair {
	double x, w;
} pair;

static int
cmp_pair(const void *a, const void *b)
{
	double x = ((const pair *)a)->x, y = ((const pair *)b)->x;

	return (x > y) - (x < y);
}

/* plot box COLUMN by GROUP */
static int
plot_box(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	double *x = NULL, *w = NULL, *xs = NULL, *ws = NULL, *gn = NULL, total = 0;
	double missing = 0;
	size_t *g = NULL, k, n, ng;
	char **labels = NULL, *yl = NULL, *gl = NULL, *yu = NULL, *key = NULL;
	const lt_sdc_profile *prof = lt_session_profile(s);
	int extremes = prof == NULL || !prof->no_extremes;
	lt_sdc_vec pn = { 0 };
	pair *p = NULL;
	lt_buf b = LT_BUF_INIT;
	lt_table *t;
	int yi, gi, rc;

	if (a->argc != 4 || strcasecmp(a->argv[2], "by") != 0)
		return lt_err_at(err, LT_EINVAL, a->argpos[0],
		    "plot box takes a number column, \"by\" and a group column, as in "
		    "\"plot box sbp by smoking\"");
	if ((rc = number_var(s, a->argv[1], a->argpos[1], 0, &yi, err)) != 0 ||
	    (rc = lt_session_var(s, a->argv[3], a->argpos[3], &gi, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, yi, &x, &w, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, gi, a->argpos[3], &g, &labels, &k, &ng, err)) != 0)
		goto out;
	if (ng != n) {
		rc = lt_err(err, LT_EDB, "the stored columns of %s are out of step; import it "
		    "again", s->ds->name);
		goto out;
	}
	p = lt_calloc(n + 1, sizeof *p);
	xs = lt_calloc(n + 1, sizeof *xs);
	ws = lt_calloc(n + 1, sizeof *ws);
	gn = lt_calloc(k + 1, sizeof *gn);
	for (size_t i = 0; i < n; i++) {
		if (g[i] != LT_NO_GROUP && !isnan(x[i]) && weight(w, i) > 0)
			gn[g[i]] += weight(w, i);
		else
			missing += weight(w, i);
	}
	/* How many people each box stands for is a count: protected. */
	key = lt_sprintf("plot box %s by %s", s->ds->vars[yi].name, s->ds->vars[gi].name);
	if ((rc = lt_protect_vec(s, key, (const char *const *)labels, gn, k, &pn, err)) != 0)
		goto out;
	t = lt_result_table_with(r, "groups", "Box plots", extremes ? box_cols : box_cols_p);
	t->protected = 1;
	for (size_t j = 0; j < k; j++) {
		size_t m = 0, row;
		char *why;

		for (size_t i = 0; i < n; i++)
			if (g[i] == j && !isnan(x[i]) && weight(w, i) > 0) {
				p[m].x = x[i] + s->ds->vars[yi].offset;
				p[m++].w = weight(w, i);
			}
		if (m == 0)
			continue;
		qsort(p, m, sizeof *p, cmp_pair);
		for (size_t i = 0; i < m; i++) {
			xs[i] = p[i].x;
			ws[i] = p[i].w;
		}
		row = lt_table_row(t);
		lt_table_text(t, row, 0, labels[j]);
		lt_protect_put(t, row, 1, &pn.cells[j]);
		/* A box of too few people is hidden whole. */
		if ((why = lt_protect_stat_why(s, gn[j])) != NULL) {
			for (size_t col = 2; col <= 6; col++)
				lt_table_hide(t, row, col, why);
			free(why);
			continue;
		}
		lt_table_num(t, row, 2, extremes ? xs[0] :
		    lt_stats_quantile_sorted(xs, w ? ws : NULL, m, 0.05));
		lt_table_num(t, row, 3, lt_stats_quantile_sorted(xs, w ? ws : NULL, m, 0.25));
		lt_table_num(t, row, 4, lt_stats_quantile_sorted(xs, w ? ws : NULL, m, 0.5));
		lt_table_num(t, row, 5, lt_stats_quantile_sorted(xs, w ? ws : NULL, m, 0.75));
		lt_table_num(t, row, 6, extremes ? xs[m - 1] :
		    lt_stats_quantile_sorted(xs, w ? ws : NULL, m, 0.95));
	}
	total = LT_SHOWN(&pn.total) ? pn.total.value : NAN;
	if (missing > 0) {
		char *mk = lt_sprintf("%s (missing)", key);

		rc = lt_protect_one(s, mk, missing, &missing, err);
		free(mk);
		if (rc != 0)
			goto out;
	}
	if (t->nrows == 0) {
		rc = lt_err_at(err, LT_EINVAL, a->argpos[1], "no row has both %s and %s, so "
		    "there is nothing to draw", s->ds->vars[yi].name, s->ds->vars[gi].name);
		goto out;
	}
	yl = name_of(&s->ds->vars[yi], 1);
	yu = name_of(&s->ds->vars[yi], 0);
	gl = name_of(&s->ds->vars[gi], 1);
	lt_result_headline(r, "Box plots of %s by %s%s.", yl, gl, for_count(&b, total,
	    units(s)));
	lt_result_chart(r, LT_CHART_BOX, NULL, yu, NULL, r->ntables - 1);
	missing_note(r, missing, units(s));
	if (extremes)
		lt_result_method(r, "Each line shows a group: the box runs from the lower to "
		    "the upper quartile (type 7), | inside it is the median, and the whiskers "
		    "reach the smallest and largest values.");
	else
		lt_result_method(r, "Each line shows a group: the box runs from the lower to "
		    "the upper quartile (type 7), | inside it is the median, and the whiskers "
		    "reach the 5th and 95th percentiles, not the smallest and largest values: "
		    "each of those is one person's own value.");
	if (lt_protect_active(s) != NULL)
		lt_result_method(r, "Disclosure control (profile %s): the number of people in "
		    "each group is protected like any count, and a group of fewer than %d "
		    "people has no box.", lt_session_profile(s)->name,
		    lt_session_profile(s)->stat_min);
	lt_session_context(s, r);
out:
	lt_sdc_vec_free(&pn);
	free(key);
	free(gn);
	free(x);
	free(w);
	free(g);
	free(p);
	free(xs);
	free(ws);
	free(yl);
	free(yu);
	free(gl);
	lt_strv_free(labels);
	lt_buf_free(&b);
	return rc;
}

static const lt_coldef scatter_cols[] = {
	{ "x", "X", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "y", "Y", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/* plot scatter X Y */
static int
plot_scatter(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	double *x = NULL, *y = NULL, *w = NULL, *w2 = NULL, total = 0, missing = 0;
	size_t n, n2;
	char *xl = NULL, *yl = NULL, *xu = NULL, *yu = NULL;
	lt_buf b = LT_BUF_INIT;
	lt_table *t;
	int xi, yi, rc;

	if (a->argc != 3)
		return lt_err_at(err, LT_EINVAL, a->argpos[0],
		    "plot scatter takes two number columns, as in \"plot scatter bmi sbp\"");
	if ((rc = number_var(s, a->argv[1], a->argpos[1], 1, &xi, err)) != 0 ||
	    (rc = number_var(s, a->argv[2], a->argpos[2], 1, &yi, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, xi, &x, &w, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, yi, &y, &w2, &n2, err)) != 0)
		goto out;
	t = lt_result_table_with(r, "points", "Points", scatter_cols);
	t->row_level = 1;
	for (size_t i = 0; i < n && i < n2; i++) {
		size_t row;

		if (isnan(x[i]) || isnan(y[i])) {
			missing += weight(w, i);
			continue;
		}
		row = lt_table_row(t);
		lt_table_num(t, row, 0, x[i] + s->ds->vars[xi].offset);
		lt_table_num(t, row, 1, y[i] + s->ds->vars[yi].offset);
		total += weight(w, i);
	}
	xl = name_of(&s->ds->vars[xi], 1);
	yl = name_of(&s->ds->vars[yi], 1);
	xu = name_of(&s->ds->vars[xi], 0);
	yu = name_of(&s->ds->vars[yi], 0);
	{
		/* the headline's count is protected like any count of people */
		double shown;

		if (lt_sdc_count(s, "plot scatter\x1fpeople", total, &shown) == LT_SDC_SHOWN)
			lt_result_headline(r, "A scatter plot of %s against %s for %s %s.", yl, xl,
			    count(&b, shown), units(s));
		else
			lt_result_headline(r, "A scatter plot of %s against %s.", yl, xl);
	}
	lt_result_chart(r, LT_CHART_SCATTER, NULL, xu, yu, r->ntables - 1);
	if (strcmp(s->ds->kind, LT_KIND_INDIVIDUAL) == 0 && s->ds->weight == NULL &&
	    lt_session_rows_ok(s))
		lt_result_caveat(r, "Each dot is a person%s.", s->ds->synthetic ?
		    " (made up: this dataset is synthetic, so dots may be shown)" : "");
	else if (s->ds->weight != NULL)
		lt_result_caveat(r, "Each dot is a row, whatever its weight (\"%s\").",
		    s->ds->weight);
	missing_note(r, missing, units(s));
	lt_result_method(r, "One dot per row with both values; in text, dots that fall in "
	    "the same place are drawn once (or denser marks without UTF-8).");
	lt_session_context(s, r);
out:
	free(x);
	free(y);
	free(w);
	free(w2);
	free(xl);
	free(yl);
	free(xu);
	free(yu);
	lt_buf_free(&b);
	return rc;
}

/* plot line Y over X */
static int
plot_line(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	double *y = NULL, *w = NULL, *sum = NULL, *gw = NULL;
	size_t *g = NULL, *seen = NULL, k = 0, n, ng, hidden = 0;
	char **whys = NULL;
	char **labels = NULL, *yl = NULL, *yu = NULL, *xu = NULL;
	lt_coldef cols[3] = { { "x", "X", LT_RC_TEXT | LT_RC_DETAIL },
	    { "y", "Y", LT_RC_NUMBER | LT_RC_DETAIL }, { NULL, NULL, 0 } };
	lt_table *t;
	int yi, xi, rc;

	if (a->argc != 4 || strcasecmp(a->argv[2], "over") != 0)
		return lt_err_at(err, LT_EINVAL, a->argpos[0],
		    "plot line takes a number column, \"over\" and the column along the "
		    "bottom, as in \"plot line disease over month\"");
	if ((rc = number_var(s, a->argv[1], a->argpos[1], 0, &yi, err)) != 0 ||
	    (rc = lt_session_var(s, a->argv[3], a->argpos[3], &xi, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, yi, &y, &w, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, xi, a->argpos[3], &g, &labels, &k, &ng, err)) != 0)
		goto out;
	if (ng != n) {
		rc = lt_err(err, LT_EDB, "the stored columns of %s are out of step; import it "
		    "again", s->ds->name);
		goto out;
	}
	sum = lt_calloc(k + 1, sizeof *sum);
	seen = lt_calloc(k + 1, sizeof *seen);
	gw = lt_calloc(k + 1, sizeof *gw);
	for (size_t i = 0; i < n; i++)
		if (g[i] != LT_NO_GROUP && !isnan(y[i])) {
			sum[g[i]] += (y[i] + s->ds->vars[yi].offset) * weight(w, i);
			gw[g[i]] += weight(w, i);
			seen[g[i]]++;
		}
	cols[0].name = s->ds->vars[xi].name;
	cols[0].label = s->ds->vars[xi].label;
	cols[1].name = s->ds->vars[yi].name;
	cols[1].label = s->ds->vars[yi].label;
	/*
	 * A total over a few people is a statistic of a small group, and two
	 * totals over nearly the same people give a person's value away by
	 * subtraction: each group's number of people is protected like a
	 * count (with the differencing guard), and a total whose number of
	 * people is not shown is hidden.
	 */
	{
		char *key = lt_sprintf("plot line %s over %s", s->ds->vars[yi].name,
		    s->ds->vars[xi].name);
		const char *col[] = { s->ds->vars[yi].name };

		rc = lt_protect_sums(s, key, col, 1, (const char *const *)labels, gw, k, &whys,
		    err);
		free(key);
		if (rc != 0)
			goto out;
	}
	t = lt_result_table_with(r, "series", "Line", cols);
	for (size_t j = 0; j < k; j++) {
		size_t row = lt_table_row(t);

		lt_table_text(t, row, 0, labels[j]);
		if (seen[j] > 0) {
			lt_protect_num(t, row, 1, sum[j], whys[j]);
			hidden += whys[j] != NULL;
		}
	}
	if (hidden > 0)
		lt_result_method(r, "A total over fewer than %d people, or over nearly the same "
		    "people as an earlier one, is hidden (disclosure control).",
		    lt_session_profile(s)->stat_min);
	yl = name_of(&s->ds->vars[yi], 1);
	yu = name_of(&s->ds->vars[yi], 0);
	xu = name_of(&s->ds->vars[xi], 0);
	lt_result_headline(r, "A line chart of %s, added up for each %s (%zu values).", yl,
	    s->ds->vars[xi].name, k);
	lt_result_chart(r, LT_CHART_LINE, NULL, xu, yu, r->ntables - 1);
	lt_result_method(r, "The values of %s are added up over the rows with the same %s%s; "
	    "the values of %s are spaced evenly along the bottom, in order.", s->ds->vars[yi].name,
	    s->ds->vars[xi].name, w != NULL ? " (each row times its weight)" : "",
	    s->ds->vars[xi].name);
	lt_session_context(s, r);
out:
	free(y);
	free(w);
	free(g);
	free(sum);
	free(gw);
	free(seen);
	free(yl);
	free(yu);
	free(xu);
	lt_protect_whys_free(whys, k);
	lt_strv_free(labels);
	return rc;
}

/* The period day falls in: the last of starts[0..n) at or before it. */
static size_t
period_of(const long *starts, size_t n, long day)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (starts[mid] <= day)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The day number of the date y-m-d (a real date). */
static long
day_of(int y, int m, int d)
{
	char iso[32];
	long day = 0;

	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	lt_date_parse(iso, strlen(iso), &day);
	return day;
}

/*
 * plot line DATE: how many people (rows, or summed weights) have a date in
 * each day, month or year, from the first date to the last.
 */
static int
plot_dates(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	static const char *const per[] = { "day", "month", "year" };
	static const char *const per_label[] = { "Day", "Month", "Year" };
	const lt_var *v;
	double *x = NULL, *w = NULL, *cnt = NULL, lo = INFINITY, hi = -INFINITY;
	double total = 0, missing = 0;
	long *starts = NULL;
	char **labels = NULL, *xl = NULL, *xu = NULL, yl[16];
	size_t n, np = 0, first = 0, last = 0;
	lt_sdc_vec pv = { 0 };
	int idx, unit, y0, m0, y1, m1, rc, ends = 0;
	lt_coldef cols[3] = { { NULL, NULL, LT_RC_TEXT | LT_RC_DETAIL },
	    { NULL, NULL, LT_RC_COUNT | LT_RC_DETAIL }, { NULL, NULL, 0 } };
	lt_buf b = LT_BUF_INIT, from = LT_BUF_INIT, to = LT_BUF_INIT;
	lt_table *t;

	if ((rc = lt_session_var(s, a->argv[1], a->argpos[1], &idx, err)) != 0)
		return rc;
	v = &s->ds->vars[idx];
	if (v->type != LT_VT_DATE)
		return lt_err_at(err, LT_EINVAL, a->argpos[1],
		    "plot line with one column counts people per date, and %s is not a date "
		    "column; to draw a number, use \"plot line %s over COLUMN\"", v->name,
		    v->name);
	if ((rc = lt_session_numeric(s, idx, &x, &w, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		x[i] = floor(x[i] + v->offset + 0.5);
		lo = x[i] < lo ? x[i] : lo;
		hi = x[i] > hi ? x[i] : hi;
	}
	if (!(hi >= lo)) {
		rc = lt_err_at(err, LT_EINVAL, a->argpos[1], "no row has a date in %s here, so "
		    "there is nothing to draw", v->name);
		goto out;
	}
	/* Whole days, months or years from the first date to the last. */
	lt_date_format(&from, (long)lo);
	lt_date_format(&to, (long)hi);
	sscanf(lt_buf_str(&from), "%d-%d", &y0, &m0);
	sscanf(lt_buf_str(&to), "%d-%d", &y1, &m1);
	if (hi - lo <= 60)
		unit = 0;
	else if ((y1 - y0) * 12 + (m1 - m0) + 1 <= 120)
		unit = 1;
	else
		unit = 2;
	np = unit == 0 ? (size_t)(hi - lo) + 1 : unit == 1 ?
	    (size_t)((y1 - y0) * 12 + (m1 - m0) + 1) : (size_t)(y1 - y0 + 1);
	starts = lt_calloc(np, sizeof *starts);
	labels = lt_calloc(np + 1, sizeof *labels);
	for (size_t k = 0; k < np; k++) {
		int y = unit == 1 ? y0 + (int)((m0 - 1 + (int)k) / 12) : y0 + (int)k;
		int m = unit == 1 ? (m0 - 1 + (int)k) % 12 + 1 : 1;

		lt_buf_reset(&b);
		if (unit == 0) {
			starts[k] = (long)lo + (long)k;
			lt_date_format(&b, starts[k]);
		} else {
			starts[k] = day_of(y, m, 1);
			if (unit == 1)
				lt_buf_printf(&b, "%04d-%02d", y, m);
			else
				lt_buf_printf(&b, "%04d", y);
		}
		labels[k] = lt_strdup(lt_buf_str(&b));
	}
	cnt = lt_calloc(np + 2, sizeof *cnt);
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			missing += weight(w, i);
		else {
			cnt[period_of(starts, np, (long)x[i])] += weight(w, i);
			total += weight(w, i);
		}
	}
	if (too_few(s, r, total, "chart of dates"))
		goto out;
	snprintf(yl, sizeof yl, "%c%s", units(s)[0] - 'a' + 'A', units(s) + 1);
	cols[0].name = per[unit];
	cols[0].label = per_label[unit];
	cols[1].name = units(s);
	cols[1].label = yl;
	/*
	 * The counts per period are protected with the missing count. Without
	 * extremes, the periods before the first and after the last shown
	 * count that is not zero are left out: the first and last dates are
	 * one person's own.
	 */
	{
		const char **lab = lt_calloc(np + 2, sizeof *lab);
		const lt_sdc_profile *prof = lt_session_profile(s);
		char *key = lt_sprintf("plot line %s by %s", v->name, per[unit]);

		for (size_t k = 0; k < np; k++)
			lab[k] = labels[k];
		lab[np] = "(missing)";
		cnt[np] = missing;
		rc = lt_protect_vec(s, key, lab, cnt, np + 1, &pv, err);
		free(lab);
		free(key);
		if (rc != 0)
			goto out;
		first = 0;
		last = np - 1;
		if (prof != NULL && prof->no_extremes) {
			while (first < np && !(LT_SHOWN(&pv.cells[first]) &&
			    pv.cells[first].value > 0))
				first++;
			while (last > first && !(LT_SHOWN(&pv.cells[last]) &&
			    pv.cells[last].value > 0))
				last--;
		}
		missing = LT_SHOWN(&pv.cells[np]) ? pv.cells[np].value : NAN;
		total = LT_SHOWN(&pv.total) && !isnan(missing) ? pv.total.value - missing : NAN;
	}
	t = lt_result_table_with(r, "counts", "Counts over time", cols);
	t->protected = 1;
	/*
	 * Day by day, the first and last days shown could still be the
	 * earliest and latest dates themselves: without extremes their days
	 * are hidden (the points stay).
	 */
	ends = unit == 0 && lt_protect_active(s) != NULL && lt_session_profile(s)->no_extremes;
	for (size_t k = first; k <= last && k < np; k++) {
		size_t row = lt_table_row(t);

		if (ends && (k == first || k == last)) {
			char *why = lt_sdc_why(lt_session_profile(s), LT_SDC_EXTREME);

			lt_table_hide(t, row, 0, why);
			free(why);
		} else {
			lt_table_text(t, row, 0, labels[k]);
		}
		lt_protect_put(t, row, 1, &pv.cells[k]);
	}
	xl = name_of(v, 1);
	xu = name_of(v, 0);
	if (first >= np) {
		lt_result_headline(r, "Too few %s have a %s here to draw them over time.",
		    units(s), xl);
	} else {
		lt_buf_reset(&b);
		if (!isnan(total)) {
			lt_buf_puts(&b, " (");
			lt_format_number(&b, total, 0);
			lt_buf_printf(&b, " %s)", units(s));
		}
		if (ends)
			lt_result_headline(r, "A line chart of how many %s have a %s in each "
			    "%s%s.", units(s), xl, per[unit], lt_buf_str(&b));
		else
			lt_result_headline(r, "A line chart of how many %s have a %s in each "
			    "%s, from %s to %s%s.", units(s), xl, per[unit], labels[first],
			    labels[last], lt_buf_str(&b));
	}
	lt_result_chart(r, LT_CHART_LINE, NULL, xu, yl, r->ntables - 1);
	missing_note(r, missing, units(s));
	lt_result_method(r, "Each point counts the %s whose %s falls in that %s%s; a %s "
	    "with none counts 0. The %ss are spaced evenly along the bottom, in order.",
	    units(s), v->name, per[unit], w != NULL ? " (each row counts as its weight)" : "",
	    per[unit], per[unit]);
	if (lt_protect_active(s) != NULL)
		lt_result_method(r, "The counts are protected like any count (disclosure "
		    "control).");
	if (lt_protect_active(s) != NULL && lt_session_profile(s)->no_extremes)
		lt_result_method(r, "The chart starts at the first and ends at the last %s "
		    "with a count that can be shown, because the first and last dates belong "
		    "to one person each.", per[unit]);
	lt_session_context(s, r);
out:
	lt_sdc_vec_free(&pv);
	free(x);
	free(w);
	free(cnt);
	free(starts);
	lt_strv_free(labels);
	free(xl);
	free(xu);
	lt_buf_free(&b);
	lt_buf_free(&from);
	lt_buf_free(&to);
	return rc;
}

static int
plot_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	static const struct {
		const char *kind;
		size_t nargs;
		int (*fn)(lt_session *, const lt_args *, lt_result *, lt_error *);
	} kinds[] = {
		{ "hist", 2, plot_hist }, { "bar", 2, plot_bar }, { "box", 4, plot_box },
		{ "scatter", 3, plot_scatter }, { "line", 4, plot_line },
		{ "line", 2, plot_dates },
	};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcasecmp(a->argv[0], kinds[i].kind) != 0)
			continue;
		if (a->argc != kinds[i].nargs)
			continue;
		if (strcasecmp(a->argv[0], "hist") != 0 &&
		    lt_args_opt(&lt_cmd_plot_entry, a, "bins") != NULL)
			return lt_err(err, LT_EINVAL, "--bins is only for \"plot hist\"");
		return kinds[i].fn(s, a, r, err);
	}
	return lt_err_at(err, LT_EINVAL, a->argpos[0],
	    "plot takes a kind and columns: \"plot hist bmi\", \"plot bar smoking\", "
	    "\"plot box sbp by smoking\", \"plot scatter bmi sbp\" or \"plot line disease "
	    "over month\"");
}

static const lt_opt_spec plot_opts[] = {
	{ "bins", "N", LT_COMPLETE_NONE, 0, "for hist: about N bins (default: chosen "
	    "from the data, at most 20)" },
	{ NULL, NULL, 0, 0, NULL }
};

const lt_cmd_entry lt_cmd_plot_entry = {
	.name = "plot",
	.args = "KIND COLUMN...",
	.summary = "draw a chart: hist, bar, box, scatter or line",
	.help = "Draws a chart of the rows the filter selects. \"plot hist COLUMN\" is a "
	    "histogram of a number column; \"plot bar COLUMN\" counts each value of a "
	    "category; \"plot box COLUMN by GROUP\" draws the quartiles of a number for each "
	    "group; \"plot scatter X Y\" draws a dot per row; \"plot line Y over X\" adds Y "
	    "up for each value of X (such as a month) and joins the totals; \"plot line DATE\" "
	    "counts the people on each day, month or year of a date column (by day when "
	    "the dates span up to 60 days, by month up to 10 years, else by year). In text the "
	    "chart is drawn with characters (braille dots when the terminal takes UTF-8); "
	    "CSV and JSON give the numbers behind it.",
	.example = "plot hist bmi",
	.min_args = 2,
	.max_args = 4,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.opts = plot_opts,
	.exec = plot_exec,
};
