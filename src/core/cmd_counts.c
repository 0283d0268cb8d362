/*
 * cmd_counts.c - the counting analyses: freq, crosstab, rate.
 *
 * Counts are tallied from the session's rows (filter and frequency weights
 * honoured) and handed to ctab.c; the results come back in layers like the
 * other analyses (cmd_stats.c): a headline with an interval, the numbers,
 * caveats (small expected counts, association is not causation) and the
 * method.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "ctab.h"
#include "explain.h"
#include "format.h"
#include "protect.h"
#include "session_int.h"

extern const lt_cmd_entry lt_cmd_rate_entry;

/* A percentage for a sentence: "7.04%". */
static void
pct(lt_buf *b, double v)
{
	lt_format_number(b, v, 3);
	lt_buf_putc(b, '%');
}

/*
 * The frequency weight of each row the filter selects (row order as
 * lt_session_groups), or NULL when every row counts once.
 */
static int
row_weights(lt_session *s, double **w, size_t *n, lt_error *err)
{
	const lt_dataset *d = s->ds;
	int widx;
	double *x, *unused = NULL;
	int rc;

	*w = NULL;
	if (d->weight == NULL)
		return 0;
	widx = lt_dataset_var_index(d, d->weight);
	if ((rc = lt_session_numeric(s, widx, &x, &unused, n, err)) != 0)
		return rc;
	free(unused);
	for (size_t i = 0; i < *n; i++)
		x[i] += d->vars[widx].offset;
	*w = x;
	return 0;
}

static const lt_coldef freq_cols[] = {
	{ "value", "Value", LT_RC_TEXT }, { "count", "Count", LT_RC_COUNT },
	{ "percent", "%", LT_RC_PERCENT }, { "valid_percent", "Valid %", LT_RC_PERCENT },
	{ "ci_low", "95% CI from", LT_RC_PERCENT }, { "ci_high", "to", LT_RC_PERCENT },
	{ NULL, NULL, 0 }
};

/*
 * The count of rows with a value when a vector's last cell counts the
 * missing ones: the protected total less the protected missing count, or
 * NAN when either is hidden (subtracting would give a hidden number back).
 */
static double
valid_of(const lt_sdc_vec *v)
{
	const lt_sdc_cell *m = &v->cells[v->n - 1];

	if (!LT_SHOWN(&v->total) || !LT_SHOWN(m))
		return NAN;
	return v->total.value - m->value;
}

/* The why of the first hidden of a and b (for a value computed from both). */
static const char *
why_of(const lt_sdc_cell *a, const lt_sdc_cell *b)
{
	return !LT_SHOWN(a) ? a->why : b != NULL && !LT_SHOWN(b) ? b->why : NULL;
}

/*
 * The number of different values; hidden when some were not named (it
 * would count them).
 */
static void
levels_item(lt_result *r, size_t k, size_t nother)
{
	char *why = nother > 0 ? lt_strdup("some values are not listed, to protect "
	    "the few people who hold them") : NULL;

	lt_protect_number(r, "levels", "Different values", (double)k, NULL, why);
	free(why);
}

/*
 * The headline when freq's counts are hidden, with the reason they give:
 * few people (whole: all of them, else each value's), or an earlier result
 * they differ from by a few (the differencing guard).
 */
static void
hidden_headline(lt_result *r, const lt_sdc_vec *pv, const char *label, int whole)
{
	int diff = pv->total.state == LT_SDC_DIFF;

	for (size_t j = 0; j < pv->n; j++)
		diff |= pv->cells[j].state == LT_SDC_DIFF;
	if (diff)
		lt_result_headline(r, "The counts of %s are hidden: they differ from an earlier "
		    "result by only a few people, who could then be worked out.", label);
	else if (whole)
		lt_result_headline(r, "Too few people are here to show how often each %s "
		    "occurs.", label);
	else
		lt_result_headline(r, "Too few people have each %s here to show the counts.",
		    label);
}

