/*
 * guide.c - guided explorations: the choice of analysis (pure: it reads
 * only the facts it is given) and the wizard that asks the questions which
 * build a "guide" command. See guide.h.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "catalog.h"
#include "guide.h"

static const struct {
	const char *name;
	const char *title;
} goals[LT_GOAL_COUNT] = {
	{ "describe", "Describe one thing" },
	{ "compare", "Compare groups" },
	{ "link", "Is there a link between two things?" },
	{ "time", "How does something change over time?" },
	{ "predict", "Predict an outcome" },
};

const char *
lt_guide_goal_name(int goal)
{
	return goal >= 0 && goal < LT_GOAL_COUNT ? goals[goal].name : NULL;
}

const char *
lt_guide_goal_title(int goal)
{
	return goal >= 0 && goal < LT_GOAL_COUNT ? goals[goal].title : NULL;
}

int
lt_guide_goal_parse(const char *name)
{
	size_t n = strlen(name);
	int found = -1, matches = 0;

	for (int g = 0; g < LT_GOAL_COUNT; g++) {
		if (strcasecmp(goals[g].name, name) == 0)
			return g;
		if (n > 0 && strncasecmp(goals[g].name, name, n) == 0) {
			found = g;
			matches++;
		}
	}
	return matches == 1 ? found : -1;
}

int
lt_guide_kind_of(const lt_dataset *d, size_t var)
{
	const lt_var *v = &d->vars[var];

	switch (v->type) {
	case LT_VT_TEXT:
		return LT_GK_TEXT;
	case LT_VT_DATE:
		return LT_GK_DATE;
	default:
		break;
	}
	if (v->nlevels == 2)
		return LT_GK_YESNO;
	if (v->nlevels > 0 || v->type == LT_VT_CATEGORY)
		return LT_GK_CATEGORY;
	return LT_GK_NUMBER;
}

/* ------------------------------------------------------------ the choice */

static void
why(lt_guide_plan *p, const char *fmt, ...)
{
	lt_buf b = LT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lt_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	p->why.v = lt_realloc(p->why.v, (p->why.n + 1) * sizeof *p->why.v);
	p->why.v[p->why.n++] = lt_buf_take(&b);
}

void
lt_guide_plan_clear(lt_guide_plan *p)
{
	for (size_t i = 0; i < p->why.n; i++)
		free(p->why.v[i]);
	free(p->why.v);
	free(p->analysis);
	free(p->chart);
	free(p->what);
	memset(p, 0, sizeof *p);
}

/* An error about column i of in (err->pos = i, for the caller to map). */
static int
bad(lt_error *err, int i, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (err != NULL) {
		err->code = LT_EINVAL;
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		err->pos = i;
	}
	va_end(ap);
	return LT_EINVAL;
}

static int
is_groups(const lt_guide_var *v)
{
	return v->kind == LT_GK_CATEGORY || v->kind == LT_GK_YESNO;
}

static int
lopsided(double skew)
{
	return !isnan(skew) && fabs(skew) >= LT_GUIDE_SKEW;
}

/* Text, dates where they cannot go, and groups of the wrong size. */
static int
check_text(const lt_guide_in *in, lt_error *err)
{
	for (size_t i = 0; i < in->nv; i++)
		if (in->v[i].kind == LT_GK_TEXT)
			return bad(err, (int)i, "%s holds text such as names, which lantern "
			    "shows but does not analyse; pick another column", in->v[i].name);
	return 0;
}

static int
check_groups(const lt_guide_var *v, int i, lt_error *err)
{
	if (v->levels == 1)
		return bad(err, i, "%s has only one value here, so there are no groups to "
		    "compare; pick another column, or widen the filter", v->name);
	if (v->levels > LT_GUIDE_MAX_GROUPS)
		return bad(err, i, "%s has %zu different values, too many groups to compare; "
		    "pick a column with fewer", v->name, v->levels);
	return 0;
}

static int
no_dates(const lt_guide_in *in, lt_error *err)
{
	for (size_t i = 0; i < in->nv; i++)
		if (in->v[i].kind == LT_GK_DATE)
			return bad(err, (int)i, "%s is a date; to see how things change over "
			    "time, use \"guide time %s\"", in->v[i].name, in->v[i].name);
	return 0;
}

