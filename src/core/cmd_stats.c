/*
 * cmd_stats.c - the analyses: compare, correlate, regress.
 *
 * Each reads typed columns through the session (filter and weights
 * honoured), calls the numerical modules (htest.c, model.c) and writes the
 * result in layers: a headline a 14-year-old can follow with the key number
 * and its uncertainty, the numbers, the caveats (small groups, lopsided
 * data, many tests, association is not causation) and the method. A
 * headline never says "no difference" because p > 0.05: it says the data
 * cannot tell, and gives the interval.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "explain.h"
#include "format.h"
#include "htest.h"
#include "model.h"
#include "protect.h"
#include "session_int.h"

extern const lt_cmd_entry lt_cmd_compare_entry, lt_cmd_regress_entry;

/* The column called name, which must hold numbers. */
static int
number_var(lt_session *s, const char *name, int pos, int *idx, lt_error *err)
{
	const lt_var *v;
	int rc;

	if ((rc = lt_session_var(s, name, pos, idx, err)) != 0)
		return rc;
	v = &s->ds->vars[*idx];
	if (v->nlevels > 0 || (v->type != LT_VT_INTEGER && v->type != LT_VT_NUMBER))
		return lt_err_at(err, LT_EINVAL, pos,
		    "%s is not a number column, so it has no average to compare; "
		    "try \"crosstab\" for categories", v->name);
	return 0;
}

/* The position of the word kw (case-insensitive) in the arguments, or -1. */
static int
find_word(const lt_args *a, const char *kw)
{
	for (size_t i = 0; i < a->argc; i++)
		if (strcasecmp(a->argv[i], kw) == 0)
			return (int)i;
	return -1;
}

/* People or rows, for headlines. */
static const char *
units(const lt_session *s)
{
	return s->ds->weight != NULL || strcmp(s->ds->kind, LT_KIND_INDIVIDUAL) == 0 ?
	    "people" : "rows";
}