static int
freq_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	size_t *g = NULL, k, n, nw = 0, top = 0;
	char **labels = NULL, *key = NULL;
	const char **lab = NULL;
	double *w = NULL, *count = NULL, valid, all;
	lt_sdc_vec pv = { 0 };
	lt_table *t;
	lt_buf b = LT_BUF_INIT;
	char *label = NULL;
	int idx, rc, have_top = 0, unnamed = 0;
	size_t nother = 0;

	if ((rc = lt_session_var(s, a->argv[0], a->argpos[0], &idx, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, idx, a->argpos[0], &g, &labels, &k, &n, err)) != 0)
		return rc;
	if ((rc = row_weights(s, &w, &nw, err)) != 0)
		goto out;
	/* The counts of each value, then the missing ones, protected together. */
	count = lt_calloc(k + 2, sizeof *count);
	lab = lt_calloc(k + 2, sizeof *lab);
	for (size_t i = 0; i < n; i++) {
		double wi = w != NULL ? w[i] : 1;

		if (isnan(wi) || wi <= 0)
			continue;
		count[g[i] == LT_NO_GROUP ? k : g[i]] += wi;
	}
	for (size_t j = 0; j < k; j++)
		lab[j] = labels[j];
	lab[k] = "(missing)";
	key = lt_sprintf("freq %s", d->vars[idx].name);
	/*
	 * With no missing values, the missing entry (never shown then) stays
	 * out: under a filter a 0 is hidden, and hiding it would hide the
	 * total of those with a value, and every percentage with it.
	 */
	if ((rc = lt_protect_vec(s, key, lab, count, count[k] > 0 ? k + 1 : k, &pv, err)) != 0)
		goto out;
	if (count[k] <= 0) {
		/* the missing entry, shown as the 0 it is */
		pv.cells = lt_realloc(pv.cells, (k + 1) * sizeof *pv.cells);
		memset(&pv.cells[k], 0, sizeof pv.cells[k]);
		pv.n = k + 1;
	}
	valid = valid_of(&pv);
	all = LT_SHOWN(&pv.total) ? pv.total.value : NAN;
	/*
	 * When every count is shown, the bases are the sums of the protected
	 * counts, so that the percentages add up to 100.
	 */
	{
		double sum = 0;
		int whole = 1;

		for (size_t j = 0; j < k; j++) {
			whole &= LT_SHOWN(&pv.cells[j]);
			sum += LT_SHOWN(&pv.cells[j]) ? pv.cells[j].value : 0;
		}
		if (whole && !isnan(valid))
			valid = sum;
		if (whole && LT_SHOWN(&pv.cells[k]) && !isnan(all))
			all = sum + pv.cells[k].value;
	}
	for (size_t j = 0; j < k; j++)
		if (LT_SHOWN(&pv.cells[j]) && (!have_top ||
		    pv.cells[j].value > pv.cells[top].value)) {
			top = j;
			have_top = 1;
		}
	/*
	 * Values that come from the data itself (numbers, no declared levels)
	 * are named only when their count is shown: "175: hidden" would still
	 * say someone has 175. The others go on one row, its count hidden.
	 */
	unnamed = lt_protect_unnamed(s, &d->vars[idx]);
	if (unnamed)
		for (size_t j = 0; j < k; j++)
			nother += !LT_SHOWN(&pv.cells[j]);
	t = lt_result_table_with(r, "frequencies", NULL, freq_cols);
	t->protected = 1;
	for (size_t j = 0; j <= k; j++) {
		const lt_sdc_cell *c = &pv.cells[j];
		const char *why = why_of(c, &pv.total), *vwhy;
		size_t row;
		lt_ctab_prop p;

		if (j < k && unnamed && !LT_SHOWN(c))
			continue;
		if (j == k && nother > 0) {
			char *owhy = lt_protect_other_why(s, pv.cells, k);

			row = lt_table_row(t);
			lt_table_text(t, row, 0, LT_PROTECT_OTHER);
			for (size_t col = 1; col <= 5; col++)
				lt_table_hide(t, row, col, owhy);
			free(owhy);
		}
		if (j == k && count[k] <= 0)
			break;
		row = lt_table_row(t);
		lt_table_text(t, row, 0, lab[j]);
		lt_protect_put(t, row, 1, c);
		if (why != NULL)
			lt_table_hide(t, row, 2, why);
		else if (all > 0)
			lt_table_num(t, row, 2, 100 * c->value / all);
		if (j == k)
			continue;
		vwhy = why_of(c, &pv.cells[k]);
		if (vwhy == NULL && isnan(valid))
			vwhy = pv.total.why;
		if (vwhy != NULL) {
			for (size_t col = 3; col <= 5; col++)
				lt_table_hide(t, row, col, vwhy);
		} else if (valid > 0 && lt_ctab_wilson(c->value, valid, 0.95, &p, err) == 0) {
			lt_table_num(t, row, 3, 100 * p.p);
			lt_table_num(t, row, 4, 100 * p.lo);
			lt_table_num(t, row, 5, 100 * p.hi);
		}
	}
	label = lt_explain_label(&d->vars[idx]);
	if (!LT_SHOWN(&pv.total)) {
		hidden_headline(r, &pv, label, 1);
	} else if (valid > 0 && have_top && pv.cells[top].value > 0) {
		lt_ctab_prop p;

		lt_ctab_wilson(pv.cells[top].value, valid, 0.95, &p, err);
		lt_buf_printf(&b, "The most common %s is %s: ", label, labels[top]);
		pct(&b, 100 * p.p);
		lt_buf_puts(&b, " of ");
		lt_format_number(&b, valid, 0);
		lt_buf_printf(&b, " %s with a value. The true share is likely between ",
		    d->weight != NULL || strcmp(d->kind, LT_KIND_INDIVIDUAL) == 0 ? "people" :
		    "rows");
		pct(&b, 100 * p.lo);
		lt_buf_puts(&b, " and ");
		pct(&b, 100 * p.hi);
		lt_buf_puts(&b, ".");
		lt_explain_headline(r, &b);
		lt_result_number(r, "n", "With a value", valid, NULL);
		lt_result_number(r, "missing", "Missing", pv.cells[k].value, NULL);
		levels_item(r, k, nother);
	} else if (have_top && pv.cells[top].value > 0) {
		/* The missing count is hidden: shares of every row only. */
		lt_buf_printf(&b, "The most common %s is %s: ", label, labels[top]);
		pct(&b, 100 * pv.cells[top].value / all);
		lt_buf_puts(&b, " of all ");
		lt_format_number(&b, all, 0);
		lt_buf_printf(&b, " %s.", d->weight != NULL ||
		    strcmp(d->kind, LT_KIND_INDIVIDUAL) == 0 ? "people" : "rows");
		lt_explain_headline(r, &b);
		lt_protect_number(r, "n", "With a value", NAN, NULL, pv.cells[k].why);
		lt_protect_count(r, "missing", "Missing", &pv.cells[k]);
		levels_item(r, k, nother);
	} else if (count[k] < pv.total.value || !LT_SHOWN(&pv.cells[k])) {
		hidden_headline(r, &pv, label, 0);
	} else {
		lt_result_headline(r, "No row has a value for %s here.", d->vars[idx].name);
	}
	if (k > 0 && !isnan(valid) && valid > 0 && valid < 30)
		lt_result_caveat(r, "Only %.0f values: the shares could easily be different in "
		    "another sample.", valid);
	lt_result_method(r, "Percent is of every row, valid percent of the rows with a value; "
	    "95%% intervals by Wilson's score method (Wilson 1927; Newcombe 1998).");
	if (d->weight != NULL)
		lt_result_method(r, "Each row counts as \"%s\" people (a frequency weight).",
		    d->weight);
	lt_protect_method(s, r);
	lt_session_context(s, r);
out:
	lt_sdc_vec_free(&pv);
	free(key);
	free(lab);
	free(label);
	free(count);
	free(w);
	free(g);
	lt_strv_free(labels);
	lt_buf_free(&b);
	return rc;
}

const lt_cmd_entry lt_cmd_freq_entry = {
	.name = "freq",
	.args = "COLUMN",
	.summary = "count each value of a column",
	.help = "Counts how often each value of COLUMN occurs, with its percentage of all "
	    "rows, its percentage of the rows with a value, and a 95% interval for that share "
	    "(Wilson's method). Missing values are counted on a line of their own.",
	.example = "freq smoking",
	.min_args = 1,
	.max_args = 1,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.exec = freq_exec,
};

/*
 * A table r x c (rows = levels of A) with a label column; a cell whose
 * why[] is set is hidden with that reason (why may be NULL).
 */