/* A number y compared between the groups of g. */
static int
choose_groups(const lt_guide_in *in, const lt_guide_var *y, const lt_guide_var *g,
    int gi, lt_guide_plan *p, lt_error *err)
{
	int lop = lopsided(in->group_skew), small = !isnan(in->group_min) &&
	    in->group_min < LT_GUIDE_SMALL, two = g->kind == LT_GK_YESNO ||
	    g->levels == 2;
	int rc;

	if ((rc = check_groups(g, gi, err)) != 0)
		return rc;
	p->analysis = lt_sprintf("compare %s by %s", y->name, g->name);
	p->chart = lt_sprintf("plot box %s by %s", y->name, g->name);
	if (two) {
		p->what = lt_strdup("a comparison of two groups (Welch's t-test and the "
		    "Mann-Whitney rank test)");
		why(p, "%s is a number and %s splits people into two groups, so lantern "
		    "compares their averages with Welch's t-test, which does not assume both "
		    "groups vary the same.", y->name, g->name);
	} else {
		p->what = lt_strdup("a comparison of several groups (Welch's ANOVA and the "
		    "Kruskal-Wallis rank test)");
		why(p, "%s is a number and %s splits people into more than two groups, so "
		    "lantern compares all their averages at once with Welch's ANOVA, instead "
		    "of many tests of two groups.", y->name, g->name);
	}
	if (lop && small)
		why(p, "%s is lopsided (skewed) and some groups are small (fewer than %d "
		    "people). Then a few extreme values can pull an average a long way, so the "
		    "rank test (%s) matters here: it does not use averages. If the two tests "
		    "disagree, trust the rank test more.", y->name, LT_GUIDE_SMALL,
		    two ? "Mann-Whitney" : "Kruskal-Wallis");
	else if (lop)
		why(p, "%s is lopsided (skewed), but the groups are big, so their averages "
		    "still behave well and the t-test holds. The rank test (%s) is a check "
		    "that does not use averages.", y->name, two ? "Mann-Whitney" :
		    "Kruskal-Wallis");
	else if (small)
		why(p, "Some groups are small (fewer than %d people), so the results are "
		    "uncertain: look at how wide the intervals are. The rank test (%s) is a "
		    "check that does not use averages.", LT_GUIDE_SMALL,
		    two ? "Mann-Whitney" : "Kruskal-Wallis");
	else
		why(p, "%s is not lopsided and the groups are big, so averages are a fair "
		    "summary. The rank test (%s) is given as a check.", y->name,
		    two ? "Mann-Whitney" : "Kruskal-Wallis");
	why(p, "The box plot shows the middle half of each group, so you can see how "
	    "much the groups overlap.");
	return 0;
}

/* Two categories counted against each other; the yes/no one goes second. */
static int
choose_table(const lt_guide_in *in, const lt_guide_var *a, int ai, const lt_guide_var *b,
    int bi, lt_guide_plan *p, lt_error *err)
{
	int rc;

	if ((rc = check_groups(a, ai, err)) != 0 || (rc = check_groups(b, bi, err)) != 0)
		return rc;
	if (a->kind == LT_GK_YESNO && b->kind != LT_GK_YESNO) {
		const lt_guide_var *t = a;

		a = b;
		b = t;
	}
	p->analysis = lt_sprintf("crosstab %s by %s", a->name, b->name);
	p->what = lt_strdup("a table of counts with a test of the link (chi-square)");
	why(p, "%s and %s both sort people into groups, so lantern counts the people in "
	    "each pair of groups and tests whether the two are linked (Pearson's "
	    "chi-square test).", a->name, b->name);
	if (in->small_expected)
		why(p, "Some counts in the table are small, so the chi-square test is not "
		    "reliable there; crosstab gives Fisher's exact test instead.");
	else if ((a->kind == LT_GK_YESNO || a->levels == 2) &&
	    (b->kind == LT_GK_YESNO || b->levels == 2))
		why(p, "For a table of two rows and two columns, crosstab also gives "
		    "Fisher's exact test.");
	if (b->kind == LT_GK_YESNO)
		why(p, "%s is yes or no, so the headline says how many times more often it "
		    "happens in one group than in the first (a risk ratio).", b->name);
	return 0;
}

/* Two numbers. */
static int
choose_numbers(const lt_guide_var *a, const lt_guide_var *b, lt_guide_plan *p)
{
	p->analysis = lt_sprintf("correlate %s with %s", a->name, b->name);
	p->chart = lt_sprintf("plot scatter %s %s", a->name, b->name);
	p->what = lt_strdup("a correlation (Pearson's r and Spearman's rho)");
	why(p, "%s and %s are both numbers, so lantern measures how they go up and down "
	    "together: Pearson's r for a straight-line link, Spearman's rho for any "
	    "steady link.", a->name, b->name);
	if (lopsided(a->skew) || lopsided(b->skew))
		why(p, "%s is lopsided (skewed), so a few extreme values can sway Pearson's "
		    "r; Spearman's rho uses ranks, so it is the safer guide here.",
		    lopsided(a->skew) ? a->name : b->name);
	else
		why(p, "Neither is lopsided, so Pearson's r is a fair measure; Spearman's rho "
		    "is a check.");
	why(p, "The chart matters: a link can be curved, or made by a few odd points, "
	    "and only a picture shows that.");
	return 0;
}