static const lt_coldef group_cols[] = {
	{ "group", "Group", LT_RC_TEXT }, { "n", "N", LT_RC_COUNT },
	{ "mean", "Mean", LT_RC_NUMBER }, { "sd", "SD", LT_RC_NUMBER },
	{ "median", "Median", LT_RC_NUMBER },
	{ "skewness", "Skewness", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "outliers", "Outliers", LT_RC_COUNT | LT_RC_DETAIL },
	{ "mean_rank", "Mean rank", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/*
 * The per-group table and the assumption checks in words: lopsided groups,
 * outliers, small groups, unequal spread (Brown-Forsythe).
 */
static void
group_checks(lt_session *s, lt_result *r, const double *y, const size_t *g,
    const double *w, size_t n, size_t k, char **labels, double offset,
    const lt_htest_group *gs, const lt_sdc_cell *const *ncell, const char *const *gwhy)
{
	lt_table *t = lt_result_table_with(r, "groups", "Groups", group_cols);
	const lt_sdc_profile *p = lt_protect_active(s);
	lt_buf lop = LT_BUF_INIT, small = LT_BUF_INIT;
	lt_anova bf;
	lt_error ignored;

	t->protected = 1;
	for (size_t j = 0; j < k; j++) {
		size_t row = lt_table_row(t);

		lt_table_text(t, row, 0, labels[j]);
		lt_protect_put(t, row, 1, ncell[j]);
		if (gwhy[j] != NULL) {
			/* A group of too few people: left out of the tests, nothing shown. */
			for (size_t col = 2; col < t->ncols; col++)
				lt_table_hide(t, row, col, gwhy[j]);
			continue;
		}
		if (gs[j].n > 0) {
			lt_table_num(t, row, 2, gs[j].mean + offset);
			lt_table_num(t, row, 4, gs[j].median + offset);
			/* The outliers are counted people: a count like any other. */
			if (p != NULL && lt_sdc_count_hidden(p, gs[j].outliers)) {
				char *why = lt_sdc_why(p, LT_SDC_SMALL);

				lt_table_hide(t, row, 6, why);
				free(why);
			} else {
				lt_table_num(t, row, 6, p != NULL ?
				    lt_sdc_round(gs[j].outliers, p->round_to) : gs[j].outliers);
			}
			lt_table_num(t, row, 7, gs[j].mean_rank);
		}
		if (!isnan(gs[j].sd))
			lt_table_num(t, row, 3, gs[j].sd);
		if (!isnan(gs[j].skewness))
			lt_table_num(t, row, 5, gs[j].skewness);
		if (fabs(gs[j].skewness) >= 1 || gs[j].outliers > 0.05 * gs[j].n)
			lt_buf_printf(&lop, "%s%s", lop.len ? ", " : "", labels[j]);
		if (gs[j].n > 0 && gs[j].n < 30)
			lt_buf_printf(&small, "%s%s", small.len ? ", " : "", labels[j]);
	}
	if (lop.len > 0)
		lt_result_caveat(r, "The values are lopsided or have many outliers in: %s. The "
		    "averages there are pulled by a few extreme values; the rank-based test "
		    "below does not mind them.", lt_buf_str(&lop));
	if (small.len > 0)
		lt_result_caveat(r, "Small groups (fewer than 30): %s. Results from so few are "
		    "uncertain; see how wide the intervals are.", lt_buf_str(&small));
	if (lt_htest_levene(y, g, w, n, k, LT_LEVENE_MEDIAN, &bf, &ignored) == 0 &&
	    !isnan(bf.p)) {
		if (bf.p < 0.05)
			lt_result_caveat(r, "The groups differ in how spread out they are "
			    "(Brown-Forsythe test, p < 0.05); Welch's tests used here allow for that.");
		lt_result_method(r, "Brown-Forsythe test of equal spread (Levene's test on "
		    "distances from the median): F = %.3g, p = %.2g.", bf.f, bf.p);
	}
	lt_buf_free(&lop);
	lt_buf_free(&small);
}

/* compare with two groups: Welch (or Student), Hedges' g, Mann-Whitney. */
static int
compare_two(lt_session *s, lt_result *r, const lt_var *y, const lt_var *gv,
    const double *x, const size_t *g, const double *w, size_t n, char **labels,
    int student, lt_error *err)
{
	lt_ttest tt;
	char *yl = lt_explain_label(y), *gl = lt_explain_label(gv);
	lt_mannwhitney mw;
	const lt_htest_t *t;
	lt_buf b = LT_BUF_INIT;
	int rc;

	if ((rc = lt_htest_ttest(x, g, w, n, 0.95, &tt, err)) != 0)
		goto out;
	t = student ? &tt.student : &tt.welch;
	if ((rc = lt_htest_mannwhitney(x, g, w, n, &mw, err)) != 0)
		goto out;
	/* The headline: the difference, its direction, its interval. */
	if (!isfinite(t->lo) || !isfinite(t->hi)) {
		lt_buf_printf(&b, "The values of %s do not vary within %s and %s, so no interval "
		    "can be given for their difference.", yl, labels[0], labels[1]);
	} else if (t->lo > 0 || t->hi < 0) {
		lt_buf_printf(&b, "On average, %s was ", yl);
		lt_explain_num(s, &b, fabs(tt.diff));
		lt_buf_printf(&b, "%s%s %s for %s than for %s.",
		    y->unit ? " " : "", y->unit ? y->unit : "", tt.diff > 0 ? "higher" : "lower",
		    labels[0], labels[1]);
		lt_explain_likely(s, &b, "difference", fabs(t->lo) < fabs(t->hi) ? fabs(t->lo) : fabs(t->hi),
		    fabs(t->lo) < fabs(t->hi) ? fabs(t->hi) : fabs(t->lo));
	} else {
		lt_buf_printf(&b, "The data cannot tell if %s differs between %s and %s. "
		    "The difference in averages is ", yl, labels[0], labels[1]);
		lt_explain_num(s, &b, tt.diff);
		lt_buf_puts(&b, ".");
		lt_explain_likely(s, &b, "difference", t->lo, t->hi);
	}
	lt_explain_headline(r, &b);
	lt_buf_free(&b);

	lt_result_number(r, "mean_a", "Average of the first group", tt.mean[0] + y->offset, y->unit);
	lt_result_number(r, "mean_b", "Average of the second group", tt.mean[1] + y->offset, y->unit);
	lt_result_number(r, "diff", "Difference (first minus second)", tt.diff, y->unit);
	lt_result_number(r, "diff_low", "95% CI of the difference, from", t->lo, y->unit);
	lt_result_number(r, "diff_high", "95% CI of the difference, to", t->hi, y->unit);
	lt_result_number(r, "t", student ? "Student's t" : "Welch's t", t->t, NULL);
	lt_result_number(r, "df", "Degrees of freedom", t->df, NULL);
	lt_result_number(r, "p", "p-value (t-test)", t->p, NULL);
	lt_result_number(r, "hedges_g", "Hedges' g (difference in SDs)", tt.g, NULL);
	lt_result_number(r, "hedges_g_low", "95% CI of g, from", tt.g_lo, NULL);
	lt_result_number(r, "hedges_g_high", "95% CI of g, to", tt.g_hi, NULL);
	lt_result_number(r, "u", "Mann-Whitney U", mw.u, NULL);
	lt_result_number(r, "u_p", "p-value (Mann-Whitney)", mw.p, NULL);
	lt_result_number(r, "rank_biserial", "Rank-biserial correlation", mw.r, NULL);
	if (!isnan(tt.g) && (tt.g_lo > 0 || tt.g_hi < 0)) {
		double ag = fabs(tt.g);
		const char *size = ag < 0.2 ? "very small" : ag < 0.5 ? "small" :
		    ag < 0.8 ? "medium" : "large";

		lt_result_caveat(r, "The difference is %s next to how much %s varies from person "
		    "to person (Hedges' g = %.2f; 0.2 is usually called small, 0.8 large).",
		    size, yl, tt.g);
	} else if (!isnan(tt.g)) {
		lt_result_caveat(r, "The data cannot tell how big the difference is next to how "
		    "much %s varies from person to person (Hedges' g = %.2f, likely between %.2f "
		    "and %.2f).", yl, tt.g, tt.g_lo, tt.g_hi);
	}
	lt_result_caveat(r, "This compares groups as they are: it shows a link with %s, not "
	    "that %s causes the difference. Other things may differ between the groups too.",
	    gl, gl);
	lt_result_method(r, "%s t-test of the difference in means%s; Hedges' g with its "
	    "large-sample interval (Hedges and Olkin 1985).", student ? "Student's" : "Welch's",
	    student ? " (assumes equal spread)" : " (does not assume equal spread; Welch 1947)");
	lt_result_method(r, "Mann-Whitney U test on ranks (%s), with the rank-biserial "
	    "correlation: a check that does not rely on averages.",
	    mw.exact ? "exact p-value" : "normal approximation with tie and continuity "
	    "corrections");
	rc = 0;
out:
	free(yl);
	free(gl);
	return rc;
}

/* compare with three or more groups: Welch's ANOVA, ANOVA, Kruskal-Wallis. */
static int
compare_many(lt_session *s, lt_result *r, const lt_var *y, const lt_var *gv,
    const double *x, const size_t *g, const double *w, size_t n, size_t k,
    char **labels, const lt_htest_group *gs, lt_error *err)
{
	lt_welch_anova wa;
	char *yl = lt_explain_label(y), *gl = lt_explain_label(gv);
	lt_anova av;
	lt_kruskal kw;
	lt_buf b = LT_BUF_INIT;
	size_t hi = k, lo = k, groups;
	lt_error werr;
	double p;
	int rc, welch;

	/* Welch's ANOVA needs two values in every group; else the classic one decides. */
	welch = lt_htest_welch_anova(x, g, w, n, k, &wa, &werr) == 0 && !isnan(wa.p);
	if ((rc = lt_htest_anova(x, g, w, n, k, &av, err)) != 0 ||
	    (rc = lt_htest_kruskal(x, g, w, n, k, &kw, err)) != 0)
		goto out;
	p = welch ? wa.p : av.p;
	groups = av.groups;
	if (!welch)
		lt_result_caveat(r, "Some group has a single value, so Welch's test cannot be used; "
		    "the classic ANOVA decides instead, and results from such tiny groups are "
		    "very uncertain.");
	for (size_t j = 0; j < k; j++) {
		if (gs[j].n == 0)
			continue;
		if (hi == k || gs[j].mean > gs[hi].mean)
			hi = j;
		if (lo == k || gs[j].mean < gs[lo].mean)
			lo = j;
	}
	if (gs[hi].mean == gs[lo].mean) {
		lt_buf_printf(&b, "Average %s is the same in all %zu groups of %s: ", yl, groups, gl);
		lt_explain_num(s, &b, gs[hi].mean + y->offset);
		lt_buf_puts(&b, ".");
		lt_explain_headline(r, &b);
		goto numbers;
	}
	if (p < 0.05)
		lt_buf_printf(&b, "Average %s differs between the %zu groups of %s. ", yl,
		    groups, gl);
	else
		lt_buf_printf(&b, "The data cannot tell if average %s differs between the %zu "
		    "groups of %s. ", yl, groups, gl);
	lt_buf_printf(&b, "It is highest for %s (", labels[hi]);
	lt_explain_num(s, &b, gs[hi].mean + y->offset);
	lt_buf_printf(&b, ") and lowest for %s (", labels[lo]);
	lt_explain_num(s, &b, gs[lo].mean + y->offset);
	if (isnan(av.r_squared))
		lt_buf_puts(&b, ").");
	else if (av.r_squared < 0.001)
		lt_buf_puts(&b, "). The groups explain less than 0.1% of the spread.");
	else
		lt_buf_printf(&b, "). The groups explain %.1f%% of the spread.",
		    100 * av.r_squared);
	lt_explain_headline(r, &b);
numbers:
	lt_buf_free(&b);
	if (!welch)
		wa.f = wa.df1 = wa.df2 = wa.p = NAN;
	lt_result_number(r, "welch_f", "Welch's F", wa.f, NULL);
	lt_result_number(r, "welch_df1", "Degrees of freedom (groups)", wa.df1, NULL);
	lt_result_number(r, "welch_df2", "Degrees of freedom (within)", wa.df2, NULL);
	lt_result_number(r, "p", "p-value (Welch's ANOVA)", wa.p, NULL);
	lt_result_number(r, "anova_f", "F (classic one-way ANOVA)", av.f, NULL);
	lt_result_number(r, "anova_p", "p-value (classic ANOVA)", av.p, NULL);
	lt_result_number(r, "eta_squared", "Eta squared (share of the spread)", av.r_squared, NULL);
	lt_result_number(r, "kruskal_h", "Kruskal-Wallis H", kw.h, NULL);
	lt_result_number(r, "kruskal_p", "p-value (Kruskal-Wallis)", kw.p, NULL);
	lt_result_number(r, "epsilon_squared", "Epsilon squared (ranks)", kw.epsilon_squared, NULL);
	lt_result_caveat(r, "This compares groups as they are: it shows a link with %s, not "
	    "that %s causes the difference. Other things may differ between the groups too.",
	    gl, gl);
	lt_result_method(r, "Welch's one-way ANOVA (does not assume equal spread; Welch 1951), "
	    "with the classic one-way ANOVA and eta squared beside it, and the Kruskal-Wallis "
	    "rank test (Kruskal and Wallis 1952) as a check that does not rely on averages.");
	rc = 0;
out:
	free(yl);
	free(gl);
	return rc;
}

static const lt_opt_spec compare_opts[] = {
	{ "student", NULL, LT_COMPLETE_NONE, 0,
	  "use Student's t-test, which assumes both groups vary equally (Welch's is the default)" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
compare_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	int by = find_word(a, "by"), yidx, gidx, rc;
	double *x = NULL, *w = NULL;
	size_t *g = NULL, n, ng, k, used = 0;
	char **labels = NULL, **gwhy = NULL;
	lt_htest_group *gs = NULL;
	lt_sdc_vec pn = { 0 };
	const lt_sdc_cell **ncell = NULL;
	lt_buf smallb = LT_BUF_INIT;

	if (by != 1 || a->argc != 3)
		return lt_err_at(err, LT_EINVAL, a->argc > 0 ? a->argpos[0] : 0,
		    "compare takes a number column, \"by\" and a group column, as in "
		    "\"compare sbp by smoking\"");
	if ((rc = number_var(s, a->argv[0], a->argpos[0], &yidx, err)) != 0 ||
	    (rc = lt_session_var(s, a->argv[2], a->argpos[2], &gidx, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, yidx, &x, &w, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, gidx, a->argpos[2], &g, &labels, &k, &ng, err)) != 0)
		goto out;
	if (ng != n) {
		rc = lt_err(err, LT_EDB, "the stored columns of %s are out of step; import it again",
		    d->name);
		goto out;
	}
	gs = lt_calloc(k + 1, sizeof *gs);
	if ((rc = lt_htest_groups(x, g, w, n, k, gs, err)) != 0)
		goto out;
	/*
	 * Disclosure control: the group sizes are counts (protected), and a
	 * group of too few people is left out of the tests, since a difference
	 * or a test would tell its average.
	 */
	{
		double *gn = lt_calloc(k + 1, sizeof *gn);
		char *key = lt_sprintf("compare %s by %s", d->vars[yidx].name,
		    d->vars[gidx].name);
		size_t nsmall = 0;

		for (size_t j = 0; j < k; j++)
			gn[j] = gs[j].n;
		rc = lt_protect_vec(s, key, (const char *const *)labels, gn, k, &pn, err);
		free(key);
		gwhy = lt_calloc(k + 1, sizeof *gwhy);
		ncell = lt_calloc(k + 1, sizeof *ncell);
		for (size_t j = 0; j < k && rc == 0; j++) {
			ncell[j] = &pn.cells[j];
			if (gs[j].n > 0 && (gwhy[j] = lt_protect_stat_why(s, gs[j].n)) != NULL) {
				lt_buf_printf(&smallb, "%s%s", nsmall++ ? ", " : "", labels[j]);
				for (size_t i = 0; i < n; i++)
					if (g[i] == j)
						g[i] = LT_NO_GROUP;
			}
		}
		free(gn);
		if (rc != 0)
			goto out;
		if (nsmall > 0) {
			lt_result_caveat(r, "Groups of fewer than %d people were left out: %s. "
			    "Their averages are hidden to protect privacy.",
			    lt_session_profile(s)->stat_min, lt_buf_str(&smallb));
			if ((rc = lt_htest_groups(x, g, w, n, k, gs, err)) != 0)
				goto out;
		}
	}
	for (size_t j = 0; j < k; j++)
		used += gs[j].n > 0;
	if (used < 2 && lt_buf_str(&smallb)[0] != '\0') {
		/* Not an error: the protection stops it, and says so. */
		lt_result_headline(r, "There are too few people in the groups of %s here to "
		    "compare %s between them.", d->vars[gidx].name, d->vars[yidx].name);
		group_checks(s, r, x, g, w, n, k, labels, d->vars[yidx].offset, gs,
		    (const lt_sdc_cell *const *)ncell, (const char *const *)gwhy);
		lt_protect_method(s, r);
		lt_session_context(s, r);
		goto out;
	}
	if (used < 2) {
		rc = lt_err_at(err, LT_EINVAL, a->argpos[2],
		    "compare needs at least two groups with values, and %s has %zu here",
		    d->vars[gidx].name, used);
		goto out;
	}
	if (used == 2) {
		size_t a0 = k, a1 = k;

		/* The two groups with values become groups 0 and 1. */
		for (size_t j = 0; j < k; j++)
			if (gs[j].n > 0) {
				if (a0 == k)
					a0 = j;
				else
					a1 = j;
			}
		for (size_t i = 0; i < n; i++)
			g[i] = g[i] == a0 ? 0 : g[i] == a1 ? 1 : LT_NO_GROUP;
		{
			char *names[2] = { labels[a0], labels[a1] };
			const lt_sdc_cell *nc[2] = { ncell[a0], ncell[a1] };
			const char *const nowhy[2] = { NULL, NULL };
			lt_htest_group two[2];

			rc = compare_two(s, r, &d->vars[yidx], &d->vars[gidx], x, g, w, n, names,
			    lt_args_opt(&lt_cmd_compare_entry, a, "student") != NULL, err);
			if (rc == 0 && (rc = lt_htest_groups(x, g, w, n, 2, two, err)) == 0)
				group_checks(s, r, x, g, w, n, 2, names, d->vars[yidx].offset, two,
				    nc, nowhy);
		}
	} else {
		rc = compare_many(s, r, &d->vars[yidx], &d->vars[gidx], x, g, w, n, k, labels,
		    gs, err);
		if (rc == 0)
			group_checks(s, r, x, g, w, n, k, labels, d->vars[yidx].offset, gs,
			    (const lt_sdc_cell *const *)ncell, (const char *const *)gwhy);
	}
	if (rc == 0) {
		lt_explain_tests(s, r, 1);
		lt_protect_method(s, r);
		lt_session_context(s, r);
		if (d->weight != NULL)
			lt_result_method(r, "Each row counts as \"%s\" %s (a frequency weight).",
			    d->weight, units(s));
	}
out:
	for (size_t j = 0; gwhy != NULL && j < k; j++)
		free(gwhy[j]);
	free(gwhy);
	free(ncell);
	lt_sdc_vec_free(&pn);
	lt_buf_free(&smallb);
	free(x);
	free(w);
	free(g);
	free(gs);
	lt_strv_free(labels);
	return rc;
}

const lt_cmd_entry lt_cmd_compare_entry = {
	.name = "compare",
	.args = "COLUMN by GROUP",
	.summary = "compare the average of a number between groups",
	.help = "Compares COLUMN (a number) between the groups of GROUP. With two groups: "
	    "the difference in averages with its 95% interval (Welch's t-test), how big it is "
	    "next to the spread (Hedges' g), and a rank test that does not rely on averages "
	    "(Mann-Whitney). With three or more: Welch's ANOVA, the classic ANOVA with eta "
	    "squared, and the Kruskal-Wallis rank test. Checks on the data (lopsided groups, "
	    "outliers, unequal spread, small groups) are reported in words.",
	.example = "compare sbp by smoking",
	.min_args = 3,
	.max_args = 3,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.opts = compare_opts,
	.exec = compare_exec,
};

/* How strong a correlation is, in words. */
static const char *
strength(double r)
{
	double a = fabs(r);

	return a < 0.1 ? "a very weak" : a < 0.3 ? "a weak" : a < 0.5 ? "a moderate" :
	    "a strong";
}

static int
correlate_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	int with = find_word(a, "with"), xi, yi, rc;
	double *x = NULL, *y = NULL, *w = NULL, *w2 = NULL;
	size_t n, n2;
	lt_corr c;
	lt_buf b = LT_BUF_INIT;
	char *xl = NULL, *yl = NULL;

	if (with != 1 || a->argc != 3)
		return lt_err_at(err, LT_EINVAL, a->argc > 0 ? a->argpos[0] : 0,
		    "correlate takes two number columns joined by \"with\", as in "
		    "\"correlate bmi with sbp\"");
	if ((rc = number_var(s, a->argv[0], a->argpos[0], &xi, err)) != 0 ||
	    (rc = number_var(s, a->argv[2], a->argpos[2], &yi, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, xi, &x, &w, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_numeric(s, yi, &y, &w2, &n2, err)) != 0)
		goto out;
	if ((rc = lt_model_correlate(x, y, w, n, 0.95, &c, err)) != 0)
		goto out;
	xl = lt_explain_label(&d->vars[xi]);
	yl = lt_explain_label(&d->vars[yi]);
	if (c.r_lo > 0 || c.r_hi < 0)
		lt_buf_printf(&b, "%s and %s tend to go %s. It is %s link: r = %.2f. The true r is "
		    "likely between %.2f and %.2f.", xl, yl,
		    c.r > 0 ? "up together" : "in opposite directions",
		    strength(c.r), c.r, c.r_lo, c.r_hi);
	else
		lt_buf_printf(&b, "The data cannot tell if %s and %s are linked. Here r = %.2f. "
		    "The true r is likely between %.2f and %.2f.", xl, yl, c.r, c.r_lo, c.r_hi);
	lt_explain_headline(r, &b);
	lt_buf_free(&b);
	lt_result_number(r, "n", "Pairs used", c.n, NULL);
	lt_result_number(r, "missing", "Pairs left out (a value missing)", c.missing, NULL);
	lt_result_number(r, "r", "Pearson's r", c.r, NULL);
	lt_result_number(r, "r_low", "95% CI of r, from", c.r_lo, NULL);
	lt_result_number(r, "r_high", "95% CI of r, to", c.r_hi, NULL);
	lt_result_number(r, "r_p", "p-value (r)", c.r_p, NULL);
	lt_result_number(r, "rho", "Spearman's rho", c.rho, NULL);
	lt_result_number(r, "rho_low", "95% CI of rho, from", c.rho_lo, NULL);
	lt_result_number(r, "rho_high", "95% CI of rho, to", c.rho_hi, NULL);
	lt_result_number(r, "rho_p", "p-value (rho)", c.rho_p, NULL);
	lt_result_caveat(r, "A link is not a cause: %s may not change %s at all; both may "
	    "follow something else, such as age.", xl, yl);
	/* the counts in these words pass the rules as the key numbers do */
	if (c.n < 30)
		lt_result_caveat(r, "Fewer than 30 pairs: with so few, r is uncertain (see how "
		    "wide its interval is).");
	if (fabs(c.r - c.rho) > 0.1)
		lt_result_caveat(r, "Pearson's r (%.2f) and Spearman's rho (%.2f) differ: the link "
		    "may be curved or driven by a few extreme values. Plot the data to see.",
		    c.r, c.rho);
	if (c.missing > 0) {
		char *key = lt_sprintf("correlate %s %s (missing)", d->vars[xi].name,
		    d->vars[yi].name);
		double shown;

		rc = lt_protect_one(s, key, c.missing, &shown, err);
		free(key);
		if (rc != 0)
			goto out;
		if (isnan(shown))
			lt_result_caveat(r, "A few pairs with a missing value were left out.");
		else
			lt_result_caveat(r, "%.0f pairs with a missing value were left out.",
			    shown);
	}
	lt_result_method(r, "Pearson's correlation r with a Fisher z interval; Spearman's rho "
	    "(Pearson on ranks) with a t-approximation p-value.");
	lt_explain_tests(s, r, 1);
	lt_session_context(s, r);
out:
	free(xl);
	free(yl);
	free(x);
	free(y);
	free(w);
	free(w2);
	return rc;
}

const lt_cmd_entry lt_cmd_correlate_entry = {
	.name = "correlate",
	.args = "COLUMN with COLUMN",
	.summary = "measure how two numbers go up and down together",
	.help = "Measures the link between two number columns: Pearson's r (a straight-line "
	    "link) with its 95% interval, and Spearman's rho (any steady up-or-down link, "
	    "using ranks). Rows missing either value are left out.",
	.example = "correlate bmi with sbp",
	.min_args = 3,
	.max_args = 3,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.exec = correlate_exec,
};

/* One term of a regression model: a number column or one level of a category. */
typedef struct term {
	char *name;		/* "age", "smoking: current" */
	int var;		/* column index */
	size_t level;		/* for a dummy: the group coded 1 */
	char *lvl;		/* for a dummy: its label ("current") */
	char *ref;		/* for a dummy: the reference label ("never") */
} term;

typedef struct design {
	double *y;		/* n outcomes (0/1 for logistic) */
	double *X;		/* n x p, column-major; column 0 is the intercept */
	double *w;		/* weights or NULL */
	size_t n, p;
	term *terms;		/* p terms; terms[0] is the intercept */
	size_t dropped;		/* rows left out for a missing value */
	size_t lead;		/* the term the headline speaks of */
	int npred;		/* columns that explain */
	int logistic;
	char *event;		/* logistic: the outcome level coded 1 */
	char *ref_note;		/* "smoking compared with never; ..." */
} design;

static void
design_free(design *m)
{
	free(m->y);
	free(m->X);
	free(m->w);
	for (size_t j = 0; j < m->p && m->terms != NULL; j++) {
		free(m->terms[j].name);
		free(m->terms[j].lvl);
		free(m->terms[j].ref);
	}
	free(m->terms);
	free(m->event);
	free(m->ref_note);
}

/* Whether column v is numeric for a model (numbers without labels). */
static int
numeric_var(const lt_var *v)
{
	return v->nlevels == 0 && (v->type == LT_VT_INTEGER || v->type == LT_VT_NUMBER);
}

/*
 * Leave out the values of a category that no row with an outcome has (a
 * filter can empty them), so the reference level is one that is there.
 */
static void
drop_empty_levels(size_t *codes, char **labels, size_t *k, size_t n, const double *y)
{
	size_t *count = lt_calloc(*k + 1, sizeof *count), *map = lt_calloc(*k + 1, sizeof *map);
	size_t kept = 0;

	for (size_t i = 0; i < n; i++)
		if (codes[i] != LT_NO_GROUP && !isnan(y[i]))
			count[codes[i]]++;
	for (size_t l = 0; l < *k; l++) {
		if (count[l] == 0) {
			free(labels[l]);
			labels[l] = NULL;
			continue;
		}
		map[l] = kept;
		if (kept != l) {
			labels[kept] = labels[l];
			labels[l] = NULL;
		}
		kept++;
	}
	for (size_t i = 0; i < n; i++)
		if (codes[i] != LT_NO_GROUP)
			codes[i] = count[codes[i]] > 0 ? map[codes[i]] : LT_NO_GROUP;
	*k = kept;
	free(count);
	free(map);
}

/*
 * Build the outcome and the design matrix for "regress Y on X1 X2 ...":
 * an intercept, number columns as they are, categories as 0/1 columns for
 * each level but the first (the reference, named in the output). Rows with
 * any missing value are left out (and counted).
 */
static int
build_design(lt_session *s, const lt_args *a, design *m, lt_error *err)
{
	const lt_dataset *d = s->ds;
	size_t np = a->argc - 2, n = 0, cap;
	double **cols = lt_calloc(np + 1, sizeof *cols), *yv = NULL, *w = NULL;
	size_t **codes = lt_calloc(np + 1, sizeof *codes), *ycodes = NULL;
	char ***labels = lt_calloc(np + 1, sizeof *labels), **ylabels = NULL;
	size_t *nlev = lt_calloc(np + 1, sizeof *nlev), yk = 0;
	int *idx = lt_calloc(np + 1, sizeof *idx), yi, rc;
	lt_buf refs = LT_BUF_INIT;
	size_t rows = 0, tmp;
	double *wtmp = NULL;

	memset(m, 0, sizeof *m);
	if ((rc = lt_session_var(s, a->argv[0], a->argpos[0], &yi, err)) != 0)
		goto out;
	/* The outcome: a number, or a yes/no (two-valued) column for logistic. */
	if (numeric_var(&d->vars[yi])) {
		if ((rc = lt_session_numeric(s, yi, &yv, &w, &rows, err)) != 0)
			goto out;
		for (size_t i = 0; i < rows; i++)
			if (!isnan(yv[i]))
				yv[i] += d->vars[yi].offset;
		m->logistic = 1;
		for (size_t i = 0; i < rows && m->logistic; i++)
			if (!isnan(yv[i]) && yv[i] != 0 && yv[i] != 1)
				m->logistic = 0;
		if (m->logistic)
			m->event = lt_strdup("1");
	} else {
		double *ignore = NULL, *iw = NULL;

		if ((rc = lt_session_groups(s, yi, a->argpos[0], &ycodes, &ylabels, &yk, &rows,
		    err)) != 0)
			goto out;
		if (yk != 2) {
			rc = lt_err_at(err, LT_EINVAL, a->argpos[0],
			    "%s has %zu different values; regress needs a number, or a yes/no "
			    "column with exactly two", d->vars[yi].name, yk);
			goto out;
		}
		m->logistic = 1;
		m->event = lt_strdup(ylabels[1]);
		yv = lt_malloc((rows ? rows : 1) * sizeof *yv);
		for (size_t i = 0; i < rows; i++)
			yv[i] = ycodes[i] == LT_NO_GROUP ? NAN : (double)ycodes[i];
		/* Weights come with a numeric read of any numeric column. */
		if (d->weight != NULL) {
			int widx = lt_dataset_var_index(d, d->weight);

			if ((rc = lt_session_numeric(s, widx, &ignore, &iw, &tmp, err)) != 0)
				goto out;
			free(w);
			w = ignore;	/* the weight column itself */
			for (size_t i = 0; i < tmp; i++)
				w[i] += d->vars[widx].offset;
			free(iw);
		}
	}
	/* The predictors. */
	m->p = 1;
	for (size_t j = 0; j < np; j++) {
		const char *name = a->argv[j + 2];
		int pos = a->argpos[j + 2];
		size_t got;

		if ((rc = lt_session_var(s, name, pos, &idx[j], err)) != 0)
			goto out;
		if (idx[j] == yi) {
			rc = lt_err_at(err, LT_EINVAL, pos, "%s is the outcome, so it cannot also "
			    "explain itself; leave it out of the list after \"on\"", name);
			goto out;
		}
		if (numeric_var(&d->vars[idx[j]])) {
			if ((rc = lt_session_numeric(s, idx[j], &cols[j], &wtmp, &got, err)) != 0)
				goto out;
			free(wtmp);
			wtmp = NULL;
			for (size_t i = 0; i < got; i++)
				cols[j][i] += d->vars[idx[j]].offset;
			m->p++;
		} else {
			if ((rc = lt_session_groups(s, idx[j], pos, &codes[j], &labels[j], &nlev[j],
			    &got, err)) != 0)
				goto out;
			if (got == rows)
				drop_empty_levels(codes[j], labels[j], &nlev[j], got, yv);
			if (nlev[j] == 0) {
				rc = lt_err(err, LT_EINVAL, "no rows with values match the filter, so "
				    "there is nothing to fit; change the filter or turn it off");
				goto out;
			}
			if (nlev[j] < 2) {
				rc = lt_err_at(err, LT_EINVAL, pos, "%s has only one value here, so it "
				    "cannot explain anything; leave it out", name);
				goto out;
			}
			m->p += nlev[j] - 1;
			lt_buf_printf(&refs, "%s%s compared with %s", refs.len ? "; " : "",
			    d->vars[idx[j]].name, labels[j][0]);
		}
		if (got != rows) {
			rc = lt_err(err, LT_EDB, "the stored columns of %s are out of step; import "
			    "it again", d->name);
			goto out;
		}
	}
	/* Terms, then the rows with every value present. */
	m->terms = lt_calloc(m->p, sizeof *m->terms);
	m->terms[0].name = lt_strdup("(intercept)");
	m->terms[0].var = -1;
	m->npred = (int)np;
	for (size_t j = 0, t = 1; j < np; j++) {
		if (cols[j] != NULL) {
			if (j == 0)
				m->lead = t;
			m->terms[t].name = lt_strdup(d->vars[idx[j]].name);
			m->terms[t++].var = idx[j];
			continue;
		}
		for (size_t l = 1; l < nlev[j]; l++) {
			m->terms[t].name = lt_sprintf("%s: %s", d->vars[idx[j]].name, labels[j][l]);
			m->terms[t].var = idx[j];
			m->terms[t].lvl = lt_strdup(labels[j][l]);
			m->terms[t].ref = lt_strdup(labels[j][0]);
			m->terms[t++].level = l;
		}
		/* The headline speaks of the first column: its last level, if a category. */
		if (j == 0)
			m->lead = t - 1;
	}
	cap = rows ? rows : 1;
	m->y = lt_malloc(cap * sizeof *m->y);
	m->X = lt_malloc(cap * m->p * sizeof *m->X);
	m->w = w != NULL ? lt_malloc(cap * sizeof *m->w) : NULL;
	for (size_t i = 0; i < rows; i++) {
		int ok = !isnan(yv[i]) && (w == NULL || (!isnan(w[i]) && w[i] > 0));

		for (size_t j = 0; j < np && ok; j++)
			ok = cols[j] != NULL ? !isnan(cols[j][i]) : codes[j][i] != LT_NO_GROUP;
		if (!ok) {
			m->dropped++;
			continue;
		}
		m->y[n] = yv[i];
		if (m->w != NULL)
			m->w[n] = w[i];
		n++;
	}
	m->n = n;
	for (size_t i = 0, k = 0; i < rows; i++) {
		int ok = !isnan(yv[i]) && (w == NULL || (!isnan(w[i]) && w[i] > 0));
		size_t t = 1;

		for (size_t j = 0; j < np && ok; j++)
			ok = cols[j] != NULL ? !isnan(cols[j][i]) : codes[j][i] != LT_NO_GROUP;
		if (!ok)
			continue;
		m->X[k] = 1;
		for (size_t j = 0; j < np; j++) {
			if (cols[j] != NULL) {
				m->X[t++ * n + k] = cols[j][i];
				continue;
			}
			for (size_t l = 1; l < nlev[j]; l++)
				m->X[t++ * n + k] = codes[j][i] == l ? 1 : 0;
		}
		k++;
	}
	if (refs.len > 0)
		m->ref_note = lt_buf_take(&refs);
out:
	for (size_t j = 0; j < np; j++) {
		free(cols[j]);
		free(codes[j]);
		lt_strv_free(labels[j]);
	}
	free(cols);
	free(codes);
	free(labels);
	free(nlev);
	free(idx);
	free(yv);
	free(w);
	free(ycodes);
	lt_strv_free(ylabels);
	lt_buf_free(&refs);
	if (rc != 0)
		design_free(m);
	return rc;
}

static const lt_coldef ols_cols[] = {
	{ "term", "Term", LT_RC_TEXT }, { "estimate", "Estimate", LT_RC_NUMBER },
	{ "ci_low", "95% CI from", LT_RC_NUMBER }, { "ci_high", "to", LT_RC_NUMBER },
	{ "p", "p", LT_RC_NUMBER }, { "se", "SE", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "t", "t", LT_RC_NUMBER | LT_RC_DETAIL }, { "vif", "VIF", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};
static const lt_coldef logit_cols[] = {
	{ "term", "Term", LT_RC_TEXT }, { "odds_ratio", "Odds ratio", LT_RC_NUMBER },
	{ "or_low", "95% CI from", LT_RC_NUMBER }, { "or_high", "to", LT_RC_NUMBER },
	{ "p", "p", LT_RC_NUMBER }, { "estimate", "Log odds", LT_RC_NUMBER | LT_RC_DETAIL },
	{ "se", "SE", LT_RC_NUMBER | LT_RC_DETAIL }, { "z", "z", LT_RC_NUMBER | LT_RC_DETAIL },
	{ NULL, NULL, 0 }
};

/*
 * The headline for a model: what the first column goes with, its interval,
 * and "the data cannot tell" when the interval includes no effect.
 */
static void
model_headline(lt_session *s, lt_result *r, const design *m, double est, double lo,
    double hi, const lt_var *yv)
{
	const term *t = &m->terms[m->lead];
	const lt_var *xv = &s->ds->vars[t->var];
	char *yl = lt_explain_label(yv), *xl = lt_explain_label(xv), *ev;
	lt_buf b = LT_BUF_INIT, unit = LT_BUF_INIT;
	int sure = m->logistic ? lo > 1 || hi < 1 : lo > 0 || hi < 0;

	ev = m->logistic ? lt_sprintf("%s (%s)", yl, m->event) : NULL;
	if (!m->logistic && yv->unit != NULL)
		lt_buf_printf(&unit, " %s", yv->unit);
	if (t->level == 0 && !sure)
		lt_buf_printf(&b, "The data cannot tell if %s goes with %s. ", xl,
		    m->logistic ? ev : yl);
	else if (!sure)
		lt_buf_printf(&b, "The data cannot tell if %s differs between people whose "
		    "%s is %s and %s. ", m->logistic ? ev : yl, xl, t->lvl, t->ref);
	if (!sure) {
		/* The estimate, plainly: the interval says the rest. */
		lt_buf_puts(&b, m->logistic ? "the odds ratio is " : t->level > 0 ?
		    "the difference is " : "the change for each 1-unit rise is ");
		lt_explain_num(s, &b, est);
		lt_buf_puts(&b, lt_buf_str(&unit));
	} else if (t->level == 0) {
		lt_buf_printf(&b, "each 1-unit rise in %s%s%s%s ", xl, xv->unit ? " (" : "",
		    xv->unit ? xv->unit : "", xv->unit ? ")" : "");
		if (m->logistic) {
			lt_buf_printf(&b, "multiplies the odds of %s by ", ev);
			lt_explain_num(s, &b, est);
		} else {
			lt_buf_puts(&b, "goes with ");
			lt_explain_num(s, &b, fabs(est));
			lt_buf_printf(&b, "%s %s %s", lt_buf_str(&unit), est >= 0 ? "higher" : "lower",
			    yl);
		}
	} else if (m->logistic) {
		lt_buf_printf(&b, "people whose %s is %s had ", xl, t->lvl);
		lt_explain_num(s, &b, est);
		lt_buf_printf(&b, " times the odds of %s of those whose %s is %s", ev, xl, t->ref);
	} else {
		lt_buf_printf(&b, "people whose %s is %s had ", xl, t->lvl);
		lt_explain_num(s, &b, fabs(est));
		lt_buf_printf(&b, "%s %s %s than those whose %s is %s", lt_buf_str(&unit),
		    est >= 0 ? "higher" : "lower", yl, xl, t->ref);
	}
	lt_buf_puts(&b, ".");
	/* "6.11 lower ... likely between 5.32 and 6.91": the same direction as the words. */
	if (sure && !m->logistic && est < 0)
		lt_explain_likely(s, &b, "value", fabs(hi), fabs(lo));
	else
		lt_explain_likely(s, &b, "value", lo, hi);
	if (m->npred > 1)
		lt_buf_puts(&b, " This holds the other columns fixed.");
	/* "the change ... is 2.2" in the middle: capitalise after the first full stop. */
	for (size_t i = 0; i + 2 < b.len; i++)
		if (b.s[i] == '.' && b.s[i + 1] == ' ' && b.s[i + 2] >= 'a' && b.s[i + 2] <= 'z')
			b.s[i + 2] = (char)(b.s[i + 2] - 'a' + 'A');
	lt_explain_headline(r, &b);
	free(yl);
	free(xl);
	free(ev);
	lt_buf_free(&b);
	lt_buf_free(&unit);
}

/* A key number that counts people: rounded, or left out when small. */
static void
count_number(lt_session *s, lt_result *r, const char *key, const char *label, double v)
{
	const lt_sdc_profile *p = lt_protect_active(s);

	if (p == NULL)
		lt_result_number(r, key, label, v, NULL);
	else if (!lt_sdc_count_hidden(p, v))
		lt_result_number(r, key, label, lt_sdc_round(v, p->round_to), NULL);
	else {
		char *why = lt_sdc_why(p, LT_SDC_SMALL);

		lt_protect_number(r, key, label, NAN, NULL, why);
		free(why);
	}
}

/*
 * count / columns from a ratio (count per column that explains), with the
 * count protected (rounded) so that the ratio does not give it back.
 */
static double
per_column(lt_session *s, double count, double ratio)
{
	const lt_sdc_profile *p = lt_protect_active(s);

	if (p == NULL || !(ratio > 0))
		return ratio;
	return lt_sdc_round(count, p->round_to) / (count / ratio);
}

/*
 * Why a model must be withheld under the active profile (caller frees),
 * or NULL: fewer than 10 residual degrees of freedom (the fit then all
 * but repeats the few people it has), or a category of a predictor, or of
 * a yes/no outcome, with 1 .. stat_min-1 people (its estimate is a
 * statistic of those few).
 */
static char *
withheld(lt_session *s, const design *m)
{
	const lt_sdc_profile *p = lt_protect_active(s);
	double total = 0, events = 0;

	if (p == NULL)
		return NULL;
	for (size_t i = 0; i < m->n; i++) {
		double wi = m->w != NULL ? m->w[i] : 1;

		total += wi;
		events += m->y[i] * wi;
	}
	if (total - (double)m->p < 10)
		return lt_sprintf("it would rest on fewer than 10 people beyond the %zu numbers "
		    "it estimates", m->p);
	if (m->logistic && (lt_sdc_stat_hidden(p, events) ||
	    lt_sdc_stat_hidden(p, total - events)) && events > 0 && events < total)
		return lt_sprintf("fewer than %d people %s the outcome", p->stat_min,
		    lt_sdc_stat_hidden(p, events) ? "have" : "do not have");
	for (size_t t = 1; t < m->p; t++) {
		double in = 0, rest = 0;

		if (m->terms[t].level == 0)
			continue;
		for (size_t i = 0; i < m->n; i++)
			in += m->X[t * m->n + i] * (m->w != NULL ? m->w[i] : 1);
		/* the group is not named: its name could be a value of a few people */
		if (in > 0 && lt_sdc_stat_hidden(p, in))
			return lt_sprintf("fewer than %d people are in one of the groups of %s",
			    p->stat_min, s->ds->vars[m->terms[t].var].name);
		/* The reference group: the rows in none of this column's other levels. */
		if (m->terms[t].level != 1)
			continue;
		for (size_t i = 0; i < m->n; i++) {
			int ref = 1;

			for (size_t u = t; u < m->p && m->terms[u].var == m->terms[t].var; u++)
				ref &= m->X[u * m->n + i] == 0;
			rest += ref ? (m->w != NULL ? m->w[i] : 1) : 0;
		}
		if (rest > 0 && lt_sdc_stat_hidden(p, rest))
			return lt_sprintf("fewer than %d people are in one of the groups of %s",
			    p->stat_min, s->ds->vars[m->terms[t].var].name);
	}
	return NULL;
}

static int
regress_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	const lt_var *yv;
	design m;
	lt_table *t;
	char *why;
	double shown_n;
	int rc, yi;

	if (a->argc < 3 || strcasecmp(a->argv[1], "on") != 0)
		return lt_err_at(err, LT_EINVAL, a->argc > 0 ? a->argpos[0] : 0,
		    "regress takes an outcome, \"on\" and one or more columns that may explain "
		    "it, as in \"regress sbp on age bmi\"");
	if ((rc = build_design(s, a, &m, err)) != 0)
		return rc;
	yi = lt_dataset_var_index(d, a->argv[0]);
	yv = &d->vars[yi];
	if (m.n <= m.p) {
		rc = lt_err(err, LT_EINVAL, "only %zu complete rows for %zu numbers to estimate; "
		    "use fewer columns or a wider filter", m.n, m.p);
		goto out;
	}
	/* Disclosure control: not an error, a protection, so it answers (exit 0). */
	if ((why = withheld(s, &m)) != NULL) {
		lt_result_headline(r, "This model is not shown to protect privacy: %s.", why);
		lt_result_caveat(r, "A model of so few people could give away their own values. "
		    "Use fewer columns, merge small groups, or widen the filter.");
		lt_result_method(r, "Disclosure control (profile %s): a regression is withheld "
		    "when it has fewer than 10 residual degrees of freedom or a category with "
		    "fewer than %d people.", lt_session_profile(s)->name,
		    lt_session_profile(s)->stat_min);
		lt_session_context(s, r);
		free(why);
		rc = 0;
		goto out;
	}
	if (!m.logistic) {
		lt_ols o;

		if ((rc = lt_model_ols(m.y, m.X, m.w, m.n, m.p, 1, &o, err)) != 0)
			goto out;
		t = lt_result_table_with(r, "coefficients", "Coefficients", ols_cols);
		for (size_t j = 0; j < m.p; j++) {
			size_t row = lt_table_row(t);
			const double v[] = { o.coef[j], o.lo[j], o.hi[j], o.pval[j], o.se[j],
			    o.t[j], o.vif[j] };

			lt_table_text(t, row, 0, m.terms[j].name);
			for (size_t k = 0; k < 7; k++)
				if (!isnan(v[k]))
					lt_table_num(t, row, k + 1, v[k]);
		}
		if (!o.aliased[m.lead])
			model_headline(s, r, &m, o.coef[m.lead], o.lo[m.lead], o.hi[m.lead], yv);
		else
			lt_result_headline(r, "The model could not separate the effect of %s from "
			    "the other columns.", m.terms[m.lead].name);
		count_number(s, r, "n", "Rows used", o.n);
		lt_result_number(r, "r_squared", "R squared (share of the spread explained)", o.r2, NULL);
		lt_result_number(r, "adj_r_squared", "Adjusted R squared", o.adj_r2, NULL);
		lt_result_number(r, "f", "F", o.f, NULL);
		lt_result_number(r, "f_p", "p-value (F test)", o.f_p, NULL);
		lt_result_number(r, "residual_sd", "Residual SD", o.sigma, yv->unit);
		lt_result_number(r, "condition", "Condition number", o.cond, NULL);
		if (o.rank_deficient)
			lt_result_caveat(r, "Some columns are exact combinations of others, so they "
			    "were left out (their estimates are blank).");
		if (o.cond > 30)
			lt_result_caveat(r, "Some columns move closely together (collinearity, "
			    "condition number %.0f), so their separate effects are hard to tell apart.",
			    o.cond);
		if (!isnan(o.cases_per_predictor) && o.cases_per_predictor < 20)
			lt_result_caveat(r, "Only %.0f rows for each column that explains: with fewer "
			    "than 10 to 20, the estimates are shaky.",
			    per_column(s, o.n, o.cases_per_predictor));
		lt_result_method(r, "Linear regression by least squares (Householder QR); R "
		    "squared is the share of the spread of %s the columns account for.", yv->name);
		lt_model_ols_free(&o);
	} else {
		lt_logit l;

		if ((rc = lt_model_logit(m.y, m.X, m.w, m.n, m.p, 1, &l, err)) != 0)
			goto out;
		t = lt_result_table_with(r, "coefficients", "Odds ratios", logit_cols);
		for (size_t j = 0; j < m.p; j++) {
			size_t row = lt_table_row(t);
			const double v[] = { l.or[j], l.or_lo[j], l.or_hi[j], l.pval[j], l.coef[j],
			    l.se[j], l.z[j] };

			lt_table_text(t, row, 0, m.terms[j].name);
			for (size_t k = 0; k < 7; k++)
				if (!isnan(v[k]) && !l.separation)
					lt_table_num(t, row, k + 1, v[k]);
		}
		if (l.separation)
			lt_result_headline(r, "Some columns predict %s perfectly, so the odds ratios "
			    "cannot be estimated; leave those columns out or use more data.", yv->label);
		else if (!l.aliased[m.lead])
			model_headline(s, r, &m, l.or[m.lead], l.or_lo[m.lead], l.or_hi[m.lead], yv);
		else
			lt_result_headline(r, "The model could not separate the effect of %s from "
			    "the other columns.", m.terms[m.lead].name);
		count_number(s, r, "n", "Rows used", l.n);
		count_number(s, r, "events", "Rows with the event", l.events);
		lt_result_number(r, "deviance", "Residual deviance", l.deviance, NULL);
		lt_result_number(r, "null_deviance", "Null deviance", l.null_deviance, NULL);
		lt_result_number(r, "aic", "AIC", l.aic, NULL);
		lt_result_number(r, "lr_p", "p-value (likelihood ratio)", l.lr_p, NULL);
		if (!l.converged)
			lt_result_caveat(r, "The fit did not settle after %d steps; treat the numbers "
			    "with care.", l.iterations);
		if (!isnan(l.events_per_predictor) && l.events_per_predictor < 10)
			lt_result_caveat(r, "Only %.0f events for each column that explains: with "
			    "fewer than 10, the odds ratios are shaky.",
			    per_column(s, l.events, l.events_per_predictor));
		lt_result_method(r, "Logistic regression (maximum likelihood by iteratively "
		    "reweighted least squares) of %s = %s; odds ratios with Wald 95%% intervals.",
		    yv->name, m.event);
		lt_model_logit_free(&l);
	}
	if (m.ref_note != NULL)
		lt_result_method(r, "Categories are compared with a reference group: %s.",
		    m.ref_note);
	if (m.dropped > 0) {
		char *key = lt_sprintf("regress %s (missing)", a->argv[0]);

		rc = lt_protect_one(s, key, (double)m.dropped, &shown_n, err);
		free(key);
		if (rc != 0)
			goto out;
		if (isnan(shown_n))
			lt_result_caveat(r, "A few rows with a missing value in these columns were "
			    "left out.");
		else
			lt_result_caveat(r, "%.0f rows with a missing value in these columns were "
			    "left out.", shown_n);
	}
	lt_protect_method(s, r);
	lt_result_caveat(r, "A regression shows links, not causes: other things not in the "
	    "model may explain them.");
	lt_explain_tests(s, r, (int)m.p - 1);
	lt_session_context(s, r);
out:
	design_free(&m);
	return rc;
}

const lt_cmd_entry lt_cmd_regress_entry = {
	.name = "regress",
	.args = "OUTCOME on COLUMN...",
	.summary = "explain a number or a yes/no outcome by several columns",
	.help = "Fits a regression of OUTCOME on the COLUMNs, each effect with the others held "
	    "fixed. A number outcome gets linear regression (coefficients with 95% intervals, R "
	    "squared); a yes/no outcome (0/1, or two labelled values) gets logistic regression "
	    "(odds ratios with 95% intervals). Categories are compared with their first value, "
	    "which the output names. Rows with a missing value are left out.",
	.example = "regress heart_attack on smoking age",
	.min_args = 3,
	.max_args = -1,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.exec = regress_exec,
};