static lt_table *
grid(lt_result *r, const char *name, const char *title, const char *first,
    char **rl, size_t rows, char **cl, size_t cols, const double *v,
    const char *const *why, int type, int detail)
{
	lt_table *t = lt_result_table(r, name, title);

	t->protected = 1;
	lt_table_column(t, "row", first, LT_RC_TEXT);
	for (size_t j = 0; j < cols; j++)
		lt_table_column(t, cl[j], cl[j], type);
	for (size_t c = 0; c < t->ncols; c++)
		t->cols[c].detail = detail;
	for (size_t i = 0; i < rows; i++) {
		size_t row = lt_table_row(t);

		lt_table_text(t, row, 0, rl[i]);
		for (size_t j = 0; j < cols; j++)
			if (why != NULL && why[i * cols + j] != NULL)
				lt_table_hide(t, row, j + 1, why[i * cols + j]);
			else if (!isnan(v[i * cols + j]))
				lt_table_num(t, row, j + 1, v[i * cols + j]);
	}
	return t;
}

/*
 * Compare the row with the highest share of the last column's value (the
 * "event") with the first row (the reference): risks, risk ratio, odds
 * ratio. For tables whose second column is two-valued.
 */
static void
event_headline(lt_session *s, lt_result *r, const lt_var *av, const lt_var *bv, char **rl, char **cl,
    const double *counts, const char *const *hid, size_t rows, size_t cols, double p)
{
	size_t ev = cols - 1, hi = 0;
	double share[LT_MAX_GROUPS];
	double tab[4];
	lt_ctab_2x2 e;
	lt_error ignored;
	lt_buf b = LT_BUF_INIT;
	char *al = lt_explain_label(av), *bl = lt_explain_label(bv);

	for (size_t i = 0; i < rows; i++) {
		double tot = 0;
		int whole = 1;

		/* A row with a hidden cell takes no part: its ratio would use it. */
		for (size_t j = 0; j < cols; j++) {
			tot += counts[i * cols + j];
			whole &= hid[i * cols + j] == NULL;
		}
		share[i] = tot > 0 && whole ? counts[i * cols + ev] / tot : NAN;
		if (i > 0 && !isnan(share[i]) && (isnan(share[hi]) || hi == 0 ||
		    share[i] > share[hi]))
			hi = i;
	}
	if (hi == 0 || isnan(share[0]) || isnan(share[hi])) {
		free(al);
		free(bl);
		return;
	}
	/* a: exposed with the event, b: exposed without, c, d: the reference row. */
	tab[0] = counts[hi * cols + ev];
	tab[1] = 0;
	tab[2] = counts[ev];
	tab[3] = 0;
	for (size_t j = 0; j < ev; j++) {
		tab[1] += counts[hi * cols + j];
		tab[3] += counts[j];
	}
	if (lt_ctab_2x2_effects(tab, 0.95, &e, &ignored) != 0) {
		free(al);
		free(bl);
		return;
	}
	if (e.rr_hi < 1) {
		lt_buf_printf(&b, "People whose %s is %s had %s (%s) less often than those whose "
		    "%s is %s: ", al, rl[hi], bl, cl[ev], al, rl[0]);
		lt_explain_num(s, &b, e.risk_ratio);
		lt_buf_puts(&b, " times as often (");
		pct(&b, 100 * e.risk1);
		lt_buf_puts(&b, " against ");
		pct(&b, 100 * e.risk0);
		lt_buf_puts(&b, "). The true ratio is likely between ");
	} else if (e.rr_lo > 1) {
		lt_buf_printf(&b, "People whose %s is %s had %s (%s) ", al, rl[hi], bl, cl[ev]);
		lt_explain_num(s, &b, e.risk_ratio);
		lt_buf_printf(&b, " times as often as those whose %s is %s (", al, rl[0]);
		pct(&b, 100 * e.risk1);
		lt_buf_puts(&b, " against ");
		pct(&b, 100 * e.risk0);
		lt_buf_puts(&b, "). The true ratio is likely between ");
	} else {
		lt_buf_printf(&b, "The data cannot tell if %s (%s) is more common when %s is %s "
		    "than when it is %s (", bl, cl[ev], al, rl[hi], rl[0]);
		pct(&b, 100 * e.risk1);
		lt_buf_puts(&b, " against ");
		pct(&b, 100 * e.risk0);
		lt_buf_puts(&b, "). The ratio is likely between ");
	}
	lt_explain_num(s, &b, e.rr_lo);
	lt_buf_puts(&b, " and ");
	lt_explain_num(s, &b, e.rr_hi);
	lt_buf_puts(&b, ".");
	lt_explain_headline(r, &b);
	lt_result_number(r, "risk_exposed", "Share with the event, highest row", e.risk1, NULL);
	lt_result_number(r, "risk_reference", "Share with the event, first row", e.risk0, NULL);
	lt_result_number(r, "risk_ratio", "Risk ratio", e.risk_ratio, NULL);
	lt_result_number(r, "rr_low", "95% CI of the risk ratio, from", e.rr_lo, NULL);
	lt_result_number(r, "rr_high", "95% CI of the risk ratio, to", e.rr_hi, NULL);
	lt_result_number(r, "odds_ratio", "Odds ratio", e.odds_ratio, NULL);
	lt_result_number(r, "or_low", "95% CI of the odds ratio, from", e.or_lo, NULL);
	lt_result_number(r, "or_high", "95% CI of the odds ratio, to", e.or_hi, NULL);
	lt_result_number(r, "risk_difference", "Risk difference", e.risk_diff, NULL);
	lt_result_method(r, "Risk ratio (Katz log interval) and odds ratio (Woolf log "
	    "interval) compare %s = %s with the first row, %s = %s%s.", av->name, rl[hi],
	    av->name, rl[0], e.or_corrected ? "; a zero cell was replaced by 0.5" : "");
	(void)p;
	free(al);
	free(bl);
	lt_buf_free(&b);
}

/*
 * The base of a percentage of a protected table (how: 0 row i, 1 column
 * j, 2 all): the sum of the protected cells of the line when all are
 * shown, so that the percentages add up to 100; else the protected total
 * of the line (the hidden cells are people too).
 */