static int
choose_describe(const lt_guide_in *in, lt_guide_plan *p, lt_error *err)
{
	const lt_guide_var *v = &in->v[0];

	if (in->nv != 1)
		return bad(err, 1, "describe looks at one column at a time; to see how two "
		    "go together, use \"guide link\"");
	if (in->per != NULL) {
		if (v->kind != LT_GK_NUMBER)
			return bad(err, 0, "a rate needs a number of events, and %s is not a "
			    "number", v->name);
		p->analysis = lt_sprintf("rate %s per %s per 1000", v->name, in->per);
		p->what = lt_strdup("a rate per 1,000 people with an exact interval");
		why(p, "%s counts events and %s counts people, so lantern divides one by the "
		    "other: a rate per 1,000 people. Its interval is exact, so it holds even "
		    "when the events are few.", v->name, in->per);
		return 0;
	}
	switch (v->kind) {
	case LT_GK_NUMBER:
		p->analysis = lt_sprintf("describe %s", v->name);
		p->chart = lt_sprintf("plot hist %s", v->name);
		p->what = lt_strdup("a summary of a number with a histogram");
		why(p, "%s is a number, so lantern gives its middle (mean and median) and its "
		    "spread, and draws a histogram to show its shape.", v->name);
		if (lopsided(v->skew))
			why(p, "%s is lopsided (skewed): a few very large or small values pull "
			    "the mean, so the median is a better guide to a typical value.",
			    v->name);
		else if (!isnan(v->skew))
			why(p, "%s is not lopsided, so the mean and the median should be close.",
			    v->name);
		return 0;
	case LT_GK_CATEGORY:
	case LT_GK_YESNO:
		p->analysis = lt_sprintf("freq %s", v->name);
		p->chart = lt_sprintf("plot bar %s", v->name);
		p->what = lt_strdup("a count of each value with a bar chart");
		why(p, "%s sorts people into groups, so lantern counts the people in each, "
		    "with the share of everyone and a 95%% interval for it, and draws a bar "
		    "chart.", v->name);
		return 0;
	case LT_GK_DATE:
		p->analysis = lt_sprintf("describe %s", v->name);
		p->chart = lt_sprintf("plot line %s", v->name);
		p->what = lt_strdup("the first and last dates with a line chart");
		why(p, "%s is a date, so lantern gives the earliest and latest, and draws how "
		    "many people have a date in each month or year.", v->name);
		return 0;
	}
	return bad(err, 0, "%s cannot be described", v->name);
}

static int
choose_compare(const lt_guide_in *in, lt_guide_plan *p, lt_error *err)
{
	const lt_guide_var *y = &in->v[0], *g = &in->v[1];
	int rc;

	if (in->nv != 2)
		return bad(err, in->nv < 2 ? -1 : 2, "compare takes two columns: what to "
		    "compare and the groups, as in \"guide compare sbp by sex\"");
	if ((rc = no_dates(in, err)) != 0)
		return rc;
	if (in->per != NULL) {
		if (y->kind != LT_GK_NUMBER)
			return bad(err, 0, "a rate needs a number of events, and %s is not a "
			    "number", y->name);
		if (!is_groups(g))
			return bad(err, 1, "%s is not a set of groups; pick a column such as a "
			    "region or an age band", g->name);
		if ((rc = check_groups(g, 1, err)) != 0)
			return rc;
		p->analysis = lt_sprintf("rate %s per %s by %s per 1000", y->name, in->per,
		    g->name);
		p->what = lt_strdup("rates per 1,000 people in each group");
		why(p, "%s counts events and %s counts people, so lantern works out a rate "
		    "per 1,000 people in each group of %s, with exact intervals, and compares "
		    "the highest with the first.", y->name, in->per, g->name);
		return 0;
	}
	if (y->kind == LT_GK_NUMBER && is_groups(g))
		return choose_groups(in, y, g, 1, p, err);
	if (is_groups(y) && g->kind == LT_GK_NUMBER) {
		rc = choose_groups(in, g, y, 0, p, err);
		if (rc == 0)
			why(p, "%s is the number here and %s makes the groups, so lantern "
			    "compares %s between the groups of %s.", g->name, y->name, g->name,
			    y->name);
		return rc;
	}
	if (is_groups(y) && is_groups(g))
		return choose_table(in, g, 1, y, 0, p, err);
	/* two numbers: there are no groups, but there is a link */
	rc = choose_numbers(y, g, p);
	why(p, "%s is a number, not a set of groups, so lantern measures the link between "
	    "the two instead; to make groups from it, filter it first.", g->name);
	return rc;
}

static int
choose_link(const lt_guide_in *in, lt_guide_plan *p, lt_error *err)
{
	const lt_guide_var *a = &in->v[0], *b = &in->v[1];
	int rc;

	if (in->nv != 2)
		return bad(err, in->nv < 2 ? -1 : 2, "link takes two columns, as in "
		    "\"guide link bmi sbp\"");
	if ((rc = no_dates(in, err)) != 0)
		return rc;
	if (a->kind == LT_GK_NUMBER && b->kind == LT_GK_NUMBER)
		return choose_numbers(a, b, p);
	if (is_groups(a) && is_groups(b))
		return choose_table(in, a, 0, b, 1, p, err);
	if (a->kind == LT_GK_NUMBER)
		rc = choose_groups(in, a, b, 1, p, err);
	else
		rc = choose_groups(in, b, a, 0, p, err);
	if (rc == 0)
		why(p, "One is a number and the other makes groups, so a link between them is "
		    "a difference between the groups.");
	return rc;
}

/* A date with too many dates to follow a number over: count people instead. */
static int
time_counts(const lt_guide_in *in, const lt_guide_var *y, const lt_guide_var *x,
    lt_guide_plan *p)
{
	if (in->per != NULL) {
		p->analysis = lt_sprintf("rate %s per %s per 1000", y->name, in->per);
		p->chart = lt_sprintf("plot line %s", x->name);
		p->what = lt_strdup("a rate per 1,000 people, with a line chart of how many "
		    "rows have each date");
	} else {
		p->analysis = lt_sprintf("plot line %s", x->name);
		p->what = lt_strdup("a line chart of how many people have a date in each "
		    "day, month or year");
	}
	why(p, "%s has more than %d different dates, too many to follow %s date by date, "
	    "and lantern cannot yet take the average of %s for each month or year. So the "
	    "guide counts the people with a %s in each day, month or year instead.",
	    x->name, LT_GUIDE_MAX_TIMES, y->name, y->name, x->name);
	why(p, "To look at %s itself, try \"guide describe %s\", or compare it between "
	    "groups with \"guide compare %s by GROUP\".", y->name, y->name, y->name);
	return 0;
}

static int
choose_time(const lt_guide_in *in, lt_guide_plan *p, lt_error *err)
{
	const lt_guide_var *y = &in->v[0], *x = &in->v[in->nv - 1];
	int many;

	if (in->nv == 1) {
		if (y->kind != LT_GK_DATE)
			return bad(err, 0, "%s is not a date; say what to follow over which "
			    "column, as in \"guide time disease over month\"", y->name);
		p->analysis = lt_sprintf("plot line %s", y->name);
		p->what = lt_strdup("a line chart of how many people have each date");
		why(p, "%s is a date, so lantern counts the people with a date in each day, "
		    "month or year and joins the counts in a line, so you can see rises, "
		    "falls and seasons.", y->name);
		return 0;
	}
	if (in->nv != 2)
		return bad(err, 2, "time takes a date, or a number \"over\" a date, as in "
		    "\"guide time disease over month\"");
	if (y->kind != LT_GK_NUMBER)
		return bad(err, 0, "%s is not a number, so it cannot be drawn as a line over "
		    "time; pick a number, or use \"guide time DATE\" to count people", y->name);
	if (x->kind != LT_GK_DATE && x->kind != LT_GK_NUMBER)
		return bad(err, 1, "%s is not a date or a year, so it cannot be a time line",
		    x->name);
	many = x->levels > LT_GUIDE_MAX_TIMES;
	if (many && x->kind == LT_GK_DATE)
		return time_counts(in, y, x, p);
	if (many) {
		/* age or bmi: not a time line, but a link */
		if (in->per != NULL)
			return bad(err, 1, "%s has more than %d different values, so it cannot be "
			    "a time line; pick a date, or a column such as year", x->name,
			    LT_GUIDE_MAX_TIMES);
		why(p, "%s has more than %d different values, too many to follow one by one "
		    "as a time line, so the guide shows how %s goes up and down with %s "
		    "instead. To follow something over time, pick a date, or a column such as "
		    "year.", x->name, LT_GUIDE_MAX_TIMES, y->name, x->name);
		choose_numbers(x, y, p);
		free(p->what);
		p->what = lt_strdup("a correlation (Pearson's r and Spearman's rho) with a "
		    "scatter plot");
		return 0;
	}
	if (in->per != NULL) {
		p->analysis = lt_sprintf("rate %s per %s per 1000", y->name, in->per);
		p->chart = lt_sprintf("plot line %s over %s", y->name, x->name);
		p->what = lt_strdup("a rate per 1,000 people with a line chart over time");
		why(p, "%s counts events and %s counts people, so lantern gives the rate per "
		    "1,000 people over the whole time, with an exact interval.", y->name,
		    in->per);
		why(p, "The chart adds up %s for each %s and joins the totals in a line, so "
		    "you can see it rise and fall.", y->name, x->name);
		return 0;
	}
	if (y->count) {
		p->analysis = lt_sprintf("plot line %s over %s", y->name, x->name);
		p->what = lt_strdup("a line chart of the totals over time");
		why(p, "%s counts things, so lantern adds up %s for each %s and joins the "
		    "totals in a line, so you can see it rise and fall.", y->name, y->name,
		    x->name);
		return 0;
	}
	p->analysis = lt_sprintf("describe %s by %s", y->name, x->name);
	p->line_of_means = 1;
	p->what = lt_sprintf("the average of %s for each %s, with a line chart of the "
	    "averages", y->name, x->name);
	why(p, "%s is a measurement, not a count, so adding it up over the rows of each %s "
	    "would mean little: lantern takes its average for each %s and joins the "
	    "averages in a line, so you can see it rise and fall.", y->name, x->name,
	    x->name);
	why(p, "The table gives the spread and the median for each %s too: an average "
	    "can hide that some rows are far above or below it.", x->name);
	return 0;
}