static double
line_base(const lt_sdc_tab *pt, const double *pc, int how, size_t i, size_t j)
{
	const lt_sdc_cell *total = how == 0 ? &pt->row_total[i] : how == 1 ?
	    &pt->col_total[j] : &pt->total;
	double sum = 0;

	for (size_t a = 0; a < pt->rows; a++)
		for (size_t b = 0; b < pt->cols; b++) {
			if ((how == 0 && a != i) || (how == 1 && b != j))
				continue;
			if (!LT_SHOWN(&pt->cells[a * pt->cols + b]))
				return total->value;
			sum += pc[a * pt->cols + b];
		}
	return sum;
}

/*
 * Values that come from the data (lt_protect_unnamed) are named in a
 * crosstab only when at least min people hold them: a row "201" with its
 * cells hidden would still say someone's blood pressure is 201. The lines
 * (rows when by_rows, else columns) of counts (ka x kb) with fewer people
 * are added up into one line called LT_PROTECT_OTHER, at the end, whose
 * counts are then protected like any other. Updates *labels and the
 * line count.
 */
static void
merge_rare(double *counts, size_t *ka, size_t *kb, char **labels, int by_rows, double min)
{
	size_t nl = by_rows ? *ka : *kb, other = by_rows ? *kb : *ka, kept = 0;
	double *sum = lt_calloc(other + 1, sizeof *sum);
	int merged = 0;

#define CELL(l, o)	(*(by_rows ? &counts[(l) * *kb + (o)] : &counts[(o) * *kb + (l)]))
	for (size_t l = 0; l < nl; l++) {
		double tot = 0;

		for (size_t o = 0; o < other; o++)
			tot += CELL(l, o);
		if (tot >= min) {
			if (kept != l) {
				for (size_t o = 0; o < other; o++)
					CELL(kept, o) = CELL(l, o);
				free(labels[kept]);
				labels[kept] = labels[l];
				labels[l] = NULL;
			}
			kept++;
			continue;
		}
		for (size_t o = 0; o < other; o++)
			sum[o] += CELL(l, o);
		free(labels[l]);
		labels[l] = NULL;
		merged = 1;
	}
	if (merged) {
		for (size_t o = 0; o < other; o++)
			CELL(kept, o) = sum[o];
		free(labels[kept]);
		labels[kept] = lt_strdup(LT_PROTECT_OTHER);
		kept++;
	}
#undef CELL
	if (!by_rows && kept < *kb) {
		/* columns: close the gap in every row */
		for (size_t i = 0; i < *ka; i++)
			for (size_t j = 0; j < kept; j++)
				counts[i * kept + j] = counts[i * *kb + j];
	}
	if (by_rows)
		*ka = kept;
	else
		*kb = kept;
	free(sum);
}

/* Whether two values read as no/yes (0/1, false/true): an event and its absence. */
static int
yes_no(char **labels)
{
	static const char *const pairs[][2] = {
		{ "no", "yes" }, { "0", "1" }, { "false", "true" }, { "n", "y" }
	};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strcasecmp(labels[0], pairs[i][0]) == 0 &&
		    strcasecmp(labels[1], pairs[i][1]) == 0)
			return 1;
	return 0;
}