static int
choose_predict(const lt_guide_in *in, lt_guide_plan *p, lt_error *err)
{
	const lt_guide_var *y = &in->v[0], *x;
	lt_buf b = LT_BUF_INIT;
	double terms = 0;
	int rc;

	if (in->nv < 2)
		return bad(err, -1, "predict takes an outcome and the columns that might "
		    "explain it, as in \"guide predict heart_attack from age smoking\"");
	if ((rc = check_text(in, err)) != 0 || (rc = no_dates(in, err)) != 0)
		return rc;
	if (y->kind == LT_GK_CATEGORY)
		return bad(err, 0, "%s has more than two values; lantern predicts a number or a "
		    "yes/no outcome, so pick one of those, or use \"guide compare\"", y->name);
	for (size_t i = 1; i < in->nv; i++) {
		if (strcmp(in->v[i].name, y->name) == 0)
			return bad(err, (int)i, "%s is the outcome, so it cannot also explain "
			    "itself; pick other columns", y->name);
		if (is_groups(&in->v[i]) && (rc = check_groups(&in->v[i], (int)i, err)) != 0)
			return rc;
		terms += is_groups(&in->v[i]) && in->v[i].levels > 1 ?
		    (double)(in->v[i].levels - 1) : 1;
		lt_buf_printf(&b, " %s", in->v[i].name);
	}
	p->analysis = lt_sprintf("regress %s on%s", y->name, lt_buf_str(&b));
	lt_buf_free(&b);
	x = &in->v[1];
	if (y->kind == LT_GK_YESNO) {
		p->what = lt_strdup("logistic regression (odds ratios)");
		why(p, "%s is a yes/no outcome, so lantern uses logistic regression: it says "
		    "how much each column changes the odds of \"yes\" (an odds ratio), with "
		    "the other columns held fixed.", y->name);
		if (!isnan(y->events) && y->events < 10 * terms)
			why(p, "Few people have the outcome for so many columns (fewer than 10 "
			    "for each thing estimated), so the estimates may be shaky; try fewer "
			    "columns.");
		if (x->kind == LT_GK_NUMBER)
			p->chart = lt_sprintf("plot box %s by %s", x->name, y->name);
	} else {
		p->what = lt_strdup("linear regression (coefficients)");
		why(p, "%s is a number, so lantern uses linear regression: each coefficient "
		    "says how much %s changes on average with one column, with the others "
		    "held fixed.", y->name, y->name);
		if (lopsided(y->skew))
			why(p, "%s is lopsided (skewed): the averages still hold, but a few "
			    "extreme values can sway them; look at the chart.", y->name);
		if (!isnan(y->n) && y->n < 10 * (terms + 1))
			why(p, "There are few people for so many columns (fewer than 10 for each "
			    "thing estimated), so the estimates may be shaky; try fewer columns.");
		if (x->kind == LT_GK_NUMBER)
			p->chart = lt_sprintf("plot scatter %s %s", x->name, y->name);
		else
			p->chart = lt_sprintf("plot box %s by %s", y->name, x->name);
	}
	why(p, "A model shows links, not causes; adding a column that might drive both "
	    "(such as age) is how a model takes it into account.");
	return 0;
}

int
lt_guide_choose(const lt_guide_in *in, lt_guide_plan *out, lt_error *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (in->nv == 0)
		return bad(err, -1, "say which columns to look at, as in \"guide describe bmi\"");
	if (in->goal != LT_GOAL_PREDICT && (rc = check_text(in, err)) != 0)
		return rc;
	for (size_t i = 0; i < in->nv; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(in->v[i].name, in->v[j].name) == 0)
				return bad(err, (int)i, "%s is named twice; pick two different "
				    "columns", in->v[i].name);
	switch (in->goal) {
	case LT_GOAL_DESCRIBE:
		rc = choose_describe(in, out, err);
		break;
	case LT_GOAL_COMPARE:
		rc = choose_compare(in, out, err);
		break;
	case LT_GOAL_LINK:
		rc = choose_link(in, out, err);
		break;
	case LT_GOAL_TIME:
		rc = choose_time(in, out, err);
		break;
	case LT_GOAL_PREDICT:
		rc = choose_predict(in, out, err);
		break;
	default:
		rc = bad(err, -1, "there is no such goal; pick describe, compare, link, time "
		    "or predict");
	}
	if (rc != 0)
		lt_guide_plan_clear(out);
	return rc;
}

/* ------------------------------------------------------------ the wizard */

#define K(k)		(1 << (k))
#define K_ANY		(K(LT_GK_NUMBER) | K(LT_GK_CATEGORY) | K(LT_GK_YESNO))
#define SLOT_MANY	0x1	/* asked again until skipped */
#define SLOT_SKIP	0x2	/* may be skipped */
#define SLOT_RATE	0x4	/* the population of a rate: only for counts */
#define SLOT_TIME	0x8	/* skipped only when the first answer is a date */
#define SLOT_WHEN	0x10	/* numbers only when they look like times */

typedef struct slot {
	const char *text;
	int kinds;
	int flags;
	const char *skip;
} slot;

#define RATE_SLOT { "Does it count events (such as deaths) out of a number of people? " \
	"Pick the column with the number of people to get a rate.", K(LT_GK_NUMBER), \
	SLOT_SKIP | SLOT_RATE, "no, it does not count events" }

static const slot slots[LT_GOAL_COUNT][4] = {
	[LT_GOAL_DESCRIBE] = {
		{ "Which column do you want to describe?", K_ANY | K(LT_GK_DATE), 0, NULL },
		RATE_SLOT,
	},
	[LT_GOAL_COMPARE] = {
		{ "What do you want to compare between the groups?", K_ANY, 0, NULL },
		{ "Which column makes the groups?", K(LT_GK_CATEGORY) | K(LT_GK_YESNO), 0,
		    NULL },
		RATE_SLOT,
	},
	[LT_GOAL_LINK] = {
		{ "Pick the first thing.", K_ANY, 0, NULL },
		{ "Pick the second thing.", K_ANY, 0, NULL },
	},
	[LT_GOAL_TIME] = {
		{ "Which column says when (a date, or a year)?", K(LT_GK_DATE) |
		    K(LT_GK_NUMBER), SLOT_WHEN, NULL },
		{ "What do you want to follow over time?", K(LT_GK_NUMBER), SLOT_TIME,
		    "just count the people on each date" },
		RATE_SLOT,
	},
	[LT_GOAL_PREDICT] = {
		{ "What outcome do you want to predict?", K(LT_GK_NUMBER) | K(LT_GK_YESNO), 0,
		    NULL },
		{ "Which column might explain it?", K_ANY, 0, NULL },
		{ "Add another column that might explain it?", K_ANY, SLOT_MANY | SLOT_SKIP,
		    "no more: run it" },
	},
};

struct lt_guide_wizard {
	char **names;		/* the dataset's columns */
	char **shown;		/* "sbp - Systolic blood pressure (mmHg)" */
	int *kinds;
	int *whole;		/* 1: the column holds whole numbers */
	size_t nvars;
	int aggregated;		/* rows are counts, not people: rates make sense */
	int goal;		/* -1 until chosen */
	size_t slot;		/* the slot asked now */
	int picked[LT_GUIDE_MAXVARS];	/* answers, by slot order (-1: skipped) */
	size_t npicked;
	int per;		/* the population column, or -1 */
	/* what the data says about a column, when asked (see values_of) */
	lt_guide_values_fn values_fn;
	void *values_arg;
	size_t *values;		/* different values (0: not asked yet) */
	size_t *rows;		/* rows with a value */
	int *asked;		/* 1: asked (-1: it could not say) */
	/* the question now */
	lt_guide_question q;
	char text[512];		/* its words, when they depend on the answers */
	size_t held;		/* columns left out because they cannot work */
	const char **choices;
	int *choice_var;	/* the column each choice stands for */
	char *command;
};

lt_guide_wizard *
lt_guide_wizard_new(const lt_dataset *d)
{
	lt_guide_wizard *w = lt_calloc(1, sizeof *w);

	w->nvars = d->nvars;
	w->names = lt_calloc(d->nvars + 1, sizeof *w->names);
	w->shown = lt_calloc(d->nvars + 1, sizeof *w->shown);
	w->kinds = lt_calloc(d->nvars + 1, sizeof *w->kinds);
	w->whole = lt_calloc(d->nvars + 1, sizeof *w->whole);
	for (size_t i = 0; i < d->nvars; i++) {
		const lt_var *v = &d->vars[i];
		lt_buf b = LT_BUF_INIT;

		w->names[i] = lt_strdup(v->name);
		w->kinds[i] = lt_guide_kind_of(d, i);
		w->whole[i] = v->type == LT_VT_INTEGER;
		lt_buf_puts(&b, v->name);
		if (v->label != NULL && strcmp(v->label, v->name) != 0)
			lt_buf_printf(&b, " - %s", v->label);
		if (v->unit != NULL && *v->unit != '\0')
			lt_buf_printf(&b, " (%s)", v->unit);
		w->shown[i] = lt_buf_take(&b);
		/* the frequency weight counts people: it is not a column to pick */
		if (d->weight != NULL && strcmp(d->weight, v->name) == 0)
			w->kinds[i] = LT_GK_TEXT;
	}
	w->aggregated = d->weight == NULL && d->kind != NULL &&
	    strcmp(d->kind, LT_KIND_AGGREGATED) == 0;
	w->goal = -1;
	w->per = -1;
	w->choices = lt_calloc(d->nvars > LT_GOAL_COUNT ? d->nvars + 1 : LT_GOAL_COUNT + 1,
	    sizeof *w->choices);
	w->choice_var = lt_calloc(d->nvars + 1, sizeof *w->choice_var);
	w->values = lt_calloc(d->nvars + 1, sizeof *w->values);
	w->rows = lt_calloc(d->nvars + 1, sizeof *w->rows);
	w->asked = lt_calloc(d->nvars + 1, sizeof *w->asked);
	return w;
}

void
lt_guide_wizard_set_values(lt_guide_wizard *w, lt_guide_values_fn fn, void *arg)
{
	w->values_fn = fn;
	w->values_arg = arg;
	memset(w->asked, 0, (w->nvars + 1) * sizeof *w->asked);
}