static int
crosstab_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	size_t *ga = NULL, *gb = NULL, ka, kb, n, nb, nw;
	char **la = NULL, **lb = NULL;
	double *w = NULL, *counts = NULL, *percent = NULL, *pc = NULL, dropped = 0, shown_n;
	const char **hid = NULL, **pwhy = NULL;
	char *key = NULL;
	lt_sdc_tab pt = { 0 };
	lt_ctab_chisq c;
	lt_ctab_fisher f;
	int ia, ib, rc, have_fisher = 0, any_hidden = 0, tests = 0;

	memset(&c, 0, sizeof c);
	if (a->argc != 3 || strcasecmp(a->argv[1], "by") != 0)
		return lt_err_at(err, LT_EINVAL, a->argc > 0 ? a->argpos[0] : 0,
		    "crosstab takes two columns joined by \"by\", as in "
		    "\"crosstab smoking by heart_attack\"");
	if ((rc = lt_session_var(s, a->argv[0], a->argpos[0], &ia, err)) != 0 ||
	    (rc = lt_session_var(s, a->argv[2], a->argpos[2], &ib, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, ia, a->argpos[0], &ga, &la, &ka, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, ib, a->argpos[2], &gb, &lb, &kb, &nb, err)) != 0 ||
	    (rc = row_weights(s, &w, &nw, err)) != 0)
		goto out;
	if (nb != n || (w != NULL && nw != n)) {
		rc = lt_err(err, LT_EDB, "the stored columns of %s are out of step; import it again",
		    d->name);
		goto out;
	}
	if (ka < 2 || kb < 2) {
		rc = lt_err(err, LT_EINVAL, "a crosstab needs at least two values in each column, "
		    "and %s has only one here", ka < 2 ? d->vars[ia].name : d->vars[ib].name);
		goto out;
	}
	counts = lt_calloc(ka * kb, sizeof *counts);
	for (size_t i = 0; i < n; i++) {
		double wi = w != NULL ? w[i] : 1;

		if (isnan(wi) || wi <= 0)
			continue;
		if (ga[i] == LT_NO_GROUP || gb[i] == LT_NO_GROUP)
			dropped += wi;
		else
			counts[ga[i] * kb + gb[i]] += wi;
	}
	/* Values with no rows here (after the filter) leave the table. */
	{
		size_t nr = 0, nc = 0;
		double *packed;

		for (size_t j = 0; j < kb; j++) {
			double tot = 0;

			for (size_t i = 0; i < ka; i++)
				tot += counts[i * kb + j];
			if (tot > 0) {
				if (nc != j) {
					free(lb[nc]);
					lb[nc] = lb[j];
					lb[j] = NULL;
				}
				for (size_t i = 0; i < ka; i++)
					counts[i * kb + nc] = counts[i * kb + j];
				nc++;
			} else {
				free(lb[j]);
				lb[j] = NULL;
			}
		}
		for (size_t i = 0; i < ka; i++) {
			double tot = 0;

			for (size_t j = 0; j < nc; j++)
				tot += counts[i * kb + j];
			if (tot > 0) {
				if (nr != i) {
					free(la[nr]);
					la[nr] = la[i];
					la[i] = NULL;
				}
				for (size_t j = 0; j < nc; j++)
					counts[nr * kb + j] = counts[i * kb + j];
				nr++;
			} else {
				free(la[i]);
				la[i] = NULL;
			}
		}
		if (nr == 0) {
			rc = lt_err(err, LT_EINVAL, "no rows with both values match the filter, so "
			    "there is nothing to count; change the filter or turn it off");
			goto out;
		}
		if (nr < 2 || nc < 2) {
			rc = lt_err(err, LT_EINVAL, "%s has only one value among the rows here, so "
			    "there is nothing to cross; widen the filter", nr < 2 ?
			    d->vars[ia].name : d->vars[ib].name);
			goto out;
		}
		packed = lt_malloc(nr * nc * sizeof *packed);
		for (size_t i = 0; i < nr; i++)
			for (size_t j = 0; j < nc; j++)
				packed[i * nc + j] = counts[i * kb + j];
		free(counts);
		counts = packed;
		ka = nr;
		kb = nc;
	}
	{
		const lt_sdc_profile *p = lt_protect_active(s);
		double min = p != NULL ? (p->hide_below > p->stat_min ? p->hide_below :
		    p->stat_min) : 0;

		if (lt_protect_unnamed(s, &d->vars[ia]))
			merge_rare(counts, &ka, &kb, la, 1, min);
		if (lt_protect_unnamed(s, &d->vars[ib]))
			merge_rare(counts, &ka, &kb, lb, 0, min);
		if (ka < 2 || kb < 2) {
			rc = lt_err(err, LT_EPRIVACY, "too few people share each value of %s to "
			    "cross it without pointing to someone; try \"plot hist %s\" instead",
			    ka < 2 ? d->vars[ia].name : d->vars[ib].name,
			    ka < 2 ? d->vars[ia].name : d->vars[ib].name);
			goto out;
		}
	}
	/*
	 * Protect the counts. "crosstab A by B" and "crosstab B by A" count the
	 * same people, so they share one key (the names in order) and one
	 * orientation for the differencing guard.
	 */
	{
		int swap = strcmp(d->vars[ia].name, d->vars[ib].name) > 0;
		double *tc = lt_malloc(ka * kb * sizeof *tc);
		lt_sdc_tab raw;

		for (size_t i = 0; i < ka; i++)
			for (size_t j = 0; j < kb; j++)
				tc[swap ? j * ka + i : i * kb + j] = counts[i * kb + j];
		key = lt_sprintf("crosstab %s %s", swap ? d->vars[ib].name : d->vars[ia].name,
		    swap ? d->vars[ia].name : d->vars[ib].name);
		rc = lt_protect_tab(s, key, (const char *const *)(swap ? lb : la),
		    (const char *const *)(swap ? la : lb), tc, swap ? kb : ka, swap ? ka : kb,
		    &raw, err);
		free(tc);
		if (rc != 0)
			goto out;
		if (!swap) {
			pt = raw;
		} else {
			/* Back to A's rows and B's columns: move the cells, swap the margins. */
			pt = raw;
			pt.rows = ka;
			pt.cols = kb;
			pt.cells = lt_calloc(ka * kb + 1, sizeof *pt.cells);
			for (size_t i = 0; i < ka; i++)
				for (size_t j = 0; j < kb; j++)
					pt.cells[i * kb + j] = raw.cells[j * ka + i];
			free(raw.cells);
			pt.row_total = raw.col_total;
			pt.col_total = raw.row_total;
		}
	}
	pc = lt_calloc(ka * kb + 1, sizeof *pc);
	hid = lt_calloc(ka * kb + 1, sizeof *hid);
	pwhy = lt_calloc(ka * kb + 1, sizeof *pwhy);
	for (size_t i = 0; i < ka * kb; i++) {
		pc[i] = LT_SHOWN(&pt.cells[i]) ? pt.cells[i].value : 0;
		hid[i] = pt.cells[i].why;
		any_hidden |= hid[i] != NULL;
	}
	shown_n = LT_SHOWN(&pt.total) ? pt.total.value : NAN;
	grid(r, "counts", "Counts", d->vars[ia].name, la, ka, lb, kb, pc, hid, LT_RC_COUNT, 0);
	/* Percentages of the protected counts; hidden where a count or its base is. */
	percent = lt_calloc(ka * kb + 1, sizeof *percent);
	for (int how = 0; how < 3; how++) {
		static const char *const names[] = { "row_percent", "column_percent",
		    "total_percent" };
		static const char *const titles[] = { "Percent of each row",
		    "Percent of each column", "Percent of all" };

		for (size_t i = 0; i < ka; i++)
			for (size_t j = 0; j < kb; j++) {
				const lt_sdc_cell *base = how == 0 ? &pt.row_total[i] :
				    how == 1 ? &pt.col_total[j] : &pt.total;
				double bv = line_base(&pt, pc, how, i, j);
				size_t at = i * kb + j;

				pwhy[at] = hid[at] != NULL ? hid[at] : base->why;
				percent[at] = pwhy[at] == NULL && bv > 0 ? 100 * pc[at] / bv : NAN;
			}
		grid(r, names[how], titles[how], d->vars[ia].name, la, ka, lb, kb, percent, pwhy,
		    LT_RC_PERCENT, how > 0);
	}
	/*
	 * The tests use the protected counts. With a hidden cell there is no
	 * honest way to test: the hidden count is needed, and a test on the
	 * exact count could give it back. So then no test is given.
	 */
	tests = !any_hidden && shown_n > 0;
	if (tests && (rc = lt_ctab_chisq_test(pc, ka, kb, &c, err)) != 0)
		goto out;
	if (tests) {
		lt_table *e = grid(r, "expected", "Expected counts if unrelated",
		    d->vars[ia].name, la, ka, lb, kb, c.expected, NULL, LT_RC_NUMBER, 1);

		e->protected = 1;
	}
	if (tests && (c.small || (c.rows_used == 2 && c.cols_used == 2))) {
		lt_error ferr;

		have_fisher = lt_ctab_fisher_test(pc, ka, kb, &f, &ferr) == 0;
		if (!have_fisher && c.small)
			lt_result_caveat(r, "%s", ferr.msg);
	}
	/* The headline: for a yes/no second column, how often by the first. */
	if (kb == 2 && yes_no(lb))
		event_headline(s, r, &d->vars[ia], &d->vars[ib], la, lb, pc, hid, ka, kb,
		    have_fisher ? f.p : c.p);
	if (r->headline == NULL && isnan(shown_n)) {
		lt_result_headline(r, "Too few people are here to show how %s and %s go "
		    "together.", d->vars[ia].name, d->vars[ib].name);
	} else if (r->headline == NULL && !tests) {
		char *al = lt_explain_label(&d->vars[ia]), *bl = lt_explain_label(&d->vars[ib]);

		lt_result_headline(r, "Some counts of %s by %s are too small to show, so the "
		    "link between them is not tested.", al, bl);
		free(al);
		free(bl);
	} else if (r->headline == NULL) {
		lt_buf b = LT_BUF_INIT;
		char *al = lt_explain_label(&d->vars[ia]), *bl = lt_explain_label(&d->vars[ib]);
		double p = have_fisher && c.small ? f.p : c.p;

		if (p < 0.05)
			lt_buf_printf(&b, "%s and %s are linked: the pattern is unlikely to be "
			    "chance (p ", al, bl);
		else
			lt_buf_printf(&b, "The data cannot tell if %s and %s are linked (p ", al, bl);
		if (p < 0.001)
			lt_buf_puts(&b, "< 0.001");
		else
			lt_buf_printf(&b, "= %.2g", p);
		lt_buf_printf(&b, "). Cramer's V is %.2f, on a scale from 0 to 1.", c.cramer_v);
		lt_explain_headline(r, &b);
		free(al);
		free(bl);
		lt_buf_free(&b);
	}
	lt_protect_count(r, "n", "Rows counted", &pt.total);
	if (tests) {
		lt_result_number(r, "chi_square", "Pearson chi-square", c.chisq, NULL);
		lt_result_number(r, "df", "Degrees of freedom", c.df, NULL);
		lt_result_number(r, "p", "p-value (chi-square)", c.p, NULL);
		if (c.rows_used == 2 && c.cols_used == 2) {
			lt_result_number(r, "yates_chi_square", "Chi-square with Yates's "
			    "correction", c.yates_chisq, NULL);
			lt_result_number(r, "yates_p", "p-value (Yates)", c.yates_p, NULL);
		}
		lt_result_number(r, "cramers_v", "Cramer's V", c.cramer_v, NULL);
		lt_result_number(r, "min_expected", "Smallest expected count", c.min_expected,
		    NULL);
	}
	if (have_fisher)
		lt_result_number(r, "fisher_p", "p-value (Fisher's exact test)", f.p, NULL);
	if (tests && c.small)
		lt_result_caveat(r, "Some expected counts are small (the smallest is %.2g), so "
		    "the chi-square p-value is unreliable; %s.", c.min_expected, have_fisher ?
		    "Fisher's exact test is given instead" : "take it as a rough guide");
	if (!tests && !isnan(shown_n))
		lt_result_caveat(r, "No test of the link is given because some counts are hidden: "
		    "a test needs them, and it could give them away.");
	if (dropped > 0) {
		char *dk = lt_sprintf("%s (missing)", key);
		double dv;

		rc = lt_protect_one(s, dk, dropped, &dv, err);
		free(dk);
		if (rc != 0)
			goto out;
		if (!isnan(dv) && dv > 0)
			lt_result_caveat(r, "%.0f rows with a missing value in either column were "
			    "left out.", dv);
		else
			lt_result_caveat(r, "A few rows with a missing value in either column were "
			    "left out.");
	}
	lt_result_caveat(r, "A link between %s and %s is not proof that one causes the other: "
	    "something else, such as age, may drive both.", d->vars[ia].name, d->vars[ib].name);
	if (tests)
		lt_result_method(r, "Pearson's chi-square test of independence%s, with Cramer's V "
		    "as the size of the link%s.", c.rows_used == 2 && c.cols_used == 2 ?
		    " (and Yates's continuity correction)" : "", have_fisher ?
		    "; Fisher's exact test" : "");
	if (d->weight != NULL)
		lt_result_method(r, "Each row counts as \"%s\" people (a frequency weight).",
		    d->weight);
	lt_protect_method(s, r);
	if (tests)
		lt_explain_tests(s, r, 1);
	lt_session_context(s, r);