/*
 * How many different values column var has, and in how many rows (*rows):
 * asked once, then remembered. Returns 0 when nobody can say.
 */
static size_t
values_of(lt_guide_wizard *w, size_t var, size_t *rows)
{
	if (!w->asked[var]) {
		w->asked[var] = 1;
		if (w->values_fn == NULL ||
		    w->values_fn(w->values_arg, var, &w->values[var], &w->rows[var]) != 0) {
			w->values[var] = w->rows[var] = 0;
			w->asked[var] = -1;
		}
	}
	if (rows != NULL)
		*rows = w->rows[var];
	return w->values[var];
}

/* Whether s holds a word about time ("year", "Month of death"). */
static int
timely_word(const char *s)
{
	static const char *const words[] = { "year", "month", "week", "day", "quarter",
		"period", "wave", "time", "date", "decade", "season", NULL };

	for (const char *p = s; *p != '\0'; p++)
		for (size_t k = 0; words[k] != NULL; k++)
			if (strncasecmp(p, words[k], strlen(words[k])) == 0)
				return 1;
	return 0;
}

/*
 * Whether number column var can say when: a year or a month number has a
 * few values, each in many rows; an age or a blood pressure has too many
 * to follow one by one, and a count of deaths hardly repeats.
 */
static int
time_like(lt_guide_wizard *w, size_t var)
{
	size_t rows, n = values_of(w, var, &rows);
	int named = timely_word(w->shown[var]);

	if (w->asked[var] < 0)
		return named;	/* nothing else to go on */
	if (n < 2 || n > LT_GUIDE_MAX_TIMES)
		return 0;
	return named || 2 * n <= rows;
}

/* The "when" answer is a date with too many dates to follow a number over. */
static int
fine_date(lt_guide_wizard *w)
{
	int v = w->npicked > 0 ? w->picked[0] : -1;

	return w->goal == LT_GOAL_TIME && v >= 0 && w->kinds[v] == LT_GK_DATE &&
	    values_of(w, (size_t)v, NULL) > LT_GUIDE_MAX_TIMES;
}

void
lt_guide_wizard_free(lt_guide_wizard *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->nvars; i++) {
		free(w->names[i]);
		free(w->shown[i]);
	}
	free(w->names);
	free(w->shown);
	free(w->kinds);
	free(w->whole);
	free(w->choices);
	free(w->choice_var);
	free(w->values);
	free(w->rows);
	free(w->asked);
	free(w->command);
	free(w);
}

static int
was_picked(const lt_guide_wizard *w, int var)
{
	for (size_t i = 0; i < w->npicked; i++)
		if (w->picked[i] == var)
			return 1;
	return var == w->per;
}

/* Whether slot k of the goal is asked at all, given the answers so far. */
static int
slot_applies(const lt_guide_wizard *w, size_t k)
{
	const slot *sl = &slots[w->goal][k];

	if (sl->text == NULL)
		return 0;
	if (sl->flags & SLOT_RATE) {
		/* the column that counts: over time, the one followed */
		size_t c = w->goal == LT_GOAL_TIME ? 1 : 0;

		/* counts of events are whole numbers; a life expectancy is not */
		return w->aggregated && w->npicked > c && w->picked[c] >= 0 &&
		    w->kinds[w->picked[c]] == LT_GK_NUMBER && w->whole[w->picked[c]];
	}
	return 1;
}

/* Fill the choices of slot k; returns how many. */
static size_t
fill(lt_guide_wizard *w, size_t k)
{
	const slot *sl = &slots[w->goal][k];
	int fine = (sl->flags & SLOT_TIME) && fine_date(w);
	size_t n = 0;

	w->held = 0;
	for (size_t i = 0; i < w->nvars; i++) {
		if (!(sl->kinds & K(w->kinds[i])) || was_picked(w, (int)i))
			continue;
		/* a number of people is a whole number */
		if ((sl->flags & SLOT_RATE) && !w->whole[i])
			continue;
		/* an age is no time line; no number follows a date of everyone's own */
		if (((sl->flags & SLOT_WHEN) && w->kinds[i] == LT_GK_NUMBER &&
		    !time_like(w, i)) || fine) {
			w->held++;
			continue;
		}
		w->choices[n] = w->shown[i];
		w->choice_var[n++] = (int)i;
	}
	w->choices[n] = NULL;
	return n;
}

static int
can_skip(const lt_guide_wizard *w, size_t k)
{
	const slot *sl = &slots[w->goal][k];

	if (sl->flags & SLOT_TIME)
		return w->picked[0] >= 0 && w->kinds[w->picked[0]] == LT_GK_DATE;
	return (sl->flags & SLOT_SKIP) != 0;
}

/* A column name as a word of a command (quoted when it must be). */
static void
put_name(lt_buf *b, const char *name)
{
	if (strcspn(name, " \t;#\"'") == strlen(name))
		lt_buf_printf(b, " %s", name);
	else
		lt_buf_printf(b, " \"%s\"", name);
}