out:
	lt_ctab_chisq_free(&c);
	lt_sdc_tab_free(&pt);
	free(key);
	free(pc);
	free(hid);
	free(pwhy);
	free(counts);
	free(percent);
	free(w);
	free(ga);
	free(gb);
	lt_strv_free(la);
	lt_strv_free(lb);
	return rc;
}

const lt_cmd_entry lt_cmd_crosstab_entry = {
	.name = "crosstab",
	.args = "COLUMN by COLUMN",
	.summary = "count two columns against each other and test the link",
	.help = "Counts every pair of values of two columns, with row, column and total "
	    "percentages, and tests whether they are linked (Pearson's chi-square, Cramer's "
	    "V; Fisher's exact test when expected counts are small and for 2 x 2 tables). "
	    "When the second column is yes/no, the headline compares the row where it is most "
	    "common with the first row: risk ratio and odds ratio with 95% intervals.",
	.example = "crosstab smoking by heart_attack",
	.min_args = 3,
	.max_args = 3,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.exec = crosstab_exec,
};

/* Hide a protected cell that is shown, for why (copied). */
static void
hide_cell(lt_sdc_cell *c, const char *why)
{
	if (!LT_SHOWN(c))
		return;
	c->state = LT_SDC_STAT;
	c->value = NAN;
	c->why = lt_strdup(why);
}

static const lt_coldef rate_cols[] = {
	{ "group", "Group", LT_RC_TEXT }, { "events", "Events", LT_RC_COUNT },
	{ "population", "Population", LT_RC_COUNT }, { "rate", "Rate", LT_RC_NUMBER },
	{ "ci_low", "95% CI from", LT_RC_NUMBER }, { "ci_high", "to", LT_RC_NUMBER },
	{ NULL, NULL, 0 }
};

static const lt_opt_spec rate_opts[] = {
	{ "yearly", "K", LT_COMPLETE_NONE, 0,
	  "each row covers 1/K of a year (12 for monthly rows): rates become per year" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
rate_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	int ie, ip, ig = -1, rc;
	double *ev = NULL, *pop = NULL, *u1 = NULL, *u2 = NULL, per = 1, yearly = 1;
	double *e = NULL, *p = NULL, *wt = NULL, *people = NULL;
	char **whys = NULL;
	lt_sdc_vec pe = { 0 }, pp = { 0 };
	const char **hidden = NULL;
	size_t n, n2, k = 1, *g = NULL, ng = 0, nw = 0;
	int widx = d->weight != NULL ? lt_dataset_var_index(d, d->weight) : -1;
	char **labels = NULL;
	const char *yo = lt_args_opt(&lt_cmd_rate_entry, a, "yearly");
	const lt_sdc_profile *prof = lt_protect_active(s);
	int e_measure = 0, p_measure = 0;
	size_t i = 3;
	lt_table *t;
	lt_buf b = LT_BUF_INIT;

	if (a->argc < 3 || strcasecmp(a->argv[1], "per") != 0)
		return lt_err_at(err, LT_EINVAL, a->argc > 0 ? a->argpos[0] : 0,
		    "rate takes events, \"per\" and a population, as in \"rate disease per "
		    "army_size per 1000\"");
	/* Optional "by GROUP" and "per N", in either order. */
	while (i < a->argc) {
		if (strcasecmp(a->argv[i], "by") == 0 && i + 1 < a->argc && ig < 0) {
			if ((rc = lt_session_var(s, a->argv[i + 1], a->argpos[i + 1], &ig, err)) != 0)
				return rc;
		} else if (strcasecmp(a->argv[i], "per") == 0 && i + 1 < a->argc) {
			char *end;

			per = strtod(a->argv[i + 1], &end);
			if (*end != '\0' || !(per > 0))
				return lt_err_at(err, LT_EINVAL, a->argpos[i + 1],
				    "per takes a number such as 1000, not \"%s\"", a->argv[i + 1]);
		} else {
			return lt_err_at(err, LT_EINVAL, a->argpos[i],
			    "after the population, rate takes \"by GROUP\" or \"per 1000\"");
		}
		i += 2;
	}
	if (yo != NULL) {
		char *end;

		yearly = strtod(yo, &end);
		if (*end != '\0' || !(yearly > 0))
			return lt_err(err, LT_EINVAL, "--yearly takes how many rows make a year, "
			    "such as 12 for months");
	}
	if ((rc = lt_session_var(s, a->argv[0], a->argpos[0], &ie, err)) != 0 ||
	    (rc = lt_session_var(s, a->argv[2], a->argpos[2], &ip, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, ie, &ev, &u1, &n, err)) != 0 ||
	    (rc = lt_session_numeric(s, ip, &pop, &u2, &n2, err)) != 0)
		goto out;
	if (ig >= 0 && (rc = lt_session_groups(s, ig, a->argpos[2], &g, &labels, &k, &ng,
	    err)) != 0)
		goto out;
	if ((rc = row_weights(s, &wt, &nw, err)) != 0)
		goto out;
	if (n2 != n || (g != NULL && ng != n) || (wt != NULL && nw != n)) {
		rc = lt_err(err, LT_EDB, "the stored columns of %s are out of step; import it again",
		    d->name);
		goto out;
	}
	e = lt_calloc(k + 1, sizeof *e);
	p = lt_calloc(k + 1, sizeof *p);
	people = lt_calloc(k + 1, sizeof *people);
	for (size_t j = 0; j < n; j++) {
		size_t gi = g != NULL ? g[j] : 0;
		double x = ev[j] + d->vars[ie].offset, y = pop[j] + d->vars[ip].offset;

		double wj = wt != NULL ? wt[j] : 1;

		if (gi == LT_NO_GROUP || isnan(x) || isnan(y) || isnan(wj) || wj <= 0)
			continue;
		/* 0/1 columns count people; other sums are measurements added up */
		e_measure |= x != 0 && x != 1;
		p_measure |= y != 0 && y != 1;
		/* A row with weight w stands for w rows; the weight column itself is a count. */
		e[gi] += ie == widx ? x : x * wj;
		p[gi] += ip == widx ? y : y * wj;
		people[gi] += wj;
	}
	/*
	 * Events and population are sums over a group's people, so under a
	 * profile a group of too few people, or one whose number of people
	 * is not shown (it could be told from an earlier result by
	 * subtraction), gets no events, population or rate.
	 */
	{
		static const char *const all[] = { "all" };
		const char *const *gl = labels != NULL ? (const char *const *)labels : all;
		const char *cols[] = { d->vars[ie].name, d->vars[ip].name };
		char *key = lt_sprintf("rate %s per %s%s%s people", d->vars[ie].name,
		    d->vars[ip].name, ig >= 0 ? " by " : "", ig >= 0 ? d->vars[ig].name : "");

		rc = lt_protect_sums(s, key, cols, 2, gl, people, k, &whys, err);
		free(key);
		if (rc != 0)
			goto out;
	}
	/*
	 * Events and population are counts: protected as two vectors over the
	 * groups, and the rates computed from the protected counts. A group
	 * whose events or population are hidden has no rate (hidden too).
	 */
	{
		static const char *const all[] = { "all" };
		const char *const *gl = labels != NULL ? (const char *const *)labels : all;
		char *key = lt_sprintf("rate %s%s%s", d->vars[ie].name, ig >= 0 ? " by " : "",
		    ig >= 0 ? d->vars[ig].name : "");
		char *pkey = lt_sprintf("rate %s%s%s", d->vars[ip].name, ig >= 0 ? " by " : "",
		    ig >= 0 ? d->vars[ig].name : "");

		rc = lt_protect_vec(s, key, gl, e, k, &pe, err);
		if (rc == 0)
			rc = lt_protect_vec(s, pkey, gl, p, k, &pp, err);
		free(key);
		free(pkey);
		if (rc != 0)
			goto out;
		hidden = lt_calloc(k + 1, sizeof *hidden);
		for (size_t j = 0; j < k; j++) {
			if (whys[j] != NULL) {
				hide_cell(&pe.cells[j], whys[j]);
				hide_cell(&pp.cells[j], whys[j]);
			}
			hidden[j] = why_of(&pe.cells[j], &pp.cells[j]);
			/*
			 * In individual-level data a sum of measurements (blood
			 * pressures, ages) is a statistic of its people, not a
			 * count: rounding to 5 would keep one person's value
			 * within reach by subtraction, so it is rounded as
			 * statistics are.
			 */
			if (prof != NULL && d->weight == NULL && e_measure)
				pe.cells[j].value = lt_sdc_round_sig(pe.cells[j].value,
				    prof->stat_digits);
			if (prof != NULL && d->weight == NULL && p_measure)
				pp.cells[j].value = lt_sdc_round_sig(pp.cells[j].value,
				    prof->stat_digits);
			e[j] = LT_SHOWN(&pe.cells[j]) ? pe.cells[j].value : NAN;
			p[j] = LT_SHOWN(&pp.cells[j]) ? pp.cells[j].value : 0;
		}
	}
	t = lt_result_table_with(r, "rates", NULL, rate_cols);
	t->protected = 1;
	for (size_t j = 0; j < k; j++) {
		lt_ctab_rate cr;
		size_t row = lt_table_row(t);

		lt_table_text(t, row, 0, labels != NULL ? labels[j] : "all");
		lt_protect_put(t, row, 1, &pe.cells[j]);
		lt_protect_put(t, row, 2, &pp.cells[j]);
		if (hidden[j] != NULL) {
			for (size_t col = 3; col <= 5; col++)
				lt_table_hide(t, row, col, hidden[j]);
			if (k == 1)
				lt_result_headline(r, "Too few events or people are here to show the "
				    "rate of %s.", d->vars[ie].name);
			continue;
		}
		if (p[j] > 0 && lt_ctab_rate_ci(e[j], p[j], per * yearly, 0.95, &cr, err) == 0) {
			lt_table_num(t, row, 3, cr.rate);
			lt_table_num(t, row, 4, cr.lo);
			lt_table_num(t, row, 5, cr.hi);
			if (k == 1) {
				char *el = lt_explain_label(&d->vars[ie]);

				lt_buf_printf(&b, "The rate of %s was ", el);
				lt_explain_num(s, &b, cr.rate);
				lt_buf_puts(&b, " per ");
				lt_format_number(&b, per, 0);
				lt_buf_printf(&b, "%s. The true rate is likely between ",
				    yo != NULL ? " per year" : "");
				lt_explain_num(s, &b, cr.lo);
				lt_buf_puts(&b, " and ");
				lt_explain_num(s, &b, cr.hi);
				lt_buf_puts(&b, ".");
				lt_explain_headline(r, &b);
				lt_result_number(r, "events", "Events", e[j], NULL);
				lt_result_number(r, "population", "Population", p[j], NULL);
				lt_result_number(r, "rate", "Rate", cr.rate, NULL);
				lt_result_number(r, "ci_low", "95% CI of the rate, from", cr.lo, NULL);
				lt_result_number(r, "ci_high", "95% CI of the rate, to", cr.hi, NULL);
				free(el);
			}
		}
	}
	if (k > 1) {
		size_t hi = 0, lo = 0;

		/* Groups with a hidden count take no part (p = 0 there). */
		for (size_t j = 1; j < k; j++) {
			if (p[j] > 0 && (p[hi] == 0 || e[j] / p[j] > e[hi] / p[hi]))
				hi = j;
			if (p[j] > 0 && (p[lo] == 0 || e[j] / p[j] < e[lo] / p[lo]))
				lo = j;
		}
		if (p[hi] == 0) {
			lt_result_headline(r, "Too few events or people are in each group to show "
			    "the rates of %s.", d->vars[ie].name);
		} else {
			char *el = lt_explain_label(&d->vars[ie]);

			lt_buf_printf(&b, "The rate of %s was highest for %s (", el, labels[hi]);
			lt_explain_num(s, &b, p[hi] > 0 ? e[hi] / p[hi] * per * yearly : NAN);
			lt_buf_printf(&b, " per ");
			lt_format_number(&b, per, 0);
			lt_buf_printf(&b, "%s). It was lowest for %s (", yo != NULL ? " per year" : "",
			    labels[lo]);
			lt_explain_num(s, &b, p[lo] > 0 ? e[lo] / p[lo] * per * yearly : NAN);
			lt_buf_puts(&b, ").");
			lt_explain_headline(r, &b);
			free(el);
		}
		if (p[0] > 0) {
			lt_ctab_rate_ratio rr;

			if (lt_ctab_rate_compare(e[hi], p[hi], e[0], p[0], 0.95, &rr, err) == 0 &&
			    hi != 0) {
				lt_result_number(r, "rate_ratio", "Rate ratio, highest group against "
				    "the first", rr.ratio, NULL);
				lt_result_number(r, "rr_low", "95% CI of the rate ratio, from", rr.lo,
				    NULL);
				lt_result_number(r, "rr_high", "95% CI of the rate ratio, to", rr.hi,
				    NULL);
				lt_result_number(r, "rr_p", "p-value (exact)", rr.p, NULL);
				lt_explain_tests(s, r, 1);
			}
		}
	}
	lt_result_caveat(r, "A crude rate does not allow for differences between groups, such "
	    "as age, that change how often events happen.");
	lt_result_method(r, "Rate = total %s / total %s x %g%s; exact Poisson 95%% intervals "
	    "(Garwood 1936); rate ratios with exact conditional intervals.", d->vars[ie].name,
	    d->vars[ip].name, per, yo != NULL ? " x rows per year" : "");
	lt_protect_method(s, r);
	lt_session_context(s, r);
out:
	lt_sdc_vec_free(&pe);
	lt_sdc_vec_free(&pp);
	free(hidden);
	lt_buf_free(&b);
	free(ev);
	free(pop);
	free(u1);
	free(u2);
	free(e);
	free(p);
	free(people);
	lt_protect_whys_free(whys, k);
	free(wt);
	free(g);
	lt_strv_free(labels);
	return rc;
}

const lt_cmd_entry lt_cmd_rate_entry = {
	.name = "rate",
	.args = "EVENTS per POPULATION [by GROUP] [per N]",
	.summary = "events per person, per 1,000 or per year, with exact intervals",
	.help = "Adds up EVENTS and POPULATION (number columns) over the rows the filter "
	    "selects and gives the rate per N people with an exact 95% interval; by GROUP "
	    "gives one rate per group and compares the highest with the first. For rows that "
	    "each cover part of a year, --yearly 12 (months) turns rates into rates per year, "
	    "as Florence Nightingale reported deaths per 1,000 soldiers per year.",
	.example = "rate disease per army_size per 1000 --yearly 12",
	.min_args = 3,
	.max_args = 7,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.opts = rate_opts,
	.exec = rate_exec,
};