static void
build(lt_guide_wizard *w)
{
	lt_buf b = LT_BUF_INIT;
	int *p = w->picked;

	lt_buf_printf(&b, "guide %s", goals[w->goal].name);
	switch (w->goal) {
	case LT_GOAL_COMPARE:
		put_name(&b, w->names[p[0]]);
		lt_buf_puts(&b, " by");
		put_name(&b, w->names[p[1]]);
		break;
	case LT_GOAL_TIME:
		if (w->npicked > 1 && p[1] >= 0) {
			put_name(&b, w->names[p[1]]);
			lt_buf_puts(&b, " over");
		}
		put_name(&b, w->names[p[0]]);
		break;
	case LT_GOAL_PREDICT:
		put_name(&b, w->names[p[0]]);
		lt_buf_puts(&b, " from");
		for (size_t i = 1; i < w->npicked; i++)
			if (p[i] >= 0)
				put_name(&b, w->names[p[i]]);
		break;
	default:
		for (size_t i = 0; i < w->npicked; i++)
			if (p[i] >= 0)
				put_name(&b, w->names[p[i]]);
	}
	if (w->per >= 0) {
		lt_buf_puts(&b, " per");
		put_name(&b, w->names[w->per]);
	}
	w->command = lt_buf_take(&b);
}

/* Move on to the next slot that applies; build the command after the last. */
static void
advance(lt_guide_wizard *w)
{
	while (w->slot < 4 && !slot_applies(w, w->slot))
		w->slot++;
	if (w->slot >= 4)
		build(w);
}

const lt_guide_question *
lt_guide_wizard_question(lt_guide_wizard *w)
{
	if (w->command != NULL)
		return NULL;
	memset(&w->q, 0, sizeof w->q);
	if (w->goal < 0) {
		for (int g = 0; g < LT_GOAL_COUNT; g++)
			w->choices[g] = goals[g].title;
		w->choices[LT_GOAL_COUNT] = NULL;
		w->q.text = "What do you want to find out?";
		w->q.nchoices = LT_GOAL_COUNT;
	} else {
		w->q.text = slots[w->goal][w->slot].text;
		w->q.nchoices = fill(w, w->slot);
		w->q.can_skip = can_skip(w, w->slot);
		w->q.skip = slots[w->goal][w->slot].skip;
		if ((slots[w->goal][w->slot].flags & SLOT_TIME) && w->q.nchoices == 0 &&
		    w->held > 0) {
			snprintf(w->text, sizeof w->text, "%s has more than %d different dates, "
			    "too many to follow a number over them one by one; lantern can count "
			    "the people with a %s in each day, month or year.",
			    w->names[w->picked[0]], LT_GUIDE_MAX_TIMES, w->names[w->picked[0]]);
			w->q.text = w->text;
			w->q.skip = "count the people in each day, month or year";
		}
	}
	w->q.choices = w->choices;
	return &w->q;
}

int
lt_guide_wizard_answer(lt_guide_wizard *w, int i, lt_error *err)
{
	const lt_guide_question *q = lt_guide_wizard_question(w);
	const slot *sl;

	if (q == NULL)
		return lt_err(err, LT_EINVAL, "the questions are over; run the command");
	if (i == -1 && !q->can_skip)
		return lt_err(err, LT_EINVAL, "this question needs an answer: pick a number "
		    "from 1 to %zu", q->nchoices);
	if (q->nchoices == 0 && i != -1)
		return lt_err(err, LT_EINVAL, "the only answer here is 0 (%s)", q->skip);
	if (i < -1 || (i >= 0 && (size_t)i >= q->nchoices))
		return lt_err(err, LT_EINVAL, "pick a number from %d to %zu", q->can_skip ?
		    0 : 1, q->nchoices);
	if (w->goal < 0) {
		/* a goal only if the dataset has columns for its first question */
		w->goal = i;
		w->slot = 0;
		if (fill(w, 0) == 0) {
			w->goal = -1;
			return lt_err(err, LT_EINVAL, "this dataset has no column that fits that "
			    "question; pick another");
		}
		return 0;
	}
	sl = &slots[w->goal][w->slot];
	if (sl->flags & SLOT_RATE) {
		w->per = i >= 0 ? w->choice_var[i] : -1;
		w->slot++;
	} else {
		w->picked[w->npicked++] = i >= 0 ? w->choice_var[i] : -1;
		if (!(sl->flags & SLOT_MANY) || i < 0 || w->npicked >= LT_GUIDE_MAXVARS)
			w->slot++;
	}
	advance(w);
	/* a question with nothing to pick, that cannot be skipped, cannot be asked */
	if (w->command == NULL && fill(w, w->slot) == 0) {
		/* unless it says why there is nothing to pick */
		if (can_skip(w, w->slot) && (slots[w->goal][w->slot].flags & SLOT_TIME) &&
		    w->held > 0)
			return 0;
		if (can_skip(w, w->slot))
			return lt_guide_wizard_answer(w, -1, err);
		w->goal = -1;
		w->npicked = 0;
		w->per = -1;
		return lt_err(err, LT_EINVAL, "this dataset has no column left that fits; "
		    "pick another question");
	}
	return 0;
}

const char *
lt_guide_wizard_command(const lt_guide_wizard *w)
{
	return w->command;
}
